// Fails when a production dependency of any workspace is marked deprecated in the npm registry.
// The registry's advisory endpoint is not reachable from every build machine, so the project keeps
// its production dependencies few and maintained (docs/SECURITY.md lists each with its reason), and
// this check asks `npm view NAME@VERSION deprecated` for the exact versions in package-lock.json.
// When the registry cannot be asked at all, it says so and exits 0 (skipped, not passed).
//
//   node scripts/check-deprecated.mjs [--only NAME[,NAME…]]
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const rootPkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? new Set(process.argv[onlyArg + 1]?.split(',')) : null;

const NETWORK =
  /ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|socket hang up|network|timed out|Timeout|certificate/i;

/** The installed version of a workspace's dependency: its own node_modules first, then the root's. */
function lockedVersion(workspace, name) {
  const entry = lock.packages?.[`${workspace}/node_modules/${name}`] ?? lock.packages?.[`node_modules/${name}`];
  if (!entry || entry.link) return null; // a workspace package of this repository
  return entry.version ?? null;
}

const deps = new Map(); // "name@version" → workspaces using it
for (const ws of rootPkg.workspaces ?? []) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, ws, 'package.json'), 'utf8'));
  for (const name of Object.keys(pkg.dependencies ?? {})) {
    if (only && !only.has(name)) continue;
    const version = lockedVersion(ws, name);
    if (!version) continue;
    const key = `${name}@${version}`;
    deps.set(key, [...(deps.get(key) ?? []), ws]);
  }
}

async function deprecation(spec) {
  try {
    const { stdout } = await run('npm', ['view', spec, 'deprecated', '--json'], { timeout: 30_000, cwd: root });
    const text = stdout.trim();
    if (!text) return { deprecated: null };
    const value = JSON.parse(text);
    return { deprecated: typeof value === 'string' && value ? value : null };
  } catch (e) {
    const msg = `${e.stderr ?? ''} ${e.message ?? ''}`;
    if (e.killed || NETWORK.test(msg))
      return {
        unreachable:
          msg
            .trim()
            .split('\n')
            .find((l) => NETWORK.test(l)) ?? 'no answer',
      };
    return {
      error:
        msg
          .trim()
          .split('\n')
          .find((l) => /npm (error|ERR!)/.test(l)) ?? msg.trim().slice(0, 200),
    };
  }
}

const specs = [...deps.keys()].sort();
console.log(`Checking ${specs.length} production dependencies for deprecation in the registry…`);
const results = new Map();
let next = 0;
let unreachable = null;
await Promise.all(
  Array.from({ length: 4 }, async () => {
    while (next < specs.length && !unreachable) {
      const spec = specs[next++];
      const r = await deprecation(spec);
      if (r.unreachable) unreachable ??= r.unreachable;
      results.set(spec, r);
    }
  }),
);

if (unreachable) {
  console.log(
    `SKIPPED: the npm registry cannot be asked from here (${unreachable.slice(0, 160)}); deprecation not checked.`,
  );
  process.exit(0);
}
const deprecated = specs.filter((s) => results.get(s)?.deprecated);
const failed = specs.filter((s) => results.get(s)?.error);
for (const s of deprecated)
  console.error(`DEPRECATED ${s} (used by ${deps.get(s).join(', ')}): ${results.get(s).deprecated}`);
for (const s of failed) console.error(`UNKNOWN ${s} (used by ${deps.get(s).join(', ')}): ${results.get(s).error}`);
if (deprecated.length || failed.length) {
  console.error(
    `${deprecated.length} deprecated, ${failed.length} not found in the registry — replace or update them (docs/SECURITY.md).`,
  );
  process.exit(1);
}
console.log(`OK: none of the ${specs.length} production dependencies is deprecated.`);
