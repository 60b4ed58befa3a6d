import { expect, type APIRequestContext, type Page } from '@playwright/test';
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
export function demoLogins(): {
  password: string;
  logins: DemoLogin[];
  integration: { name: string; keyId: string; secret: string }[];
} {
  const dir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), 'ptce-e2e-3199');
  return JSON.parse(fs.readFileSync(path.join(dir, 'demo-logins.json'), 'utf8'));
}

export function demo(role: string): DemoLogin & { password: string } {
  const d = demoLogins();
  const l = d.logins.find((x) => x.role.startsWith(role));
  if (!l) throw new Error(`no demo login for ${role}`);
  return { ...l, password: d.password };
}

export type LoginTab = '专业技术人员' | '单位管理员' | '管理部门';

/** A new 图形验证码 and its answer, read through the test API (the server runs with ENABLE_TEST_CLOCK=true). */
export async function captchaFor(request: APIRequestContext): Promise<{ captchaId: string; captchaAnswer: string }> {
  const { captchaId } = (await (await request.get('/api/auth/captcha')).json()) as { captchaId: string };
  return { captchaId, captchaAnswer: await captchaAnswer(request, captchaId) };
}

async function captchaAnswer(request: APIRequestContext, captchaId: string): Promise<string> {
  const res = await request.get(`/api/test/captcha/${captchaId}`);
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { answer: string }).answer;
}

/** Types the answer of the 图形验证码 the page shows (read through the test API). */
export async function fillCaptcha(page: Page): Promise<void> {
  const id = page.locator('input[id$="_captchaId"]');
  await expect(id).not.toHaveValue('');
  await page.getByLabel('图形验证码').fill(await captchaAnswer(page.request, await id.inputValue()));
}

/**
 * Signs in on the login page's tab and waits until the app has left the login page. When the server
 * asks for the 图形验证码 (an initial password, or failures before), it is answered and sent again.
 */
export async function signIn(page: Page, tab: LoginTab, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByRole('tab', { name: tab }).click();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  const left = page
    .waitForURL((u) => !u.pathname.startsWith('/login'))
    .then(
      () => 'left' as const,
      () => 'timeout' as const,
    );
  const asked = page
    .getByLabel('图形验证码')
    .waitFor({ state: 'visible' })
    .then(
      () => 'captcha' as const,
      () => 'timeout' as const,
    );
  if ((await Promise.race([left, asked])) === 'captcha') {
    await fillCaptcha(page);
    await page.getByLabel('图形验证码').press('Enter');
  }
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
}

/** 退出登录 from the banner, back on the login page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** The demo operator (平台运营, 培训中心), through the 管理部门 tab. */
export async function signInAsOperator(page: Page): Promise<void> {
  const op = demo('平台运营');
  await signIn(page, '管理部门', op.username, op.password);
}

/** The date `days` from today in Asia/Shanghai, as YYYY-MM-DD. */
export function shanghaiDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/**
 * `count` consecutive days that are over, ending `endDaysAgo` days ago, in one calendar year (不能跨年登记). Early in
 * January, when they would cross New Year, the last days of December of last year, whose registration is still open.
 */
export function pastDaysInOneYear(count: number, endDaysAgo: number): { start: string; end: string; year: number } {
  const start = shanghaiDate(-(endDaysAgo + count - 1));
  const end = shanghaiDate(-endDaysAgo);
  if (start.slice(0, 4) === end.slice(0, 4)) return { start, end, year: Number(start.slice(0, 4)) };
  const y = Number(end.slice(0, 4)) - 1;
  return { start: `${y}-12-${31 - count}`, end: `${y}-12-30`, year: y };
}
