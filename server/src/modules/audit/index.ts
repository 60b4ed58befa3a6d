/**
 * 审计日志: the append-only, hash-chained record of who did what. Every module writes through writeAudit,
 * or through auditEntriesSql inside a command's one statement.
 */
export { auditRoutes } from './routes';
export { auditEntriesSql, writeAudit, type AuditContext, type AuditEntryExprs, type AuditEvent } from './write-audit';
export { verifyAuditChain, type ChainReport } from './verify-chain';
