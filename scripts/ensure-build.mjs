// Builds what is missing or older than its sources — the web app (web/dist) and the compiled server
// (server/dist) — so `npm start` works on a fresh clone without a separate build step and stays fast
// afterwards. `node scripts/ensure-build.mjs web` (or `server`) checks one of them.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const shared = ['packages/contracts/src', 'packages/rules/src'];
const targets = {
  web: {
    built: 'web/dist/index.html',
    sources: ['web/src', 'web/index.html', 'web/vite.config.ts', 'web/build', ...shared],
    command: 'npm run build -w web',
    label: 'the web app (web/dist)',
  },
  server: {
    built: 'server/dist/main.js',
    sources: ['server/src', 'server/build.mjs', 'server/package.json', ...shared],
    command: 'npm run build -w server',
    label: 'the server (server/dist)',
  },
};

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))));
}

const wanted = process.argv.slice(2);
for (const [name, t] of Object.entries(targets)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const built = path.join(root, t.built);
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  if (builtAt < Math.max(...t.sources.map((p) => newest(path.join(root, p))))) {
    console.log(`Building ${t.label}…`);
    execSync(t.command, { cwd: root, stdio: 'inherit' });
  }
}
