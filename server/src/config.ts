import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { parsePiiKey } from './db/pii';
import { REPO_ROOT } from './paths';

/**
 * Every setting the server reads from the environment, validated once at start-up.
 * A bad value stops the process with a message naming the variable.
 */
const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** PostgreSQL server; when unset the embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /**
   * A read replica of DATABASE_URL (PostgreSQL streaming replication) for 统计分析 and the Excel exports, the
   * heavy reads; everything else, and every write, goes to DATABASE_URL. Unset: DATABASE_URL serves them too.
   */
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** A query waiting longer than this (e.g. the network to the server is cut) fails with 503. */
  DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(15_000),
  /**
   * Uploaded and generated files live here. With several app instances every one must see the same folder (a
   * shared mount): an import is carried on by another instance from its stored file when its own dies.
   */
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * An import whose heartbeat stopped this long ago is taken over by another instance (or this one, restarted) and
   * run again from its file. A run writes its heartbeat after every batch, so minutes is plenty.
   */
  IMPORT_STALE_SECONDS: z.coerce.number().int().min(2).max(3600).default(120),
  /** Keys the session-id hashes; shared by every app process. Generated per data folder when unset. */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * Encrypts ID and phone numbers at rest: 32 bytes as base64 (`openssl rand -base64 32`) or 64 hex
   * digits. Required in production; elsewhere generated once into DATA_DIR/pii.key when unset.
   */
  PII_KEY: z.string().optional(),
  /** The key before a rotation, still accepted for reading until `npm run rotate-pii-key` has run. */
  PII_KEY_PREVIOUS: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** Send the session cookie only over HTTPS. Default on in production. */
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  /** Public base URL, used in links such as the certificate verification QR code. */
  PUBLIC_URL: z.string().url('must be a URL such as https://ptce.example.cn').default('http://localhost:3000'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Load demo units, people and logins into an empty database. Default: on, except in production (refused there). */
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  /**
   * Reverse proxies whose X-Forwarded-For is believed: a comma list of addresses/CIDRs, or a hop count 1–10.
   * Unset: no proxy is trusted and the client address is the socket's.
   */
  TRUST_PROXY: z
    .string()
    .refine(
      (v) => parseTrustProxy(v) !== null,
      'must be a comma list of IP addresses/CIDRs (e.g. 10.0.0.5,10.1.0.0/16) or a hop count 1–10',
    )
    .optional(),
  /** Lets tests move the server clock through /api/test/clock. Never enable in production. */
  ENABLE_TEST_CLOCK: z.enum(['true', 'false']).default('false'),
  /** Directory of the built web app; served at / when it exists. */
  WEB_DIST: z.string().optional(),
  MAX_UPLOAD_MB: z.coerce.number().min(1).max(200).default(20),
  /**
   * Where uploaded and generated files are kept: `local`, a folder under DATA_DIR (app instances must share it), or
   * `database`, in the database itself (instances on several machines need nothing else in common).
   */
  FILE_STORE: z.enum(['local', 'database']).default('local'),
  /** The issuing authority printed on certificates. */
  ISSUER_NAME: z.string().min(2).max(60).default('广西壮族自治区人力资源和社会保障厅'),
  /** Per-IP request limits on login, registration and public look-ups. */
  RATE_LIMIT: z.enum(['true', 'false']).default('true'),
  /** 微信扫码登录 (Open Platform website app): its AppID; unset = WeChat login is not offered. */
  WECHAT_APP_ID: z
    .string()
    .regex(/^wx[0-9a-zA-Z]{16}$/, 'must be a WeChat AppID: wx and 16 letters or digits')
    .optional(),
  /** The website app's AppSecret: kept on the server, never logged, never in an error message. */
  WECHAT_APP_SECRET: z
    .string()
    .regex(/^[0-9a-zA-Z]{16,64}$/, 'must be the AppSecret: 16–64 letters or digits')
    .optional(),
  /** Where WeChat sends the browser back (the 授权回调域 registered with WeChat); default PUBLIC_URL/wechat/callback. */
  WECHAT_REDIRECT_URL: z.string().url('must be a URL such as https://ptce.example.cn/wechat/callback').optional(),
  /** Base URL of the QR-connect page (connect/qrconnect). */
  WECHAT_OPEN_URL: z
    .string()
    .url('must be a URL such as https://open.weixin.qq.com')
    .default('https://open.weixin.qq.com'),
  /** Base URL of the API (sns/oauth2/access_token, sns/userinfo). */
  WECHAT_API_URL: z
    .string()
    .url('must be a URL such as https://api.weixin.qq.com')
    .default('https://api.weixin.qq.com'),
  /** Development with demo data only: start the local fake of WeChat's Open Platform with the server (模拟). */
  WECHAT_FAKE: z.enum(['true', 'false']).default('false'),
  /** Port of that fake; default PORT + 1. */
  WECHAT_FAKE_PORT: z.coerce.number().int().min(0).max(65535).optional(),
});

