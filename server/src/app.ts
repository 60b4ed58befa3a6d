import path from 'node:path';
import compress from '@fastify/compress';
import cookie, { type CookieSerializeOptions } from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { SESSION_COOKIE, SessionStore } from './auth/sessions';
import type { Config } from './config';
import type { Database, Db } from './db/client';
import { installAuthHooks } from './http/auth-hooks';
import { installErrorHandler } from './http/errors';
import { installSecurityHeaders } from './http/security-headers';
import { documentTransform } from './http/openapi';
import { maskSensitive } from './http/log-redaction';
import { repeatInBackground } from './http/recurring';
import { newRequestId } from './http/request-id';
import { postgresRateLimitStore } from './http/rate-limit-store';
import { sendIndexHtml, serveWebApp } from './http/web-app';
import { API_MODULES } from './modules/index';
import { resolvePiiKeyring, usePiiKeys } from './db/pii';
import { DatabaseFileStore } from './storage/database-file-store';
import { LocalFileStore, type FileStore } from './storage/file-store';

export interface AppDeps {
  config: Config;
  database: Database;
  db: Db;
  /** The read replica for statistics and exports (DATABASE_READ_URL); the primary's `db` when there is none. */
  readDb: Db;
  sessions: SessionStore;
  cookieOptions: CookieSerializeOptions;
  files: FileStore;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

export interface BuildAppOptions {
  config: Config;
  database: Database;
  sessionSecret: string;
  logger?: boolean;
  /** Where the log lines go (default standard output); the tests read them. */
  logStream?: { write(line: string): void };
  /** Defaults to a folder under DATA_DIR. */
  files?: FileStore;
  /** A read replica of `database` (DATABASE_READ_URL), for statistics and exports. */
  readDatabase?: Database;
}

/** Builds the Fastify instance (used by main.ts and by the tests). */
export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = opts;
  usePiiKeys(resolvePiiKeyring(config));
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: config.logLevel,
            ...(opts.logStream ? { stream: opts.logStream } : {}),
            // Passwords, cookies and CSRF tokens never reach the logs; ID numbers are masked.
            redact: [
              'req.headers.cookie',
              'req.headers["x-csrf-token"]',
              'req.headers.authorization',
              'res.headers["set-cookie"]',
              '*.password',
              '*.oldPassword',
              '*.newPassword',
            ],
            serializers: {
              req: (req) => ({ method: req.method, url: maskSensitive(req.url), ip: req.ip }),
            },
          },
    // X-Forwarded-For is believed only from the proxies named by TRUST_PROXY (default: none).
    trustProxy: config.trustProxy as FastifyServerOptions['trustProxy'],
    // Errors Fastify raises before routing (e.g. a malformed percent-encoding in the path) answer in
    // the same {error:{code,message}} shape as everything else.
    frameworkErrors: (_err, _req, reply) => {
      void (reply as unknown as FastifyReply)
        .status(400)
        .send({ error: { code: 'BAD_REQUEST', message: '请求地址不正确' } });
    },
    bodyLimit: 1024 * 1024,
    // A request's id is the 错误编号 an unexpected error shows the user and the key of its log lines: random, so that
    // ids from several instances and restarts never meet.
    genReqId: newRequestId,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const files =
    config.fileStore === 'database'
      ? new DatabaseFileStore(database.db)
      : new LocalFileStore(path.join(config.dataDir, 'files'));
  app.decorate('deps', {
    config,
    database,
    db: database.db,
    readDb: opts.readDatabase?.db ?? database.db,
    sessions: new SessionStore(opts.sessionSecret, config.sessionIdleMinutes),
    cookieOptions: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure },
    files: opts.files ?? files,
  });

  // Every /api route declares its policy; a route without one is a programming error caught at start.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && !route.config?.policy) {
      throw new Error(`Route ${String(route.method)} ${route.url} has no policy (config.policy)`);
    }
    // Its handler checks the session after validation, so a validation error must wait for that check.
    if (route.config?.sessionInStatement && !route.attachValidation) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} checks its session in its statement: attachValidation`,
      );
    }
  });

  installErrorHandler(app);
  // Idle sessions are refused on read; this only keeps the table small. Every instance runs it: the DELETE is the
  // same whoever runs it first.
  repeatInBackground(app, { everyMs: 10 * 60_000, failure: 'purging idle sessions failed' }, () =>
    app.deps.sessions.purgeExpired(database.db),
  );
  // Chunks of a file whose put died with its process are removed an hour later (database file store only).
  if (!opts.files && files instanceof DatabaseFileStore)
    repeatInBackground(app, { everyMs: 60 * 60_000, failure: 'removing unfinished stored files failed' }, () =>
      files.removeOrphans(),
    );
  await app.register(cookie);
  installSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  // API answers (JSON) over 1 KB are compressed on the fly (brotli at quality 4, else gzip); the web app's files come
  // precompressed from the build and are passed through untouched; PDFs and .xlsx are not compressible types.
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  // Per-IP limits on login, registration and public look-ups; counters in the database, shared by all processes.
  if (config.rateLimit) {
    await app.register(rateLimit, {
      global: false,
      enableDraftSpec: true,
      store: postgresRateLimitStore(database.db) as never,
      skipOnError: true,
    });
  }
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10, parts: 12 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'PTCE API — 专业技术人员继续教育信息管理系统',
        version: '0.1.0',
        license: { name: 'UNLICENSED（未公开授权）' },
      },
      servers: [{ url: '/', description: '本系统（与网页同一地址，如 https://jxjy.example.gov.cn）' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          // The signed integration API (docs/INTEGRATION.md): four headers together.
          ptceKeyId: { type: 'apiKey', in: 'header', name: 'X-Ptce-Key-Id' },
          ptceTimestamp: { type: 'apiKey', in: 'header', name: 'X-Ptce-Timestamp' },
          ptceNonce: { type: 'apiKey', in: 'header', name: 'X-Ptce-Nonce' },
          ptceSignature: { type: 'apiKey', in: 'header', name: 'X-Ptce-Signature' },
        },
      },
    },
    transform: documentTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installAuthHooks(app);

  await app.register(
    async (api) => {
      for (const mod of API_MODULES) await api.register(mod);
    },
    { prefix: '/api' },
  );

  const hasWeb = await serveWebApp(app, config.webDist);
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET') {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在' } });
    }
    if (!hasWeb) {
      return reply.status(404).type('text/plain; charset=utf-8').send('前端尚未构建：请先运行 npm run build');
    }
    // The single-page app handles its own routes (and shows its own 404 page).
    return sendIndexHtml(reply);
  });

  return app;
}
