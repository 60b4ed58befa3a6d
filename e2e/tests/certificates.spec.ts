import { expect, test } from '@playwright/test';
import { demo } from './demo';

const lastYear =
  Number(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())) - 1;

test('the demo professional prints last year’s certificate and its QR link verifies it publicly', async ({
  page,
  context,
}) => {
  const p = demo('专业技术人员');
  await page.goto('/login');
  await page.getByLabel('用户名').fill(p.username);
  await page.getByLabel('密码').fill(p.password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByText(`${lastYear + 1}年度学习进度`)).toBeVisible();

  await page.goto('/certificates');
  const card = page.locator('.ant-card').filter({ has: page.getByText(`${lastYear}年度`, { exact: true }) });
  await expect(card.getByText('已达标')).toBeVisible();
  const ceRow = card.locator('.ptce-cert-row').filter({ hasText: '《专业技术人员继续教育合格证书》' });
  // The first run generates it; a later one on the same database (the phone project's) finds it and prints it again.
  const generate = ceRow.getByRole('button', { name: '生成并打印证书' });
  const reprint = ceRow.getByRole('link', { name: '打印证书' });
  await expect(generate.or(reprint)).toBeVisible();
  const popup = context.waitForEvent('page');
  await ((await generate.isVisible()) ? generate : reprint).click();
  await (await popup).close();
  await expect(ceRow.getByText(new RegExp(`编号 ${lastYear}JX\\d{8}`))).toBeVisible();

  const href = await ceRow.getByRole('link', { name: '验证页面' }).getAttribute('href');
  expect(href).toMatch(/\/verify\/[A-Za-z0-9_-]{20}$/);
  // The verification page needs no login: open it in a fresh context.
  const anonymous = await context.browser()!.newContext();
  const v = await anonymous.newPage();
  await v.goto(href!);
  await expect(v.getByText('证书有效')).toBeVisible();
  await expect(v.getByText(`${p.name.slice(0, 1)}*`)).toBeVisible();
  await expect(v.getByText(`${lastYear}年度`)).toBeVisible();
  await anonymous.close();

  const unknown = await context.browser()!.newContext();
  const u = await unknown.newPage();
  await u.goto('/verify/AAAAAAAAAAAAAAAAAAAA');
  await expect(u.getByText('未找到该证书')).toBeVisible();
  await unknown.close();
});