/** 微信扫码登录's settings; `simulated` when they point at the local fake (every page then says 模拟). */
export interface WechatConfig {
  appId: string;
  appSecret: string;
  redirectUrl: string;
  openBaseUrl: string;
  apiBaseUrl: string;
  simulated: boolean;
}

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string | undefined;
  databaseReadUrl: string | undefined;
  databasePoolSize: number;
  databaseQueryTimeoutMs: number;
  dataDir: string;
  sessionSecret: string | undefined;
  piiKey: string | undefined;
  piiKeyPrevious: string[];
  sessionIdleMinutes: number;
  cookieSecure: boolean;
  publicUrl: string;
  logLevel: string;
  seedDemo: boolean;
  /** Fastify's trustProxy: false, a hop count, or a list of addresses/CIDRs. */
  trustProxy: false | number | string[];
  enableTestClock: boolean;
  webDist: string;
  maxUploadBytes: number;
  fileStore: 'local' | 'database';
  rateLimit: boolean;
  importStaleSeconds: number;
  issuerName: string;
  /** Null when WECHAT_APP_ID is unset (and no fake is started). */
  wechat: WechatConfig | null;
  /** Start the local fake of WeChat's Open Platform on this port (development with demo data only). */
  wechatFake: { port: number } | null;
};

export class ConfigError extends Error {}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isAddressOrCidr(item: string): boolean {
  const [addr, bits, ...rest] = item.split('/');
  if (rest.length || !addr) return false;
  const v4 = IPV4.test(addr);
  const v6 = !v4 && isIP(addr) === 6;
  if (!v4 && !v6) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (v4 ? 32 : 128);
}

