import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Hashed build output (web/dist/assets/<name>-<hash>.js): its name changes with its content. */
const HASHED_ASSETS = `${path.sep}assets${path.sep}`;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and the unhashed files (favicon): revalidated on every visit so a new release shows at once. */
export const REVALIDATE = 'no-cache';

/**
 * Serves the built single-page app from `webDist`: the brotli or gzip copy the build wrote beside each file when the
 * browser accepts it, hashed assets cached for a year, index.html revalidated. Unknown GET paths outside /api get
 * index.html (the app shows its own 404). Returns false when the web app has not been built.
 */
export async function serveWebApp(app: FastifyInstance, webDist: string): Promise<boolean> {
  if (!fs.existsSync(path.join(webDist, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    index: false,
    preCompressed: true,
    // Cache-Control is set per file below; `send`'s own max-age header would otherwise win.
    cacheControl: false,
    setHeaders: (res, filePath) => {
      res.header('cache-control', filePath.includes(HASHED_ASSETS) ? IMMUTABLE : REVALIDATE);
    },
  });
  return true;
}

/** The SPA fallback: index.html, compressed when the browser accepts it; setHeaders above marks it no-cache. */
export function sendIndexHtml(reply: FastifyReply) {
  return reply.sendFile('index.html');
}
