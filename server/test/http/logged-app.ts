import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { openTestDatabase, type DbTemplate } from '../db-template';

/**
 * The app with its real logger (level info) writing its JSON lines into `lines`, on a database of its own, for the
 * tests that read what a request logged. Not yet ready: the test adds routes, listens or calls ready().
 */
export async function appWithLogLines(template: DbTemplate): Promise<{
  app: FastifyInstance;
  lines: Array<Record<string, unknown>>;
  close: () => Promise<void>;
}> {
  const lines: Array<Record<string, unknown>> = [];
  const { database, drop } = await openTestDatabase(template);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-test-data-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', DATA_DIR: dataDir, RATE_LIMIT: 'false' });
  const app = await buildApp({
    config,
    database,
    sessionSecret: 'test-session-secret-0123456789abcdef',
    logStream: { write: (l) => void lines.push(JSON.parse(l)) },
  });
  const close = async () => {
    await app.close();
    await database.close();
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { app, lines, close };
}
