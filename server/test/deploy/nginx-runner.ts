import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Runs deploy/nginx/ptce.conf as it is shipped with the Debian nginx on loopback, for tests: only its
 * listen addresses, certificate (a fresh self-signed one), web folder and upstream ports are swapped.
 */
const REPO = path.resolve(import.meta.dirname, '../../..');
export const SITE = path.join(REPO, 'deploy/nginx/ptce.conf');
export const HEADERS = path.join(REPO, 'deploy/nginx/ptce-security-headers.conf');
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

export const NGINX =
  ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p)) ?? null;

/** Why nginx tests cannot run here, or null when they can. */
export const nginxMissing: string | null = !NGINX
  ? 'nginx is not installed (apt-get install nginx libnginx-mod-http-brotli-static)'
  : !fs.existsSync(BROTLI_MODULE)
    ? 'the brotli module of nginx is not installed (apt-get install libnginx-mod-http-brotli-static)'
    : null;

export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request without decompression or certificate checks (the test certificate is self-signed). */
export function request(
  url: string,
  opts: { headers?: Record<string, string>; method?: string; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const lib = url.startsWith('https:') ? https : http;
    const req = lib.request(
      url,
      { method: opts.method ?? 'GET', headers: opts.headers ?? {}, rejectUnauthorized: false, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

export interface RunningNginx {
  /** https://127.0.0.1:<port> */
  base: string;
  /** http://127.0.0.1:<port> (redirects to HTTPS) */
  plain: string;
  dir: string;
  confFile: string;
  /** The site file as run, after the swaps. */
  site: string;
  /** nginx -t on the configuration; throws with nginx's message when it fails. */
  check(): string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function prepareNginx(opts: { webDist: string; upstreamPorts: [number, number] }): Promise<RunningNginx> {
  if (nginxMissing) throw new Error(nginxMissing);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-nginx-'));
  fs.chmodSync(dir, 0o755); // workers run as an unprivileged user
  const conf = path.join(dir, 'conf');
  fs.mkdirSync(path.join(conf, 'snippets'), { recursive: true });
  const httpPort = await freePort();
  const httpsPort = await freePort();
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=ptce.example.cn',
      '-keyout',
      path.join(conf, 'privkey.pem'),
      '-out',
      path.join(conf, 'fullchain.pem'),
    ],
    { stdio: 'ignore' },
  );
  fs.copyFileSync(HEADERS, path.join(conf, 'snippets/ptce-security-headers.conf'));
  const site = fs
    .readFileSync(SITE, 'utf8')
    .replace(/^\s*listen \[::\]:.*$/gm, '')
    .replace('listen 80;', `listen 127.0.0.1:${httpPort};`)
    .replace('listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`)
    .replace('/etc/ssl/ptce/fullchain.pem', path.join(conf, 'fullchain.pem'))
    .replace('/etc/ssl/ptce/privkey.pem', path.join(conf, 'privkey.pem'))
    .replace('root /opt/ptce/web/dist;', `root ${opts.webDist};`)
    .replace('127.0.0.1:3001', `127.0.0.1:${opts.upstreamPorts[0]}`)
    .replace('127.0.0.1:3002', `127.0.0.1:${opts.upstreamPorts[1]}`);
  // Every swap must have hit: the shipped file is what is tested.
  for (const kept of ['listen 80;', 'listen 443', '/etc/ssl/ptce', '/opt/ptce', ':3001', ':3002'])
    if (site.includes(kept)) throw new Error(`deploy/nginx/ptce.conf no longer has the expected ${kept}`);
  fs.writeFileSync(path.join(conf, 'ptce.conf'), site);
  const confFile = path.join(conf, 'nginx.conf');
  fs.writeFileSync(
    confFile,
    `load_module ${BROTLI_MODULE};
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${path.join(conf, 'ptce.conf')};
}
`,
  );
  let child: ChildProcess | null = null;
  let log = '';
  const base = `https://127.0.0.1:${httpsPort}`;
  return {
    base,
    plain: `http://127.0.0.1:${httpPort}`,
    dir,
    confFile,
    site,
    check: () =>
      execFileSync(NGINX!, ['-t', '-p', dir, '-c', confFile], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
    async start() {
      child = spawn(NGINX!, ['-p', dir, '-c', confFile], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stderr!.on('data', (d) => (log += d));
      for (let i = 0; ; i++) {
        const up = await new Promise<boolean>((resolve) => {
          const s = net.connect(httpsPort, '127.0.0.1', () => {
            s.destroy();
            resolve(true);
          });
          s.on('error', () => resolve(false));
        });
        if (up) return;
        if (child.exitCode !== null || i > 200) throw new Error(`nginx did not start:\n${log}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      if (child && child.exitCode === null) {
        const c = child;
        c.kill('SIGTERM');
        await new Promise((r) => c.once('exit', r));
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
