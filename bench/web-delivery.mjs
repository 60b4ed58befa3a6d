/**
 * What a browser feels on the first visit: Lighthouse (default mobile profile: simulated slow 4G and a 4× slower CPU)
 * on 登录 and on each role's 用户管理中心, plus the JavaScript the login page downloads before it can draw.
 *
 *   node bench/web-delivery.mjs              # builds web/dist when stale, ~2 minutes per role on an idle machine
 *   BENCH_ROLES=专业技术人员,平台运营 node bench/web-delivery.mjs
 *   BENCH_JSON_DIR=/tmp/lh node bench/web-delivery.mjs   # also keeps each page's full Lighthouse report there
 *
 * The app runs as `npm start` runs it (embedded database in a temporary DATA_DIR, demo data) on 127.0.0.1; each
 * role signs in through the API and Lighthouse sends its session cookie. Results are appended to
 * bench/RESULTS-web.md. Lighthouse's CPU throttling multiplies this machine's own speed: on a loaded machine the
 * performance score falls although nothing in the app changed — compare runs made on an idle machine.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '..');
const PORT = Number(process.env.BENCH_PORT ?? 3297);
const BASE = `http://127.0.0.1:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROLES = (process.env.BENCH_ROLES ?? '专业技术人员,单位管理员（总管理员）,市人社局,平台运营').split(',');
const OUT = path.join(import.meta.dirname, 'RESULTS-web.md');

async function startApp(dataDir) {
  execFileSync('node', ['scripts/ensure-build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const child = spawn('node', ['--enable-source-maps', 'dist/main.js'], {
    cwd: path.join(ROOT, 'server'),
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return child;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error('the app did not start within 120 s');
}

async function sessionCookie(username, password, realm) {
  const res = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BASE },
    body: JSON.stringify({ username, password, realm }),
  });
  if (!res.ok) throw new Error(`login of ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ptce_sid='));
  if (!cookie) throw new Error(`login of ${username}: no session cookie`);
  return cookie.split(';')[0];
}

async function audit(page, url, cookie) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox'] });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      extraHeaders: cookie ? { Cookie: cookie } : undefined,
    });
    const lhr = result.lhr;
    if (process.env.BENCH_JSON_DIR) {
      fs.mkdirSync(process.env.BENCH_JSON_DIR, { recursive: true });
      fs.writeFileSync(path.join(process.env.BENCH_JSON_DIR, `${page}.json`), JSON.stringify(lhr));
    }
    const score = (k) => Math.round((lhr.categories[k]?.score ?? 0) * 100);
    const shown = (k) => lhr.audits[k]?.displayValue ?? '—';
    return {
      page,
      performance: score('performance'),
      accessibility: score('accessibility'),
      fcp: shown('first-contentful-paint'),
      lcp: shown('largest-contentful-paint'),
      tbt: shown('total-blocking-time'),
      bytes: shown('total-byte-weight'),
    };
  } finally {
    chrome.kill();
  }
}

/** Bytes of JavaScript on the wire (compressed as sent) until the login form is drawn. */
async function loginJavaScript() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    let total = 0;
    const pending = [];
    page.on('requestfinished', (req) => {
      if (!req.url().endsWith('.js')) return;
      pending.push(
        req.sizes().then((s) => {
          total += s.responseBodySize;
        }),
      );
    });
    await page.goto(`${BASE}/login`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    await Promise.all(pending);
    return total;
  } finally {
    await browser.close();
  }
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-bench-web-'));
  const app = await startApp(dataDir);
  try {
    const demo = JSON.parse(fs.readFileSync(path.join(dataDir, 'demo-logins.json'), 'utf8'));
    const rows = [await audit('登录', `${BASE}/login`)];
    for (const role of ROLES) {
      const login = demo.logins.find((l) => l.role.startsWith(role));
      if (!login) throw new Error(`no demo login named ${role}`);
      const cookie = await sessionCookie(login.username, demo.password, login.realm);
      rows.push(await audit(`用户管理中心（${role}）`, `${BASE}/`, cookie));
    }
    const js = await loginJavaScript();
    const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
    const load = os.loadavg()[0].toFixed(1);
    const table = [
      `## ${when} UTC (load average ${load}, ${os.cpus().length} cores)`,
      '',
      `JavaScript downloaded by 登录 before the form is drawn: ${(js / 1024).toFixed(1)} KiB (compressed, as sent).`,
      '',
      '| page | performance | accessibility | FCP | LCP | TBT | bytes |',
      '|---|---|---|---|---|---|---|',
      ...rows.map(
        (r) => `| ${r.page} | ${r.performance} | ${r.accessibility} | ${r.fcp} | ${r.lcp} | ${r.tbt} | ${r.bytes} |`,
      ),
      '',
    ].join('\n');
    console.log(table);
    if (!fs.existsSync(OUT)) {
      fs.writeFileSync(
        OUT,
        "# First visit: Lighthouse and the login page's JavaScript\n\nMade by `node bench/web-delivery.mjs`.\n\n",
      );
    }
    fs.appendFileSync(OUT, `${table}\n`);
  } finally {
    app.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
