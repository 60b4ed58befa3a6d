// Compiles the server for production: src/main.ts and the CLI scripts become bundled ES modules in dist/
// (with source maps), run by plain Node. npm packages stay external and load from node_modules; the
// workspace packages (@ptce/rules, @ptce/contracts, TypeScript sources) are bundled in. Data the server
// reads at run time (migrations, seed content) is not copied: src/paths.ts finds it from the package.
// Usage: node build.mjs [outdir]   (default dist)
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const serverDir = import.meta.dirname;
const outdir = path.resolve(serverDir, process.argv[2] ?? 'dist');
const manifest = JSON.parse(fs.readFileSync(path.join(serverDir, 'package.json'), 'utf8'));
const external = Object.keys(manifest.dependencies).filter((name) => !name.startsWith('@ptce/'));
const cli = fs
  .readdirSync(path.join(serverDir, 'src/cli'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => `src/cli/${f}`);

fs.rmSync(outdir, { recursive: true, force: true });
const started = performance.now();
await build({
  absWorkingDir: serverDir,
  entryPoints: ['src/main.ts', ...cli],
  outdir,
  outbase: 'src',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external,
  // Bundled CommonJS code (none today) would need `require`; ES modules have none, so give them one.
  banner: {
    js: "import { createRequire as __ptceCreateRequire } from 'node:module'; const require = __ptceCreateRequire(import.meta.url);",
  },
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
console.log(
  `Built the server into ${path.relative(process.cwd(), outdir) || '.'} in ${Math.round(performance.now() - started)} ms`,
);
