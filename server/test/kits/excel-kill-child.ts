// A child process for imports.test.ts (PostgreSQL only): it starts an import of the given file and
// stops inside the import transaction after the first batch is written — where the test kills it with
// SIGKILL, to prove that a killed process leaves the database as it was.
import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../src/auth/actor';
import { setNow } from '../../src/clock';
import { openPostgres } from '../../src/db/client';
import { resolvePiiKeyring, usePiiKeys } from '../../src/db/pii';
import { LocalFileStore } from '../../src/storage/file-store';
import { hoursRegistrationImport, importHooks, spoolSettings, startImport } from '../../src/modules/excel/index';

const [url, actorJson, filePath, filesDir, at] = process.argv.slice(2) as [string, string, string, string, string];
setNow(at);
// The test app's key (PII_KEY in the environment): the import finds people by their ID numbers' hashes.
usePiiKeys(resolvePiiKeyring({ piiKey: process.env.PII_KEY, piiKeyPrevious: [], dataDir: path.dirname(filesDir) }));
spoolSettings.parent = path.dirname(filesDir); // inside the test's folder, removed with it
const database = await openPostgres(url, 3);
importHooks.afterBatchWritten = async (written) => {
  process.stdout.write(`WRITTEN ${written}\n`);
  await new Promise(() => {}); // never returns: the transaction stays open until the process dies
};
const actor = JSON.parse(actorJson) as Actor;
const job = await startImport(
  { db: database.db, actor, ip: '127.0.0.1' },
  { files: new LocalFileStore(filesDir), reportDuringWrite: true },
  hoursRegistrationImport,
  { fileName: 'kill.xlsx', data: fs.readFileSync(filePath) },
  'all',
);
process.stdout.write(`JOB ${job.id}\n`);
