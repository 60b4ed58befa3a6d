import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killServerProcesses, startServerProcess } from '../../../test/server-process';
import { startFakeOpenPlatform } from './fake-open-platform';

/**
 * The AppSecret never reaches the log: a real server process, logging everything (trace), goes through
 * 扫码登录 against the fake — a scan to 绑定, a refused 绑定, WeChat's errors — and its whole output is
 * searched for the secret. A start refused for a bad setting does not print it either.
 */
const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-wechat-log-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  killServerProcesses();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('the WeChat AppSecret in the log', () => {
  it('is nowhere in a trace-level log of the whole flow, errors included', { timeout: 240_000 }, async () => {
    const fake = await startFakeOpenPlatform();
    try {
      const server = startServerProcess(tmp(), {
        LOG_LEVEL: 'trace',
        SEED_DEMO: 'false',
        RATE_LIMIT: 'false',
        WECHAT_APP_ID: fake.appId,
        WECHAT_APP_SECRET: fake.appSecret,
        WECHAT_OPEN_URL: fake.url,
        WECHAT_API_URL: fake.url,
      });
      const base = `http://127.0.0.1:${await server.listening(150_000)}`;
      let cookie = '';
      const post = async (url: string, body: unknown = {}) => {
        const res = await fetch(`${base}${url}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
          body: JSON.stringify(body),
        });
        const set = res.headers.getSetCookie().find((c) => c.startsWith('ptce_wx='));
        if (set) cookie = set.split(';')[0]!;
        return { status: res.status, text: await res.text() };
      };
      const start = async () =>
        new URL(JSON.parse((await post('/api/auth/wechat/start')).text).url).searchParams.get('state')!;

      const answers = [
        await post('/api/auth/wechat/callback', { code: fake.issueCode('log-user'), state: await start() }),
        await post('/api/auth/wechat/bind', { idNumber: '450103199001011234', password: 'Wrong1234' }),
        await post('/api/auth/wechat/callback', { code: 'not-a-code', state: await start() }),
      ];
      fake.answerNextTokenWith({ errcode: 40125, errmsg: 'invalid appsecret' });
      answers.push(await post('/api/auth/wechat/callback', { code: fake.issueCode('x'), state: await start() }));
      fake.answerNextTokenWith('not json');
      answers.push(await post('/api/auth/wechat/callback', { code: fake.issueCode('y'), state: await start() }));
      expect(answers.map((a) => a.status)).toEqual([200, 401, 400, 400, 502]);
      // The exchange did carry the secret (the fake checks it), so there was something to leak.
      expect(fake.requests.filter((r) => r.startsWith('/sns/oauth2/access_token')).length).toBe(4);

      await new Promise((r) => setTimeout(r, 300));
      const log = server.output();
      expect(log).toContain('/api/auth/wechat/callback');
      expect(log).not.toContain(fake.appSecret);
      for (const a of answers) expect(a.text).not.toContain(fake.appSecret);
      server.child.kill('SIGTERM');
      await server.exited;
    } finally {
      await fake.close();
    }
  });

  it('is not printed when a setting stops the start', { timeout: 120_000 }, async () => {
    const secret = 'ZqX9c1Lk0PqRsTuVwXyZ0123456789ab';
    const server = startServerProcess(tmp(), {
      SEED_DEMO: 'false',
      WECHAT_APP_ID: 'wx-bad',
      WECHAT_APP_SECRET: secret,
    });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/WECHAT_APP_ID/);
    expect(server.output()).not.toContain(secret);
  });
});