/** TRUST_PROXY as Fastify takes it: a hop count 1–10 or a list of addresses/CIDRs; null when malformed. */
export function parseTrustProxy(value: string): number | string[] | null {
  const v = value.trim();
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    return n >= 1 && n <= 10 ? n : null;
  }
  const items = v.split(',').map((s) => s.trim());
  return items.length > 0 && items.every(isAddressOrCidr) ? items : null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (DATABASE_URL=) means "not set".
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && e.ENABLE_TEST_CLOCK === 'true') {
    throw new ConfigError('Invalid configuration:\n  ENABLE_TEST_CLOCK: must not be true in production');
  }
  if (e.DATABASE_READ_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  DATABASE_READ_URL: a read replica needs DATABASE_URL (the primary); the embedded database has none',
    );
  }
  if (e.NODE_ENV === 'production' && e.DATABASE_URL && !e.SESSION_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  SESSION_SECRET: required in production with DATABASE_URL (every app process must share it)',
    );
  }
  if (e.NODE_ENV === 'production' && e.SEED_DEMO === 'true') {
    throw new ConfigError(
      'Invalid configuration:\n  SEED_DEMO: must not be true in production (demo units and the demo logins would be loaded); create the first operator with npm run create-operator',
    );
  }
  if (e.NODE_ENV === 'production' && !e.PII_KEY) {
    throw new ConfigError(
      'Invalid configuration:\n  PII_KEY: required in production (encrypts ID and phone numbers; generate one with `openssl rand -base64 32` and keep it outside the database)',
    );
  }
  if (e.PII_KEY && !parsePiiKey(e.PII_KEY)) {
    throw new ConfigError(
      'Invalid configuration:\n  PII_KEY: must be 32 bytes as base64 (openssl rand -base64 32) or 64 hex digits',
    );
  }
  const piiKeyPrevious = (e.PII_KEY_PREVIOUS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (piiKeyPrevious.some((k) => !parsePiiKey(k))) {
    throw new ConfigError('Invalid configuration:\n  PII_KEY_PREVIOUS: must be 32 bytes as base64 or 64 hex digits');
  }
  if (e.WECHAT_APP_ID && !e.WECHAT_APP_SECRET) {
    throw new ConfigError('Invalid configuration:\n  WECHAT_APP_SECRET: required with WECHAT_APP_ID');
  }
  if (e.WECHAT_APP_SECRET && !e.WECHAT_APP_ID) {
    throw new ConfigError('Invalid configuration:\n  WECHAT_APP_ID: required with WECHAT_APP_SECRET');
  }
  const seedDemo = e.SEED_DEMO ? e.SEED_DEMO === 'true' : e.NODE_ENV !== 'production';
  if (e.WECHAT_FAKE === 'true' && (e.NODE_ENV === 'production' || !seedDemo)) {
    throw new ConfigError(
      'Invalid configuration:\n  WECHAT_FAKE: only for development with demo data (the simulated WeChat lets anyone pick a WeChat user)',
    );
  }
  if (e.WECHAT_FAKE === 'true' && e.WECHAT_APP_ID) {
    throw new ConfigError(
      'Invalid configuration:\n  WECHAT_FAKE: leave WECHAT_APP_ID unset when the simulated WeChat is used',
    );
  }
  if (e.NODE_ENV === 'production' && e.WECHAT_APP_ID) {
    for (const [name, v] of [
      ['WECHAT_OPEN_URL', e.WECHAT_OPEN_URL],
      ['WECHAT_API_URL', e.WECHAT_API_URL],
    ] as const)
      if (!v.startsWith('https://'))
        throw new ConfigError(`Invalid configuration:\n  ${name}: must be an https:// URL in production`);
  }
  const publicUrl = e.PUBLIC_URL.replace(/\/$/, '');
  const redirectUrl = e.WECHAT_REDIRECT_URL ?? `${publicUrl}/wechat/callback`;
  const repoRoot = REPO_ROOT;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    databaseReadUrl: e.DATABASE_READ_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databaseQueryTimeoutMs: e.DATABASE_QUERY_TIMEOUT_MS,
    dataDir: path.resolve(e.DATA_DIR),
    sessionSecret: e.SESSION_SECRET,
    piiKey: e.PII_KEY,
    piiKeyPrevious,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === 'true' : e.NODE_ENV === 'production',
    publicUrl,
    logLevel: e.LOG_LEVEL,
    seedDemo,
    trustProxy: e.TRUST_PROXY ? parseTrustProxy(e.TRUST_PROXY)! : false,
    enableTestClock: e.ENABLE_TEST_CLOCK === 'true',
    webDist: path.resolve(e.WEB_DIST ?? path.join(repoRoot, 'web/dist')),
    maxUploadBytes: Math.round(e.MAX_UPLOAD_MB * 1024 * 1024),
    fileStore: e.FILE_STORE,
    rateLimit: e.RATE_LIMIT === 'true',
    importStaleSeconds: e.IMPORT_STALE_SECONDS,
    issuerName: e.ISSUER_NAME,
    wechat:
      e.WECHAT_APP_ID && e.WECHAT_APP_SECRET
        ? {
            appId: e.WECHAT_APP_ID,
            appSecret: e.WECHAT_APP_SECRET,
            redirectUrl,
            openBaseUrl: e.WECHAT_OPEN_URL.replace(/\/$/, ''),
            apiBaseUrl: e.WECHAT_API_URL.replace(/\/$/, ''),
            simulated: false,
          }
        : null,
    wechatFake: e.WECHAT_FAKE === 'true' ? { port: e.WECHAT_FAKE_PORT ?? (e.PORT === 0 ? 0 : e.PORT + 1) } : null,
  };
}
