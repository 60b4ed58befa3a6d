// npm test: the server's, the web app's and the browser tests, in that order. Each part runs even when an
// earlier one failed, so one run shows every failure; the exit code is non-zero if any part failed.
import { spawnSync } from 'node:child_process';

const parts = ['test:server', 'test:web', 'test:e2e'];
const failed = parts.filter((part) => {
  const run = spawnSync('npm', ['run', part], { stdio: 'inherit', shell: process.platform === 'win32' });
  return run.status !== 0;
});
if (failed.length) {
  console.error(`npm test: ${failed.join(', ')} failed`);
  process.exit(1);
}
