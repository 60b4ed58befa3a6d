// Issue 8's main journey, as a new professional would do it on a fresh database: 注册 → first
// login completes phone and e-mail → 我的信息 chooses the department → registers a two-day class
// (sees 16 学时) → 批量提交至本单位审核 → the department admin approves it in 专业科目学时审核 →
// the professional's 培训总体查询 shows it.
import { expect, test, type Locator } from '@playwright/test';
import { demo, fillCaptcha, pastDaysInOneYear, signOut } from './demo';
import { newIdNumber } from './id-numbers';
import { listItem, openMenu } from './menu';
import { pickOption } from './select';

const UNIT = '南宁市第一人民医院';
const DEPARTMENT = '内科';
const PASSWORD = 'Journey2026';

async function typeDate(field: Locator, date: string) {
  await field.click();
  await field.fill(date);
  await field.press('Enter');
  await expect(field).toHaveValue(date);
}

test('a new professional registers, sets up, registers a class and gets it approved', async ({ page, request }) => {
  test.setTimeout(120_000); // three logins and a registration: password hashing takes its time
  // Real time: another spec may have moved the server's test clock.
  await request.post('/api/test/clock', { data: { at: null } });
  const idNumber = newIdNumber(1990);
  const name = '韦嘉宁';
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const { start, end, year } = pastDaysInOneYear(2, 2);
  const title = `临床合理用药培训班 ${Date.now()}`;
  const admin = demo('二级管理员（内科）');

  // 注册 (from the login box's 【注册】)
  await page.goto('/login');
  await page.getByRole('link', { name: '【注册】' }).click();
  await expect(page).toHaveURL(/\/register/);
  await page.getByLabel('身份证号码').fill(idNumber);
  await expect(page.getByLabel('出生日期')).toHaveValue(
    `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
  );
  await page.getByLabel('姓名').fill(name);
  await page.getByLabel('手机号码').fill(phone);
  await page.getByLabel('人事（劳动）关系所在单位').fill(UNIT);
  await page.locator('.ant-select-item-option').filter({ hasText: UNIT }).first().click();
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('确认密码').fill(PASSWORD);
  await fillCaptcha(page);
  await page.getByRole('button', { name: '注册', exact: true }).click();

  // 登录 with the new account; the first login asks for phone and e-mail.
  await expect(page).toHaveURL(/\/login\?.*username=/);
  await expect(page.getByText('注册成功，请登录').first()).toBeVisible();
  await expect(page.getByLabel('用户名')).toHaveValue(idNumber);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/setup\/profile/);
  await expect(page.getByLabel('手机号码')).toHaveValue(phone);
  await page.getByLabel('电子邮箱').fill(`weijianing${Date.now()}@example.com`);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '用户管理中心' })).toBeVisible();
  await expect(page.getByText(UNIT).first()).toBeVisible();

  // 我的信息 — 所属部门: 内科
  await openMenu(page, null, '我的信息');
  // The record reaches the 内科 admin only if the person's department was saved: see it picked, sent and stored.
  await pickOption(page, page.getByLabel('所属部门'), new RegExp(`^${DEPARTMENT}$`), DEPARTMENT);
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/me/profile') && r.request().method() === 'PATCH');
  await page.getByRole('button', { name: '保存' }).click();
  const profile = await (await saved).json();
  expect(profile.department?.name).toBe(DEPARTMENT);
  await expect(page.getByText('保存成功')).toBeVisible();

  // 我的学时 — 学时登记 — 新登记培训: a two-day class, 16 学时.
  await openMenu(page, '我的学时', '学时登记');
  await page.getByRole('button', { name: '新登记培训' }).click();
  const dialog = page.getByRole('dialog', { name: '新登记培训' });
  await expect(dialog.getByLabel('培训类型')).toBeVisible();
  await dialog.getByLabel('培训内容').fill(title);
  await dialog.getByLabel('主办单位').fill('南宁市卫生健康委员会');
  await dialog.getByLabel('培训地点').fill('南宁市青秀区');
  await typeDate(dialog.getByLabel('开始时间', { exact: true }), start);
  await typeDate(dialog.getByLabel('结束时间', { exact: true }), end);
  await expect(dialog.getByRole('radiogroup', { name: '开始时段' }).getByRole('radio', { name: '上午' })).toBeChecked();
  await expect(dialog.getByRole('radiogroup', { name: '结束时段' }).getByRole('radio', { name: '下午' })).toBeChecked();
  await expect(dialog.getByText('16 学时', { exact: true })).toBeVisible();
  await dialog.getByLabel('本人承诺以上信息属实').check();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  // 批量提交至本单位审核
  const row = listItem(page, new RegExp(title));
  await expect(row).toContainText('待提交');
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: /批量提交至本单位审核/ }).click();
  const confirm = page.getByRole('dialog', { name: '批量提交至本单位审核' });
  await expect(confirm).toContainText(UNIT);
  await confirm.getByRole('button', { name: '确认提交' }).click();
  await expect(page.locator('#main').getByRole('alert')).toContainText('已提交 1 条记录');
  await expect(row).toContainText('待初审');
  await signOut(page);

  // The department admin of 内科 sees it in 专业科目学时审核 and approves it.
  await page.getByRole('tab', { name: '单位管理员' }).click();
  await page.getByLabel('用户名').fill(admin.username);
  await page.getByLabel('密码').fill(admin.password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '用户管理中心' })).toBeVisible();
  await openMenu(page, '学时管理', '专业科目学时审核');
  // Found by the ID number, as a reviewer with a long queue would (the queue holds the other specs' records too).
  await page.getByRole('searchbox', { name: '姓名或身份证号码' }).fill(idNumber);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${idNumber}`));
  const queued = listItem(page, new RegExp(title));
  await expect(queued).toContainText(name);
  await expect(queued).toContainText(DEPARTMENT);
  await queued.getByRole('button', { name: '通过', exact: true }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '通过', exact: true }).click();
  await expect(page.getByText(`已通过：${name} · ${title}`)).toBeVisible();
  await expect(queued).toBeHidden();
  await signOut(page);

  // The professional's 培训总体查询 shows the 16 professional hours of that year.
  await page.getByRole('tab', { name: '专业技术人员' }).click();
  await page.getByLabel('用户名').fill(idNumber);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  // The login lands on the centre page; a menu click before it has landed is overridden by that navigation.
  await expect(page.getByRole('heading', { level: 1, name: '用户管理中心' })).toBeVisible();
  await openMenu(page, '我的学时', '学时查询');
  const yearRow = page.getByRole('row', { name: new RegExp(`${year}年度`) });
  await expect(yearRow.getByRole('cell').nth(2)).toHaveText('16');
  await expect(yearRow.getByRole('cell').nth(3)).toHaveText('16');
  await yearRow.getByRole('button', { name: `${year}年度` }).click();
  await expect(listItem(page, new RegExp(title))).toContainText('16');
});
