import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { publicAccess } from '../../src/auth/policy';
import { AppError } from '../../src/errors';
import { idNumber } from '../factories';
import { appWithLogLines } from './logged-app';

// An unexpected error shows the user a 错误编号 that the operations staff find in the log: the app with its real
// logger writing into `lines`, and two routes that fail the way a defect does.

let app: FastifyInstance;
let lines: Array<Record<string, unknown>>;
let close: () => Promise<void>;
const linesOf = (reqId: string) => lines.filter((l) => l.reqId === reqId);

beforeAll(async () => {
  ({ app, lines, close } = await appWithLogLines(inject('dbTemplate')));
  app.get('/api/test/defect', { config: { policy: publicAccess('test.defect') } }, async () => {
    throw new TypeError("Cannot read properties of undefined (reading 'name')");
  });
  app.get('/api/test/internal', { config: { policy: publicAccess('test.internal') } }, async () => {
    throw new AppError('INTERNAL', '登录失败，请重试');
  });
  await app.ready();
});
afterAll(async () => close());

describe('an unexpected error', () => {
  it('answers with a 错误编号 that is its request’s id in the log and in X-Request-Id', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test/defect' });
    expect(res.statusCode).toBe(500);
    const error = res.json().error as { code: string; message: string; reference: string };
    expect(error.code).toBe('INTERNAL');
    expect(error.reference).toMatch(/^[0-9A-F]{10}$/);
    expect(error.message).toBe(
      `服务器内部错误，请稍后重试（错误编号：${error.reference}，如问题持续请联系客服并提供此编号）`,
    );
    expect(res.headers['x-request-id']).toBe(error.reference);
    // The log line with that id holds what went wrong; the user's answer does not.
    const logged = linesOf(error.reference).find((l) => l.msg === 'unhandled error');
    expect((logged?.err as { message?: string } | undefined)?.message).toBe(
      "Cannot read properties of undefined (reading 'name')",
    );
    expect(res.body).not.toContain('Cannot read');
  });

  it('a thrown INTERNAL refusal gets its 错误编号 too, logged as a server error', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test/internal' });
    const error = res.json().error as { code: string; message: string; reference: string };
    expect([res.statusCode, error.code]).toEqual([500, 'INTERNAL']);
    expect(error.message).toBe(`登录失败，请重试（错误编号：${error.reference}，如问题持续请联系客服并提供此编号）`);
    expect(linesOf(error.reference).map((l) => l.msg)).toContain('server error');
  });

  it('every request gets its own id', async () => {
    const refs = new Set<string>();
    for (let i = 0; i < 20; i++)
      refs.add((await app.inject({ method: 'GET', url: '/api/test/defect' })).json().error.reference);
    expect(refs.size).toBe(20);
  });

  it('a refusal the user can mend (bad input, no login) has no 错误编号', async () => {
    const bad = await app.inject({ method: 'POST', url: '/api/client-errors', payload: { path: '/' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.reference).toBeUndefined();
    expect(bad.headers['x-request-id']).toBeUndefined();
    const me = await app.inject({ method: 'GET', url: '/api/me' });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.reference).toBeUndefined();
  });
});

describe('a page’s error reported by the browser (POST /api/client-errors)', () => {
  it('is logged under the 错误编号 it answers, with the ID number in its address masked', async () => {
    const id = idNumber({ birth: '19850312' });
    const res = await app.inject({
      method: 'POST',
      url: '/api/client-errors',
      payload: {
        message: 'Minified React error #185',
        stack: 'Error: Minified React error #185\n    at Fe (/assets/index-abc.js:1:2)',
        path: `/staff?q=${id}`,
      },
    });
    expect(res.statusCode).toBe(200);
    const { reference } = res.json() as { reference: string };
    expect(reference).toMatch(/^[0-9A-F]{10}$/);
    const logged = linesOf(reference).find((l) => l.msg === 'browser error');
    const reported = logged?.browserError as { message: string; stack: string; path: string };
    expect(reported.message).toBe('Minified React error #185');
    expect(reported.stack).toContain('/assets/index-abc.js:1:2');
    expect(reported.path).not.toContain(id);
    expect(reported.path).toContain(id.slice(0, 3));
    expect(logged?.level).toBe(50);
  });

  it('refuses an oversized report, naming the field', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/client-errors',
      payload: { message: 'x'.repeat(1001), path: '/' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('message');
  });
});
