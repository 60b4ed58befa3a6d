import { expect, type Browser, type Page } from '@playwright/test';
import { demo, fillCaptcha } from './demo';
import { newIdNumber } from './id-numbers';

/**
 * A new 二级管理员 of the demo unit, added by its total admin through the API (in a context of its own): its
 * initial password is the last six of the ID number, it has no e-mail yet. Without `department`, the unit's
 * first department. Returns the ID number, which is the username.
 */
export async function newDepartmentAdmin(
  browser: Browser,
  who: { name: string; phone: string; born: number; department?: string },
): Promise<string> {
  const total = demo('单位管理员（总管理员）');
  const ctx = await browser.newContext();
  const login = await ctx.request.post('/api/auth/login', {
    data: { username: total.username, password: total.password, realm: 'unit' },
  });
  expect(login.status()).toBe(200);
  const departments = (await (await ctx.request.get('/api/org/departments')).json()) as Array<{
    id: number;
    name: string;
  }>;
  const department = who.department ? departments.find((d) => d.name === who.department) : departments[0];
  expect(department).toBeTruthy();
  const idNumber = newIdNumber(who.born);
  const created = await ctx.request.post('/api/org/admins', {
    data: { idNumber, name: who.name, phone: who.phone, departmentId: department!.id },
    headers: { 'x-csrf-token': (await login.json()).me.csrfToken },
  });
  expect(created.status(), await created.text()).toBe(201);
  await ctx.close();
  return idNumber;
}

/** The first login of an admin on its initial password: the 图形验证码 it asks for, then 修改初始密码. */
export async function firstAdminLogin(page: Page, idNumber: string): Promise<void> {
  await page.goto('/login');
  await page.getByRole('tab', { name: '单位管理员' }).click();
  await page.getByLabel('用户名').fill(idNumber);
  await page.getByLabel('密码').fill(idNumber.slice(-6));
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await fillCaptcha(page);
  await page.getByLabel('图形验证码').press('Enter');
  await expect(page).toHaveURL(/\/setup\/password/);
}
