/**
 * npm run verify-audit
 *
 * Recomputes the hash chain of the audit log of the configured database and prints OK with the number
 * of entries, or names the first broken entry and exits 1.
 */
import { verifyAuditChain } from '../modules/audit/index';
import { openConfiguredDatabase, runCommand } from './open-database';

async function main(): Promise<number> {
  const { database } = await openConfiguredDatabase();
  try {
    const started = performance.now();
    const report = await verifyAuditChain(database.db);
    const ms = Math.round(performance.now() - started);
    if (report.ok) {
      console.log(`OK: audit chain intact, ${report.entries} entries verified in ${ms} ms`);
      return 0;
    }
    const b = report.broken;
    const where =
      b.id === null ? `after entry chain_seq ${b.chainSeq - 1}` : `entry id ${b.id} (chain_seq ${b.chainSeq})`;
    console.error(
      `BROKEN: audit chain broken at ${where}: ${b.reason}. ${report.entries} entries before it are intact.`,
    );
    return 1;
  } finally {
    await database.close();
  }
}

runCommand(main);
