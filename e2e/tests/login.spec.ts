import { expect, test } from '@playwright/test';
import { demo } from './demo';

test('the demo professional logs in and sees the 用户管理中心 with its menu', async ({ page }) => {
  const p = demo('专业技术人员');
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await page.getByRole('tab', { name: '专业技术人员' }).click();
  await page.getByLabel('用户名').fill(p.username);
  await page.getByLabel('密码').fill(p.password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('navigation').getByText('用户管理中心').first()).toBeVisible();
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
