// Issue 15's journey of 年度计划管理: the operator copies the last plan into the new year, edits it
// (a draft nobody else sees: the professional is told the plan is not yet published) and publishes
// it; with the server's test clock at Jan 1 of that year the plan is in force at once — no restart —
// and the professional registers a record of the new year.
import { expect, test, type Page } from '@playwright/test';
import { demo, signIn, signInAsOperator, signOut } from './demo';
import { expander, listItem, onPhone, openMenu } from './menu';

const openPlans = (page: Page) => openMenu(page, null, '年度计划管理');

test.afterEach(async ({ request }) => {
  await request.post('/api/test/clock', { data: { at: null } });
});

test('copy the last plan → edit → publish the new year → on Jan 1 a professional registers a record of it', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000); // four sign-ins: password hashing takes its time on a busy machine
  await request.post('/api/test/clock', { data: { at: null } });
  const person = demo('专业技术人员');

  // 人社厅 / 培训中心 — 年度计划管理 — 复制上一年度计划
  await signInAsOperator(page);
  const years = ((await (await page.request.get('/api/plans')).json()) as Array<{ year: number }>).map((p) => p.year);
  const N = Math.max(...years) + 1;
  await openPlans(page);
  await page.getByLabel('新建年度').fill(String(N));
  await page.getByRole('button', { name: '复制上一年度计划' }).click();
  await expect(page.getByText(`已复制生成${N}年度计划草稿`)).toBeVisible();
  const editor = page.locator('.ant-card').filter({ has: page.getByText(`${N}年度计划`, { exact: true }) });
  await expect(editor.getByText('草稿（未发布）')).toBeVisible();

  // Edit: 96 hours in total, pass at 70.
  await editor.getByLabel('年度总学时').fill('96');
  await editor.getByLabel('考试合格分数').fill('70');
  await editor.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();
  // On a phone the row folds some columns behind 展开行 (收起行 once open); its action stays in the row.
  const planRow = (year: number) => page.getByRole('row', { name: new RegExp(`^((展开|收起)行 )?${year}年`) });
  const row = planRow(N);
  if (onPhone(page)) {
    // 年度总学时 is among the folded columns: shown under the row once it is expanded.
    await expander(row).click();
    await expect(page.locator('tr.ant-table-expanded-row')).toContainText('年度总学时96');
  } else await expect(row).toContainText('96');
  await signOut(page);

  // Jan 1 of the new year, the plan still a draft: the professional is told so, not shown an error.
  const jan1 = `${N}-01-01T09:00:00+08:00`;
  expect(
    (await request.post('/api/test/clock', { data: { at: new Date(jan1).toISOString(), freeze: false } })).ok(),
  ).toBe(true);
  await page.clock.setFixedTime(new Date(jan1));
  await signIn(page, '专业技术人员', person.username, person.password);
  await expect(page.getByText(`${N}年度计划尚未发布`).first()).toBeVisible();
  await signOut(page);

  // 发布, with confirmation.
  await signInAsOperator(page);
  await openPlans(page);
  await planRow(N)
    .getByRole('button', { name: `查看和修改${N}年度计划` })
    .click();
  await editor.getByRole('button', { name: '发布', exact: true }).click();
  await page
    .getByRole('dialog', { name: `确定发布${N}年度计划吗？` })
    .getByRole('button', { name: '发布' })
    .click();
  await expect(page.getByText(`${N}年度计划已发布`)).toBeVisible();
  await expect(editor.getByText('已发布', { exact: true })).toBeVisible();
  await signOut(page);

  // In force at once: the progress panel of the new year asks for 96 hours; a record of the year is registered.
  await signIn(page, '专业技术人员', person.username, person.password);
  await expect(page.getByText(`${N}年度学习进度`)).toBeVisible();
  await expect(page.getByText('/ 96').first()).toBeVisible();
  await openMenu(page, '我的学时', '学时登记');
  await page.getByRole('button', { name: '新登记培训' }).click();
  const dialog = page.getByRole('dialog', { name: '新登记培训' });
  const title = `${N}年度专业技术人员新年第一课 ${Date.now()}`;
  await dialog.getByLabel('培训内容').fill(title);
  await dialog.getByLabel('主办单位').fill('广西壮族自治区人力资源和社会保障培训中心');
  await dialog.getByLabel('培训地点').fill('南宁市');
  for (const [label, half] of [
    ['开始时间', '上午'],
    ['结束时间', '下午'],
  ] as const) {
    const field = dialog.getByLabel(label, { exact: true });
    await field.click();
    await field.fill(`${N}-01-01`);
    await field.press('Enter');
    await expect(field).toHaveValue(`${N}-01-01`);
    await dialog
      .getByRole('radiogroup', { name: label === '开始时间' ? '开始时段' : '结束时段' })
      .getByText(half)
      .click();
  }
  await expect(dialog.getByText('8 学时', { exact: true })).toBeVisible();
  await dialog.getByLabel('本人承诺以上信息属实').check();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const record = listItem(page, new RegExp(title));
  await expect(record).toContainText('待提交');
  await expect(record).toContainText('8');
});
