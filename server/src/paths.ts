import fs from 'node:fs';
import path from 'node:path';

/**
 * The server package's folder (the one holding its package.json), found from this file's place, so
 * data files resolve the same whether the server runs from source (src/…) or compiled (dist/main.js).
 */
function findServerRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (
      fs.existsSync(manifest) &&
      (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === '@ptce/server'
    ) {
      return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`the @ptce/server package is not above ${from}`);
  }
}

export const SERVER_ROOT = findServerRoot(import.meta.dirname);
/** The repository's root (web/dist, data/ and the other packages are found from it). */
export const REPO_ROOT = path.dirname(SERVER_ROOT);
/** Folders of data the server reads at run time; they are not compiled, so they stay where they are. */
export const MIGRATIONS_DIR = path.join(SERVER_ROOT, 'migrations');
export const SEED_DIR = path.join(SERVER_ROOT, 'src/db/seed');
