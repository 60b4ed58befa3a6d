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

/** The key every test app encrypts ID and phone numbers with (apps of one file share their data). */
export const TEST_PII_KEY = Buffer.alloc(32, 0x5a).toString('base64');

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  database: Database;
  /** The read replica statistics and exports read from: `db` itself unless the app was made with one. */
  readDb: Db;
  client(): TestClient;
  close(): Promise<void>;
}

/** A real app on a fresh database cloned from the run's template; requests go through app.inject. */
export async function createTestApp(
  env: Record<string, string> = {},
  opts: {
    /** A second database, cloned from the same template, as the read replica (DATABASE_READ_URL). */
    readReplica?: boolean;
  } = {},
): Promise<TestApp> {
  const { database, drop } = await openTestDatabase(injectProvided('dbTemplate'));
  const replica = opts.readReplica ? await openTestDatabase(injectProvided('dbTemplate')) : null;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-test-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    RATE_LIMIT: 'false',
    ENABLE_TEST_CLOCK: 'true',
    PII_KEY: TEST_PII_KEY,
    ...env,
  });
  const app = await buildApp({
    config,
    database,
    readDatabase: replica?.database,
    sessionSecret: 'test-session-secret-0123456789abcdef',
    logger: false,
  });
  await app.ready();
  return {
    app,
    db: database.db,
    database,
    readDb: replica?.database.db ?? database.db,
    client: () => new TestClient(app, nextClientAddress()),
    async close() {
      resetClock();
      await app.close();
      await database.close();
      await drop();
      await replica?.database.close();
      await replica?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let clientCount = 0;
/** Each client its own address (198.18.0.0/15, set aside for tests), so per-address login delays stay with it. */
export function nextClientAddress(): string {
  clientCount++;
  return `198.18.${(clientCount >> 8) & 255}.${clientCount & 255}`;
}

/** A fresh captcha and its answer, read through the test API. */
export async function solveCaptcha(
  app: FastifyInstance,
  address = '198.19.0.1',
): Promise<{ captchaId: string; captchaAnswer: string }> {
  const res = await app.inject({ method: 'GET', url: '/api/auth/captcha', remoteAddress: address });
  if (res.statusCode !== 200) throw new Error(`captcha: ${res.statusCode} ${res.body}`);
  const { captchaId } = res.json() as { captchaId: string };
  const answer = await app.inject({ method: 'GET', url: `/api/test/captcha/${captchaId}`, remoteAddress: address });
  if (answer.statusCode !== 200) throw new Error(`captcha answer: ${answer.statusCode} ${answer.body}`);
  return { captchaId, captchaAnswer: (answer.json() as { answer: string }).answer };
}

export interface LoginOptions {
  /** 'auto' (default): answers a captcha when the server asks for one; true: always sends one; false: never. */
  captcha?: boolean | 'auto';
}

type Body = Record<string, unknown> | unknown[] | string | undefined;

/** A browser-like client: keeps the session cookie and sends the CSRF token like the web app does. */
export class TestClient {
  cookie: string | null = null;
  csrf: string | null = null;
  /** Cookies other than the session's (e.g. 扫码登录's browser cookie), as a browser keeps them. */
  jar: Record<string, string> = {};
  constructor(
    private readonly app: FastifyInstance,
    readonly address: string = nextClientAddress(),
  ) {}

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: Body,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const h: Record<string, string> = { ...headers };
    const cookies = [this.cookie, ...Object.entries(this.jar).map(([k, v]) => `${k}=${v}`)].filter(Boolean);
    if (cookies.length && !('cookie' in h)) h.cookie = cookies.join('; ');
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await this.app.inject({ method, url, headers: h, payload, remoteAddress: this.address });
    const setCookie = res.cookies.find((c) => c.name === 'ptce_sid');
    if (setCookie) this.cookie = setCookie.value ? `ptce_sid=${setCookie.value}` : null;
    for (const c of res.cookies)
      if (c.name !== 'ptce_sid') {
        if (c.value) this.jar[c.name] = c.value;
        else delete this.jar[c.name];
      }
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

  /** 注册, answering its captcha through the test API. */
  async register(body: Record<string, unknown>): Promise<LightMyRequestResponse> {
    return this.post('/api/auth/register', { ...body, ...(await solveCaptcha(this.app, this.address)) });
  }

  async login(
    username: string,
    password: string,
    realm?: 'person' | 'unit' | 'authority',
    opts: LoginOptions = {},
  ): Promise<LightMyRequestResponse> {
    const mode = opts.captcha ?? 'auto';
    const body = realm ? { username, password, realm } : { username, password };
    let res = await this.post(
      '/api/auth/login',
      mode === true ? { ...body, ...(await solveCaptcha(this.app, this.address)) } : body,
    );
    if (mode === 'auto' && res.statusCode === 401 && res.json().error?.code === 'CAPTCHA_REQUIRED') {
      res = await this.post('/api/auth/login', { ...body, ...(await solveCaptcha(this.app, this.address)) });
    }
    if (res.statusCode === 200) this.csrf = res.json().me.csrfToken;
    return res;
  }
}

/** Logs in and fails loudly if that did not work. */
export async function loggedIn(
  t: TestApp,
  username: string,
  password: string,
  realm?: 'person' | 'unit' | 'authority',
): Promise<TestClient> {
  const c = t.client();
  const res = await c.login(username, password, realm);
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return c;
}
