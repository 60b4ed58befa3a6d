import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local fake of WeChat's Open Platform for website login (模拟), speaking the documented protocol
 * (docs/LOGIN.md, "The simulated WeChat"):
 *
 * - `GET /connect/qrconnect?appid&redirect_uri&response_type=code&scope=snsapi_login&state` — the page a
 *   person would scan; here a form names the WeChat user, and 【确认登录】 redirects to
 *   `redirect_uri?code=CODE&state=STATE`, 【拒绝】 to `redirect_uri?state=STATE`.
 * - `GET /sns/oauth2/access_token?appid&secret&code&grant_type=authorization_code` →
 *   `{access_token, expires_in, refresh_token, openid, scope, unionid}`, or WeChat's errors with HTTP 200:
 *   40013 invalid appid, 40125 invalid appsecret, 40002 invalid grant_type, 41008 missing code,
 *   40029 invalid code (unknown or older than 5 minutes), 40163 code been used.
 * - `GET /sns/userinfo?access_token&openid` → `{openid, nickname, …, unionid}`, or 40001 / 41001 / 40003.
 *
 * Like WeChat, answers are JSON sent as text/plain. The same WeChat user keeps its ids (openid per app,
 * unionid across apps). Used by the tests, and by `npm start` with WECHAT_FAKE=true (development only).
 */
export interface FakeOpenPlatform {
  /** Base URL of both the QR-connect page and the API. */
  url: string;
  appId: string;
  appSecret: string;
  /** A code for this WeChat user, as if they had scanned and confirmed (tests without a browser). */
  issueCode(user: string, nickname?: string): string;
  /** The next access_token request is answered with this body instead (errors, malformed answers). */
  answerNextTokenWith(body: unknown): void;
  /** Whether answers carry a unionid (an app not attached to an Open Platform account has none). */
  withUnionId: boolean;
  /** Every API request's path and query, secret masked, for assertions. */
  requests: string[];
  close(): Promise<void>;
}

const CODE_TTL_MS = 5 * 60_000;

interface Code {
  user: string;
  nickname: string;
  issuedAt: number;
  used: boolean;
}

