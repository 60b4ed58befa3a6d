/**
 * 审计日志: the append-only, hash-chained record of who did what. Every module writes through writeAudit,
 * or through auditEntriesSql inside a command's one statement.
 */
// The writer first: the routes reach excel/ (the export), whose modules build SQL with auditEntriesSql
// when they load, so it must be bound before the routes are.
export { auditEntriesSql, writeAudit, type AuditContext, type AuditEntryExprs, type AuditEvent } from './write-audit';
export { verifyAuditChain, type ChainReport } from './verify-chain';
export { auditRoutes } from './routes';
export { searchAudit } from './search-audit';
