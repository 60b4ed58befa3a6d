import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';

export interface DemoLogin {
  role: string;
  realm: 'person' | 'unit' | 'authority';
  username: string;
  name: string;
}

/** The demo accounts the server wrote when it seeded its fresh database. */
export function demoLogins(): { password: string; logins: DemoLogin[] } {
  const dir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), 'ptce-e2e-3199');
  return JSON.parse(fs.readFileSync(path.join(dir, 'demo-logins.json'), 'utf8'));
}

export function demo(role: string): DemoLogin & { password: string } {
  const d = demoLogins();
  const l = d.logins.find((x) => x.role.startsWith(role));
  if (!l) throw new Error(`no demo login for ${role}`);
  return { ...l, password: d.password };
}