const hash = (s: string) => crypto.createHash('sha256').update(s).digest('base64url').slice(0, 28);
const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>
body{font-family:system-ui,"WenQuanYi Micro Hei",sans-serif;background:#f2f2f2;margin:0;padding:24px;color:#222}
main{max-width:420px;margin:0 auto;background:#fff;border-radius:8px;padding:24px;box-shadow:0 1px 4px #0002}
.sim{display:inline-block;background:#fa8c16;color:#fff;border-radius:4px;padding:2px 8px;font-size:14px}
.qr{width:180px;height:180px;margin:16px auto;background:repeating-linear-gradient(45deg,#222 0 6px,#fff 6px 12px);border:8px solid #fff;outline:1px solid #ccc}
label{display:block;margin:12px 0 4px}input{width:100%;box-sizing:border-box;padding:8px;font-size:16px}
button{font-size:16px;padding:10px 16px;margin:16px 8px 0 0;border-radius:4px;border:1px solid #07c160;background:#07c160;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#333;border-color:#ccc}.error{color:#c00}
</style></head><body><main><p><span class="sim">模拟</span> 本页为本地模拟的微信开放平台，不连接真实微信</p>${body}</main></body></html>`;
}

function isHttpUrl(s: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
}

export async function startFakeOpenPlatform(
  opts: { port?: number; host?: string; appId?: string; appSecret?: string } = {},
): Promise<FakeOpenPlatform> {
  const appId = opts.appId ?? 'wx5a1ce0f0000d3ac0';
  const appSecret = opts.appSecret ?? crypto.randomBytes(16).toString('hex');
  const codes = new Map<string, Code>();
  const tokens = new Map<string, { openid: string; user: string; nickname: string }>();
  let nextTokenAnswer: unknown;
  const state = { withUnionId: true };
  const requests: string[] = [];

  const ids = (user: string) => ({ openid: `o${hash(`${appId}|${user}`)}`, unionid: `u${hash(user)}` });
  const issueCode = (user: string, nickname = user) => {
    const code = crypto.randomBytes(16).toString('hex');
    codes.set(code, { user, nickname, issuedAt: Date.now(), used: false });
    return code;
  };

  const json = (res: http.ServerResponse, body: unknown) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const err = (res: http.ServerResponse, errcode: number, errmsg: string) => json(res, { errcode, errmsg });
  const html = (res: http.ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  };

  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://fake');
    const q = u.searchParams;
    if (u.pathname.startsWith('/sns/')) {
      const shown = new URL(u);
      if (shown.searchParams.has('secret')) shown.searchParams.set('secret', '***');
      requests.push(`${shown.pathname}${shown.search}`);
    }

    if (req.method === 'GET' && u.pathname === '/connect/qrconnect') {
      const redirect = q.get('redirect_uri') ?? '';
      const redirectOk = isHttpUrl(redirect);
      if (q.get('appid') !== appId) return html(res, 200, page('微信登录', '<p class="error">AppID参数错误</p>'));
      if (!redirectOk) return html(res, 200, page('微信登录', '<p class="error">redirect_uri参数错误</p>'));
      if (q.get('scope') !== 'snsapi_login' || q.get('response_type') !== 'code')
        return html(res, 200, page('微信登录', '<p class="error">scope参数错误或没有scope权限</p>'));
      const hidden = ['redirect_uri', 'state']
        .map((k) => `<input type="hidden" name="${k}" value="${esc(q.get(k) ?? '')}">`)
        .join('');
      return html(
        res,
        200,
        page(
          '微信登录（模拟）',
          `<h1>微信登录 <span class="sim">模拟</span></h1><div class="qr" role="img" aria-label="模拟二维码"></div>
<p>真实环境中请用微信扫描二维码；此处填写一个模拟的微信用户，然后确认登录。</p>
<form method="post" action="/connect/confirm">${hidden}
<label for="wxuser">模拟微信号</label><input id="wxuser" name="user" value="demo-wechat-user" required maxlength="40">
<label for="nickname">微信昵称</label><input id="nickname" name="nickname" value="微信用户" maxlength="40">
<button type="submit" name="decision" value="allow">确认登录</button><button type="submit" class="secondary" name="decision" value="deny">拒绝</button>
</form>`,
        ),
      );
    }

    if (req.method === 'POST' && u.pathname === '/connect/confirm') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (d: string) => {
        body += d;
        if (body.length > 10_000) req.destroy();
      });
      req.on('end', () => {
        const f = new URLSearchParams(body);
        let back: URL;
        try {
          back = new URL(f.get('redirect_uri') ?? '');
        } catch {
          return html(res, 400, page('微信登录', '<p class="error">redirect_uri参数错误</p>'));
        }
        if (f.get('decision') === 'allow') {
          const user = (f.get('user') ?? '').trim().slice(0, 40) || 'demo-wechat-user';
          back.searchParams.set('code', issueCode(user, (f.get('nickname') ?? '').trim().slice(0, 40) || user));
        }
        back.searchParams.set('state', f.get('state') ?? '');
        res.writeHead(302, { location: back.toString() });
        res.end();
      });
      return;
    }

    if (req.method === 'GET' && u.pathname === '/sns/oauth2/access_token') {
      if (nextTokenAnswer !== undefined) {
        const body = nextTokenAnswer;
        nextTokenAnswer = undefined;
        if (typeof body === 'string') {
          res.writeHead(200, { 'content-type': 'text/plain' });
          return res.end(body);
        }
        return json(res, body);
      }
      if (q.get('appid') !== appId) return err(res, 40013, 'invalid appid');
      if (q.get('secret') !== appSecret) return err(res, 40125, 'invalid appsecret');
      if (q.get('grant_type') !== 'authorization_code') return err(res, 40002, 'invalid grant_type');
      const code = q.get('code');
      if (!code) return err(res, 41008, 'missing code');
      const c = codes.get(code);
      if (!c || Date.now() - c.issuedAt > CODE_TTL_MS) return err(res, 40029, 'invalid code');
      if (c.used) return err(res, 40163, 'code been used');
      c.used = true;
      const { openid, unionid } = ids(c.user);
      const accessToken = crypto.randomBytes(24).toString('base64url');
      tokens.set(accessToken, { openid, user: c.user, nickname: c.nickname });
      return json(res, {
        access_token: accessToken,
        expires_in: 7200,
        refresh_token: crypto.randomBytes(24).toString('base64url'),
        openid,
        scope: 'snsapi_login',
        ...(state.withUnionId ? { unionid } : {}),
      });
    }

    if (req.method === 'GET' && u.pathname === '/sns/userinfo') {
      const token = q.get('access_token');
      if (!token) return err(res, 41001, 'access_token missing');
      const t = tokens.get(token);
      if (!t) return err(res, 40001, 'invalid credential, access_token is invalid or not latest');
      if (q.get('openid') !== t.openid) return err(res, 40003, 'invalid openid');
      return json(res, {
        openid: t.openid,
        nickname: t.nickname,
        sex: 0,
        province: '',
        city: '',
        country: '',
        headimgurl: '',
        privilege: [],
        ...(state.withUnionId ? { unionid: ids(t.user).unionid } : {}),
      });
    }

    html(res, 404, page('微信登录', '<p class="error">页面不存在</p>'));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1';
  return {
    url: `http://${host}:${port}`,
    appId,
    appSecret,
    issueCode,
    answerNextTokenWith: (body) => {
      nextTokenAnswer = body;
    },
    get withUnionId() {
      return state.withUnionId;
    },
    set withUnionId(v: boolean) {
      state.withUnionId = v;
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
