import { expect, test, type Page } from '@playwright/test';
import { demo } from './demo';

/**
 * 扫码登录 (附件1 二(一)) against the local simulation of WeChat's Open Platform (WECHAT_FAKE, started with the
 * server): 扫码登录 → the simulated QR-connect page → 确认登录 → 绑定 with ID number and password → 退出登录 →
 * 扫码登录 again → straight in; 我的信息 shows the binding and 解除绑定 asks for the password. A 单位账号 is refused.
 */
const WECHAT_USER = 'e2e-wechat-zhou';

async function scanAndConfirm(page: Page, user: string, nickname: string) {
  await page.goto('/login');
  await page.getByRole('button', { name: '扫码登录' }).click();
  const dialog = page.getByRole('dialog', { name: '扫码登录' });
  await expect(dialog.getByText('模拟', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: '微信扫码' }).click();
  // The simulated WeChat page (another origin), marked 模拟 too.
  await expect(page.getByRole('heading', { name: /微信登录/ })).toBeVisible();
  await expect(page.getByText('模拟').first()).toBeVisible();
  await page.getByLabel('模拟微信号').fill(user);
  await page.getByLabel('微信昵称').fill(nickname);
  await page.getByRole('button', { name: '确认登录' }).click();
}

test('扫码登录 → 确认 → 绑定 → 退出 → 扫码登录 straight in; 我的信息 shows and removes the binding', async ({
  page,
}) => {
  const person = demo('专业技术人员');
  await scanAndConfirm(page, WECHAT_USER, '邕城小周');

  // Not bound yet: the 绑定 page, marked 模拟.
  await expect(page).toHaveURL(/\/wechat\/bind$/);
  await expect(page.getByRole('heading', { name: /绑定微信/ })).toBeVisible();
  await expect(page.getByText('模拟', { exact: true })).toBeVisible();
  await expect(page.getByText('微信「邕城小周」尚未绑定账号')).toBeVisible();
  await page.getByLabel('身份证号码').fill(person.username);
  await page.getByLabel('密码').fill('Wrong2026');
  await page.getByRole('button', { name: '绑定' }).click();
  await expect(page.getByText('用户名或密码错误')).toBeVisible();
  await page.getByLabel('密码').fill(person.password);
  await page.getByRole('button', { name: '绑定' }).click();
  await expect(page.getByRole('heading', { name: '用户管理中心' })).toBeVisible({ timeout: 30_000 });

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);

  // Bound: the next scan logs straight in.
  await scanAndConfirm(page, WECHAT_USER, '邕城小周');
  await expect(page.getByRole('heading', { name: '用户管理中心' })).toBeVisible({ timeout: 30_000 });
  await expect(page).not.toHaveURL(/wechat/);

  // 我的信息: the binding, and 解除绑定 with the password.
  await page.goto('/profile');
  const card = page.locator('.ant-card').filter({ hasText: '微信绑定' });
  await expect(card.getByText(/已绑定微信「邕城小周」/)).toBeVisible();
  await expect(card.getByText('模拟', { exact: true })).toBeVisible(); // bound to the simulated WeChat
  await card.getByRole('button', { name: '解除绑定' }).click();
  const unbind = page.getByRole('dialog', { name: '解除微信绑定' });
  await unbind.getByLabel('登录密码').fill('Wrong2026');
  await unbind.getByRole('button', { name: '保存' }).click();
  await expect(unbind.getByText('密码不正确')).toBeVisible();
  await unbind.getByLabel('登录密码').fill(person.password);
  await unbind.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已解除微信绑定')).toBeVisible();
  await expect(card.getByText(/尚未绑定微信/)).toBeVisible();
});

test('a 单位账号 cannot bind: "单位账号不能绑定微信"; going back to WeChat with an old address is refused clearly', async ({
  page,
}) => {
  const unit = demo('单位账号');
  await scanAndConfirm(page, 'e2e-wechat-unit', '单位微信');
  await expect(page).toHaveURL(/\/wechat\/bind$/);
  await page.getByLabel('身份证号码').fill(unit.username);
  await page.getByLabel('密码').fill(unit.password);
  await page.getByRole('button', { name: '绑定' }).click();
  await expect(page.getByText('单位账号不能绑定微信', { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/\/wechat\/bind$/);

  // A callback address opened again (its state already used) is refused with a message, not an error page.
  await page.goto('/wechat/callback?code=abc&state=0123456789abcdef0123456789abcdef');
  await expect(page.getByText('登录请求无效，请重新扫码登录')).toBeVisible();
  await expect(page.getByText('模拟', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: '返回登录' })).toBeVisible();
});

test('without WECHAT_APP_ID the 扫码登录 dialog says WeChat login is not configured and offers no scan', async ({
  page,
}) => {
  // The server of this suite runs the simulation; the answer of a server without WeChat settings is served instead.
  await page.route('**/api/auth/wechat/config', (route) =>
    route.fulfill({ json: { enabled: false, simulated: false } }),
  );
  await page.goto('/login');
  await page.getByRole('button', { name: '扫码登录' }).click();
  const dialog = page.getByRole('dialog', { name: '扫码登录' });
  await expect(dialog.getByRole('status')).toHaveText('微信扫码登录未配置，请使用用户名和密码登录。');
  await expect(dialog.getByRole('button', { name: '微信扫码' })).toHaveCount(0);
  await expect(dialog.getByText('模拟', { exact: true })).toHaveCount(0);
});
