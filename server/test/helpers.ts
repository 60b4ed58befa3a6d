import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { inject as injectProvided } from 'vitest';
import { buildApp } from '../src/app';
import { resetClock } from '../src/clock';
import { loadConfig } from '../src/config';
import type { Database, Db } from '../src/db/client';
import { openTestDatabase } from './db-template';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  database: Database;
  client(): TestClient;
  close(): Promise<void>;
}

/** A real app on a fresh database cloned from the run's template; requests go through app.inject. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const { database, drop } = await openTestDatabase(injectProvided('dbTemplate'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-test-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    RATE_LIMIT: 'false',
    ENABLE_TEST_CLOCK: 'true',
    ...env,
  });
  const app = await buildApp({ config, database, sessionSecret: 'test-session-secret-0123456789abcdef', logger: false });
  await app.ready();
  return {
    app,
    db: database.db,
    database,
    client: () => new TestClient(app),
    async close() {
      resetClock();
      await app.close();
      await database.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Body = Record<string, unknown> | unknown[] | string | undefined;

/** A browser-like client: keeps the session cookie and sends the CSRF token like the web app does. */
export class TestClient {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(private readonly app: FastifyInstance) {}

  async request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: Body, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await this.app.inject({ method, url, headers: h, payload });
    const setCookie = res.cookies.find((c) => c.name === 'ptce_sid');
    if (setCookie) this.cookie = setCookie.value ? `ptce_sid=${setCookie.value}` : null;
    return res;
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: Body, headers?: Record<string, string>) {
    return this.request('POST', url, body ?? {}, headers);
  }
  patch(url: string, body?: Body) {
    return this.request('PATCH', url, body ?? {});
  }
  put(url: string, body?: Body) {
    return this.request('PUT', url, body ?? {});
  }
  delete(url: string, body?: Body) {
    return this.request('DELETE', url, body);
  }

  async login(username: string, password: string, realm?: 'person' | 'unit' | 'authority'): Promise<LightMyRequestResponse> {
    const res = await this.post('/api/auth/login', realm ? { username, password, realm } : { username, password });
    if (res.statusCode === 200) this.csrf = res.json().me.csrfToken;
    return res;
  }
}

/** Logs in and fails loudly if that did not work. */
export async function loggedIn(t: TestApp, username: string, password: string, realm?: 'person' | 'unit' | 'authority'): Promise<TestClient> {
  const c = t.client();
  const res = await c.login(username, password, realm);
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return c;
}
