import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createTestApp, type TestApp } from '../helpers';
import { HEADERS, nginxMissing, prepareNginx, request, type RunningNginx } from './nginx-runner';

/**
 * deploy/nginx/ptce.conf as it is shipped, run by the Debian nginx on loopback (nginx-runner.ts: only its
 * addresses, ports, certificate and web folder are swapped). Two stand-in app instances echo what nginx
 * sends them. It must validate (nginx -t), serve the build's precompressed files with the right caching,
 * send the app's security headers with them, spread /api over both instances, and hand the app a client
 * address that TRUST_PROXY in deploy/ptce.env.example makes it believe.
 */
const REPO = path.resolve(import.meta.dirname, '../../..');
const ENV_EXAMPLE = path.join(REPO, 'deploy/ptce.env.example');

describe('the env example', () => {
  it('is a valid production configuration once its secrets are filled in, trusting nginx on loopback as the one proxy', () => {
    const env: Record<string, string> = {};
    for (const line of fs.readFileSync(ENV_EXAMPLE, 'utf8').split('\n')) {
      const m = line.match(/^([A-Z_]+)=(.*)$/);
      if (m) env[m[1]!] = m[2]!;
    }
    expect(env.PORT).toBeUndefined(); // each instance gets its own from its unit name
    const config = loadConfig({ ...env, PII_KEY: Buffer.alloc(32, 1).toString('base64') });
    expect(config.env).toBe('production');
    expect(config.trustProxy).toEqual(['127.0.0.1']);
    expect(config.cookieSecure).toBe(true);
    expect(config.seedDemo).toBe(false);
  });
});

describe.skipIf(nginxMissing !== null)(`the nginx site${nginxMissing ? ` (skipped: ${nginxMissing})` : ''}`, () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-web-'));
  let nginx: RunningNginx;
  const upstreams: Array<{ server: http.Server; port: number; seen: http.IncomingHttpHeaders[] }> = [];
  let t: TestApp;

  const js = `console.log(${JSON.stringify('学时'.repeat(600))});\n`;

  beforeAll(async () => {
    t = await createTestApp();
    // The web build as vite writes it: hashed assets with .br/.gz copies, index.html with its copies.
    fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
    const html = `<!doctype html><html><head><script type="module" src="/assets/index-3f9a1c.js"></script></head><body>${'<!-- 继续教育 -->'.repeat(80)}</body></html>`;
    for (const [name, text] of [
      ['assets/index-3f9a1c.js', js],
      ['index.html', html],
    ] as const) {
      fs.writeFileSync(path.join(dist, name), text);
      fs.writeFileSync(path.join(dist, `${name}.br`), zlib.brotliCompressSync(text));
      fs.writeFileSync(path.join(dist, `${name}.gz`), zlib.gzipSync(text));
    }
    fs.writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    // Workers run as an unprivileged user: the folders must be readable to them.
    for (const d of [dist, path.join(dist, 'assets')]) fs.chmodSync(d, 0o755);

    for (let i = 0; i < 2; i++) {
      const seen: http.IncomingHttpHeaders[] = [];
      const server = http.createServer((req, res) => {
        seen.push(req.headers);
        req.resume();
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ instance: i, url: req.url }));
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      upstreams.push({ server, port: (server.address() as net.AddressInfo).port, seen });
    }
    nginx = await prepareNginx({ webDist: dist, upstreamPorts: [upstreams[0]!.port, upstreams[1]!.port] });
  }, 60_000);

  afterAll(async () => {
    await nginx?.stop();
    for (const u of upstreams) u.server.close();
    await t?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('passes nginx -t', () => {
    expect(nginx.check()).toBe(''); // nginx -t reports on stderr; a failure throws with its message
  });

  it('serves the web build and proxies the API over both instances', async () => {
    await nginx.start();
    const base = nginx.base;

    // Plain HTTP is sent to HTTPS.
    const plain = await request(`${nginx.plain}/login`, { headers: { host: 'ptce.example.cn' } });
    expect(plain.status).toBe(301);
    expect(plain.headers.location).toBe('https://ptce.example.cn/login');

    // A hashed asset: the build's brotli copy (or gzip copy) as it is, cached for a year.
    const br = await request(`${base}/assets/index-3f9a1c.js`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.body.equals(fs.readFileSync(path.join(dist, 'assets/index-3f9a1c.js.br')))).toBe(true);
    const gz = await request(`${base}/assets/index-3f9a1c.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(js);
    const identity = await request(`${base}/assets/index-3f9a1c.js`);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.toString()).toBe(js);
    expect((await request(`${base}/assets/missing-000000.js`)).status).toBe(404);

    // index.html, and the app's own routes answered with it: revalidated on every visit.
    for (const p of ['/', '/index.html', '/verify/ABCD1234EFGH5678', '/login']) {
      const page = await request(`${base}${p}`, { headers: { 'accept-encoding': 'br' } });
      expect(page.status, p).toBe(200);
      expect(page.headers['cache-control'], p).toBe('no-cache');
      expect(zlib.brotliDecompressSync(page.body).toString(), p).toContain('/assets/index-3f9a1c.js');
    }

    // The security headers nginx adds are exactly the ones the app sends itself.
    const fromApp = await t.app.inject({ method: 'GET', url: '/api/health' });
    const page = await request(`${base}/`);
    const names = [...fs.readFileSync(HEADERS, 'utf8').matchAll(/^add_header (\S+)/gm)].map((m) => m[1]!.toLowerCase());
    expect(names.length).toBeGreaterThan(8);
    for (const name of names) {
      expect(page.headers[name], name).toBeDefined();
      expect(page.headers[name], name).toBe(fromApp.headers[name]);
    }

    // /api goes to the instances, round robin, with the client's address in place of any it claimed.
    for (let i = 0; i < 6; i++) {
      const api = await request(`${base}/api/health?n=${i}`, { headers: { 'x-forwarded-for': '203.0.113.66' } });
      expect(api.status).toBe(200);
      expect(api.headers['cache-control']).toBeUndefined();
    }
    expect(upstreams[0]!.seen.length).toBe(3);
    expect(upstreams[1]!.seen.length).toBe(3);
    for (const h of [...upstreams[0]!.seen, ...upstreams[1]!.seen]) {
      expect(h['x-forwarded-for']).toBe('127.0.0.1');
      expect(h['x-forwarded-proto']).toBe('https');
    }

    // One instance gone: a read is answered by the other.
    await new Promise((r) => upstreams[0]!.server.close(r));
    upstreams[0]!.server.closeAllConnections();
    for (let i = 0; i < 4; i++) {
      const api = await request(`${base}/api/health?after=${i}`);
      expect(api.status).toBe(200);
      expect(JSON.parse(api.body.toString())).toMatchObject({ instance: 1 });
    }
  }, 60_000);
});
