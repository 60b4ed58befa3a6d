import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * A PTCE server (or one of its CLI scripts, from source or compiled) started as its own process from
 * server/, on an embedded database in `dataDir`, for tests of start-up, shutdown and crashes. Listens on
 * a free port of 127.0.0.1.
 */
export interface ServerProcess {
  child: ChildProcess;
  /** The exit code, or null when killed by a signal. */
  exited: Promise<number | null>;
  /** Everything printed so far, stdout and stderr. */
  output(): string;
  /** Waits until the output matches `pattern`; fails when the process exits first or `ms` pass. */
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpMatchArray>;
  /** Waits for the server's "listening on" line and returns its port. */
  listening(ms?: number): Promise<number>;
}

const SERVER_DIR = path.resolve(import.meta.dirname, '..');
const started: ChildProcess[] = [];

export function startServerProcess(
  dataDir: string,
  env: Record<string, string> = {},
  script = 'src/main.ts',
): ServerProcess {
  // A compiled script (.js, see build.mjs) runs on plain Node as in production; sources through tsx.
  const runner = script.endsWith('.js') ? ['--enable-source-maps'] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...runner, script], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      NODE_ENV: 'development',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, ms = 60_000) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const m = out.match(pattern);
      if (m) return m;
      if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${pattern}:\n${out}`);
  };
  return {
    child,
    exited,
    output: () => out,
    waitFor,
    listening: async (ms?: number) => Number((await waitFor(/listening on http:\/\/localhost:(\d+)/, ms))[1]),
  };
}

/** Kills every process this test file started that is still running (for afterAll). */
export function killServerProcesses(): void {
  for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}
