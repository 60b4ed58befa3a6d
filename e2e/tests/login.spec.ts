import { expect, test } from '@playwright/test';
import { demo, fillCaptcha } from './demo';
import { showMenu } from './menu';
import { newDepartmentAdmin } from './new-admin';

test('the demo professional logs in and sees the 用户管理中心 with its menu', async ({ page }) => {
  const p = demo('专业技术人员');
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await page.getByRole('tab', { name: '专业技术人员' }).click();
  await page.getByLabel('用户名').fill(p.username);
  await page.getByLabel('密码').fill(p.password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '用户管理中心' })).toBeVisible();
  await expect((await showMenu(page)).getByText('用户管理中心').first()).toBeVisible();
  await expect(page.getByText(p.name).first()).toBeVisible();
  await expect(page.getByText('0771-966111').first()).toBeVisible();
});

test('a wrong password shows one message and no session', async ({ page }) => {
  const p = demo('专业技术人员');
  await page.goto('/login');
  await page.getByLabel('用户名').fill(p.username);
  await page.getByLabel('密码').fill('Wrong1234');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByText('用户名或密码错误')).toBeVisible();
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/login/);
});

/** The server's answer when the network's allowance of logins at once is in use (login-throttle.test.ts). */
const BUSY = {
  status: 429,
  headers: { 'retry-after': '1' },
  contentType: 'application/json',
  body: JSON.stringify({ error: { code: 'LOGIN_BUSY', message: '同一网络正在登录的人数较多，请1秒后再试' } }),
};

test('a login refused because many log in from the same network (LOGIN_BUSY) goes again by itself and gets in', async ({
  page,
}) => {
  const p = demo('专业技术人员');
  // The first two answers are the server's busy refusal (the allowance of logins at once from one address is in use,
  // server/test/security/login-throttle.test.ts); the third request reaches the server.
  let refused = 0;
  await page.route('**/api/auth/login', async (route) => {
    if (refused >= 2) return route.continue();
    refused++;
    await route.fulfill(BUSY);
  });
  await page.goto('/login');
  await page.getByRole('tab', { name: '专业技术人员' }).click();
  await page.getByLabel('用户名').fill(p.username);
  await page.getByLabel('密码').fill(p.password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByText('正在自动重试登录…')).toBeVisible();
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeDisabled();
  await expect(page.getByRole('heading', { level: 1, name: '用户管理中心' })).toBeVisible();
  expect(refused).toBe(2);
});

test('a login still busy after five automatic retries says so and leaves 登录 to the person', async ({ page }) => {
  const p = demo('专业技术人员');
  let asked = 0;
  await page.route('**/api/auth/login', (route) => {
    asked++;
    return route.fulfill(BUSY);
  });
  await page.goto('/login');
  await page.getByLabel('用户名').fill(p.username);
  await page.getByLabel('密码').fill(p.password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByText('请稍后再试', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('同一网络正在登录的人数较多，请1秒后再试')).toBeVisible();
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeEnabled();
  expect(asked).toBe(6);
});

test('an admin on the initial password is asked for the 图形验证码, draws another by keyboard and gets in', async ({
  page,
  browser,
}) => {
  // The unit's total admin adds a 二级管理员 of 内科 (not a total admin: org.spec counts those); the
  // initial password is the last six of the ID number.
  const idNumber = await newDepartmentAdmin(browser, {
    name: '蒙丽华',
    phone: '13977154321',
    born: 1987,
    department: '内科',
  });

  await page.goto('/login');
  await page.getByRole('tab', { name: '单位管理员' }).click();
  await page.getByLabel('用户名').fill(idNumber);
  await page.getByLabel('密码').fill(idNumber.slice(-6));
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByText('请输入图形验证码后再登录')).toBeVisible();
  const answer = page.getByLabel('图形验证码');
  await expect(answer).toBeFocused();
  await expect(page.getByRole('img', { name: '验证码图片' })).toBeVisible();

  // 换一张 from the keyboard draws a new captcha.
  const id = page.locator('input[id$="_captchaId"]');
  const first = await id.inputValue();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '换一张' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(id).not.toHaveValue(first);

  await fillCaptcha(page);
  await answer.press('Enter');
  await expect(page).toHaveURL(/\/setup\/password/);
});

test('登录 is drawn without antd: no antd file is downloaded until the visitor types, and tabs work by keyboard', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto('/login');
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((s) => /\/antd/.test(s))).toEqual([]);

  // The tabs follow the WAI-ARIA pattern: arrow keys select, the panel's fields follow.
  await page.getByRole('tab', { name: '专业技术人员' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: '单位管理员' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('用户名')).toHaveAttribute('placeholder', '身份证号码或统一社会信用代码');
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: '管理部门' })).toBeFocused();

  // An empty submission names each missing field under it and puts the cursor in the first.
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByText('请输入用户名')).toBeVisible();
  await expect(page.getByText('请输入密码')).toBeVisible();
  await expect(page.getByLabel('用户名')).toBeFocused();

  // Typing starts fetching what comes after 登录.
  await page.getByLabel('用户名').fill('operator');
  await expect.poll(() => scripts.some((s) => /\/antd/.test(s))).toBe(true);
});
