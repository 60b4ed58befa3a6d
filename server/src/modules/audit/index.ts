/** 审计日志: the append-only, hash-chained record of who did what. Every module writes through writeAudit. */
export { auditRoutes } from './routes';
export { writeAudit, type AuditContext, type AuditEvent } from './write-audit';
export { verifyAuditChain, type ChainReport } from './verify-chain';
