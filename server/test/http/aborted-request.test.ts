import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, inject as injectProvided, it } from 'vitest';
import { buildAccount, buildUnit, PASSWORD } from '../factories';
import { loggedIn, TestClient, type TestApp } from '../helpers';
import { appWithLogLines } from './logged-app';

// The app with its real logger (level info), writing into `lines`, on a real socket: a request that
// stops halfway cannot be made with inject().

let app: FastifyInstance;
let lines: Array<Record<string, unknown>>;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, lines, close } = await appWithLogLines(injectProvided('dbTemplate')));
  await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => close());

it('an upload the browser cancels midway is logged as the client’s abort, not as the database being down', async () => {
  const unit = await buildUnit(app.deps.db);
  const adminAccount = await buildAccount(app.deps.db, { kind: 'unit_admin', unitId: unit.id });
  const c = await loggedIn(
    { client: () => new TestClient(app) } as unknown as TestApp,
    adminAccount.username,
    PASSWORD,
    'unit',
  );
  const port = (app.server.address() as net.AddressInfo).port;
  const boundary = '----ptce-abort-test';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="staff.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`;
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((r) => socket.once('connect', r));
  socket.write(
    `POST /api/imports/hours-registration/jobs?mode=all&declared=true HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${c.cookie}\r\nX-CSRF-Token: ${c.csrf}\r\n` +
      `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${5 * 1024 * 1024}\r\n\r\n${head}`,
  );
  socket.write(Buffer.alloc(256 * 1024, 1)); // a quarter of a megabyte of the promised five, then the tab is closed
  await new Promise((r) => setTimeout(r, 200));
  socket.destroy();
  await new Promise((r) => setTimeout(r, 500));

  const upload = lines.find((l) =>
    String((l.req as { url?: string } | undefined)?.url ?? '').startsWith('/api/imports/hours-registration/jobs'),
  );
  expect(upload).toBeDefined();
  expect(lines.filter((l) => l.reqId === upload!.reqId).map((l) => l.msg)).toContain('request aborted by the client');
  expect(lines.filter((l) => l.msg === 'database unavailable')).toEqual([]);
  expect(lines.filter((l) => Number(l.level) >= 50)).toEqual([]); // nothing logged as an error
  expect((await c.get('/api/me')).statusCode).toBe(200); // and the server goes on
});
