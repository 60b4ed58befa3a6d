// Issue 4's browser test: a professional registers a two-day class (sees 16 学时) and submits it;
// the department admin approves it in 专业科目学时审核; the professional's 培训总体查询 shows it.
import { expect, test, type Page } from '@playwright/test';
import { expander, listItem, openMenu } from './menu';
import { demo, pastDaysInOneYear, shanghaiDate, signOut } from './demo';

/** Shanghai date `days` from today, YYYY-MM-DD. */
async function signIn(page: Page, tab: '专业技术人员' | '单位管理员', username: string, password: string) {
  await page.goto('/login');
  await page.getByRole('tab', { name: tab }).click();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { name: '用户管理中心' })).toBeVisible();
}

async function typeDate(page: Page, field: ReturnType<Page['getByLabel']>, date: string) {
  await field.click();
  await field.fill(date);
  await field.press('Enter');
  await expect(field).toHaveValue(date);
}

/** The approved professional hours of a year in the signed-in professional's 培训总体查询. */
async function professionalHours(page: Page, year: number): Promise<number> {
  const res = await page.request.get('/api/hours/my/overview');
  expect(res.ok()).toBe(true);
  const years = (await res.json()) as Array<{ year: number; professionalHours: number }>;
  return years.find((y) => y.year === year)?.professionalHours ?? 0;
}

test('a two-day class: registered (16 学时), submitted, approved by the department admin, counted in 培训总体查询', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000); // three sign-ins: password hashing takes its time on a busy machine
  // Real time: another spec may have moved the server's test clock.
  await request.post('/api/test/clock', { data: { at: null } });
  const person = demo('专业技术人员');
  const admin = demo('二级管理员（内科）');
  const { start, end, year } = pastDaysInOneYear(2, 2);
  const title = `急危重症护理新进展培训班 ${Date.now()}`;

  // 我的学时 — 学时登记 — 新登记培训
  await signIn(page, '专业技术人员', person.username, person.password);
  const before = await professionalHours(page, year);
  await openMenu(page, '我的学时', '学时登记');
  await page.getByRole('button', { name: '新登记培训' }).click();
  const dialog = page.getByRole('dialog', { name: '新登记培训' });
  await dialog.getByLabel('培训内容').fill(title);
  await dialog.getByLabel('主办单位').fill('广西医科大学');
  await dialog.getByLabel('培训地点').fill('南宁市');
  await typeDate(page, dialog.getByLabel('开始时间', { exact: true }), start);
  await dialog.getByRole('radiogroup', { name: '开始时段' }).getByText('上午').click();
  await typeDate(page, dialog.getByLabel('结束时间', { exact: true }), end);
  await dialog.getByRole('radiogroup', { name: '结束时段' }).getByText('下午').click();
  // 申请学时: 4 half days × 4 = 16, computed as the dates are chosen.
  await expect(dialog.getByText('16 学时', { exact: true })).toBeVisible();
  await expect(dialog.getByText('4 个半天 × 每半天 4 学时 = 16 学时')).toBeVisible();
  await dialog.getByRole('button', { name: '保存' }).click();
  // Not without the declaration.
  await expect(dialog.getByText('请勾选“本人承诺以上信息属实”')).toBeVisible();
  await dialog.getByLabel('本人承诺以上信息属实').check();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  const row = listItem(page, new RegExp(title));
  await expect(row).toContainText('待提交');
  await expect(row).toContainText('16');

  // 批量提交至本单位审核
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: /批量提交至本单位审核/ }).click();
  await page.getByRole('dialog', { name: '批量提交至本单位审核' }).getByRole('button', { name: '确认提交' }).click();
  await expect(page.locator('#main').getByRole('alert')).toContainText('已提交 1 条记录');
  await expect(row).toContainText('待初审');
  await signOut(page);

  // The department admin (内科) — 学时管理 — 专业科目学时审核 — 通过
  await signIn(page, '单位管理员', admin.username, admin.password);
  await openMenu(page, '学时管理', '专业科目学时审核');
  const queued = listItem(page, new RegExp(title));
  await expect(queued).toContainText(person.name);
  await queued.getByRole('button', { name: '通过', exact: true }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '通过', exact: true }).click();
  // Approved: the record leaves the queue (checked rather than the 3-second toast, which a loaded machine can miss).
  await expect(queued).toBeHidden({ timeout: 30_000 });
  await signOut(page);

  // The professional — 学时查询 — 培训总体查询: 16 more professional hours in that year.
  await signIn(page, '专业技术人员', person.username, person.password);
  await openMenu(page, '我的学时', '学时查询');
  await expect(page.getByRole('tab', { name: '培训总体查询', selected: true })).toBeVisible();
  const yearRow = page.getByRole('row', { name: new RegExp(`${year}年度`) });
  await expect(yearRow.getByRole('cell').nth(2)).toHaveText(String(before + 16));
  // Click the year → its hours below.
  await yearRow.getByRole('button', { name: `${year}年度` }).click();
  await expect(page.getByRole('heading', { name: `${year}年度所获学时` })).toBeVisible();
  await expect(listItem(page, new RegExp(title))).toContainText('16');

  // 培训登记详情: the record with its status; "+" shows who decided it.
  await page.getByRole('tab', { name: '培训登记详情' }).click();
  const detail = listItem(page, new RegExp(title));
  await expect(detail).toContainText('通过认定');
  await expander(detail).click();
  await expect(page.getByText(`审核人：${admin.name}`).filter({ visible: true })).toBeVisible();
});

test('申请学时 says at once that a span across two years cannot be registered, before 保存', async ({
  page,
  request,
}) => {
  await request.post('/api/test/clock', { data: { at: null } });
  const person = demo('专业技术人员');
  const thisYear = Number(shanghaiDate(0).slice(0, 4));
  await signIn(page, '专业技术人员', person.username, person.password);
  await openMenu(page, '我的学时', '学时登记');
  await page.getByRole('button', { name: '新登记培训' }).click();
  const dialog = page.getByRole('dialog', { name: '新登记培训' });
  await typeDate(page, dialog.getByLabel('开始时间', { exact: true }), `${thisYear - 1}-12-30`);
  await typeDate(page, dialog.getByLabel('结束时间', { exact: true }), `${thisYear}-01-01`);
  const message = `不能跨年登记：开始和结束须在同一年度（${thisYear - 1}年与${thisYear}年）`;
  await expect(dialog.locator('.ptce-hours-formula')).toHaveText(message);
  // A span within one year is computed again at once.
  await typeDate(page, dialog.getByLabel('开始时间', { exact: true }), `${thisYear}-01-01`);
  await expect(dialog.locator('.ptce-hours-formula')).toHaveText('2 个半天 × 每半天 4 学时 = 8 学时');
});
