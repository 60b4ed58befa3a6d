// An unexpected error shows a 错误编号 the help desk can have looked up in the server's log: a page that fails to
// draw (here 登录, given a notice list it cannot draw) reports the error, and shows the number the server logged it
// under.
import { expect, test } from '@playwright/test';

test('a page that fails to draw shows the 错误编号 the server logged its error under', async ({ page }) => {
  await page.route('**/api/public/notices?*', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ items: [null], total: 1 }) }),
  );
  const report = page.waitForResponse((r) => r.url().endsWith('/api/client-errors') && r.request().method() === 'POST');
  await page.goto('/login');
  const answered = await report;
  expect(answered.status()).toBe(200);
  const { reference } = (await answered.json()) as { reference: string };
  expect(reference).toMatch(/^[0-9A-F]{10}$/);
  const sent = answered.request().postDataJSON() as { message: string; path: string };
  expect(sent.path).toBe('/login');
  expect(sent.message).toMatch(/null/);

  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: '页面出错了' })).toBeVisible();
  await expect(alert).toContainText(`错误编号：${reference}（联系客服时请提供）`);
  // Once the list draws again, 刷新页面 brings 登录 back.
  await page.unrouteAll();
  await alert.getByRole('button', { name: '刷新页面' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '用户登录' })).toBeVisible();
});
