// 抽查（双随机、一公开）: 南宁市人社局 draws a spot check of last year's hours with a seed it types; the sampled
// unit (the demo hospital) finds it among its 待办, uploads a PDF for each sampled record and answers; a drawn
// inspector records 不属实 on one record (its hours are removed) and 属实 on the others; the bureau finishes
// the campaign; anyone, without a login, reads the outcome on 抽查结果公开 and recomputes the draw from its seed.
import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { demo, signIn } from './demo';
import { listItem, openMenu } from './menu';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Another person's browser, of the same size as this run's (a laptop's, or a phone's). */
async function as(browser: Browser, like: Page, tab: '单位管理员' | '管理部门', username: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: like.viewportSize() })).newPage();
  await signIn(page, tab, username, demo('市人社局').password);
  return page;
}

test('draw → the unit answers → findings → a 不属实 record removed → the public result', async ({
  page,
  browser,
}, info) => {
  test.setTimeout(300_000);
  // The phone run draws a campaign of its own on the same database (after the desktop run's, finished by then).
  const phone = info.project.name === 'phone';
  const TITLE = phone ? '学时抽查（手机浏览器测试）' : '学时抽查（浏览器测试）';
  const SEED = phone ? 'e2e-journey-phone' : 'e2e-journey';
  const bureau = demo('市人社局');
  await signIn(page, '管理部门', bureau.username, bureau.password);
  await openMenu(page, null, '抽查管理');
  // The demo's two campaigns: one finished and public, one waiting for the hospital's answer.
  await expect(listItem(page, /第一批.*已结束/)).toBeVisible();
  await expect(listItem(page, /第二批.*进行中/)).toBeVisible();

  await page.getByRole('button', { name: '新建抽查' }).click();
  const dialog = page.getByRole('dialog', { name: '新建抽查' });
  await dialog.getByLabel('抽查名称').fill(TITLE);
  await expect(dialog.getByText(/有通过认定学时的单位1个；检查人员库4人/)).toBeVisible();
  await dialog.getByRole('radio', { name: '按数量' }).last().check();
  await dialog.getByRole('spinbutton', { name: '每个单位抽查数' }).fill('3');
  await dialog.getByLabel('随机种子（可不填）').fill(SEED);
  // Under 5 % is refused in the form.
  await dialog.getByRole('spinbutton', { name: '抽查单位数' }).fill('3');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('抽查比例不能低于5%')).toBeVisible();
  await dialog.getByRole('spinbutton', { name: '抽查单位数' }).fill('5');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByTestId('spot-check-seed')).toHaveText(SEED);
  const campaignUrl = page.url();
  const card = page.locator('.ant-card').filter({ hasText: '南宁市第一人民医院' });
  await expect(card.locator('tr.ant-table-row')).toHaveCount(3); // three sampled records
  const inspectors = (await card
    .getByText(/（nnrsj[^）]*）/)
    .first()
    .textContent())!;
  const inspector = /（(nnrsj[^）]*)）/.exec(inspectors)![1]!;

  // The sampled unit: 待答复的抽查 on its landing page, materials for each record, then the answer.
  const unitLogin = demo('单位账号');
  const unit = await as(browser, page, '单位管理员', unitLogin.username);
  const todo = unit.getByRole('list', { name: '待办事项' }).getByRole('link', { name: /待答复的抽查/ });
  await expect(todo).toBeVisible();
  await expect(todo.locator('.ptce-todo-count')).toHaveText('2');
  await todo.click();
  await expect(unit.getByRole('heading', { level: 1, name: '抽查答复' })).toBeVisible();
  await unit.getByRole('link', { name: TITLE, exact: true }).click();
  await expect(unit.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  for (let i = 0; i < 3; i++) {
    await unit
      .locator('input[type=file]')
      .nth(i)
      .setInputFiles({ name: `签到表${i + 1}.pdf`, mimeType: 'application/pdf', buffer: pdf });
    await expect(unit.getByRole('link', { name: `单位材料：签到表${i + 1}.pdf` })).toBeVisible();
  }
  await unit.getByLabel('答复说明').fill('已上传培训通知和签到表');
  await unit.getByRole('button', { name: '提交答复' }).click();
  await expect(unit.getByText(/已上传培训通知和签到表（/)).toBeVisible();
  await expect(unit.getByRole('button', { name: '上传材料' })).toHaveCount(0);

  // A drawn inspector: 不属实 on the first record (confirmed), 属实 on the others.
  const insp = await as(browser, page, '管理部门', inspector);
  await insp.goto(campaignUrl);
  const mine = insp.locator('.ant-card').filter({ hasText: '我负责核查' });
  const rows = mine.locator('tr.ant-table-row');
  const firstRow = rows.nth(0);
  const removedTitle = (await firstRow.getByRole('cell').nth(1).textContent())!;
  await firstRow.getByRole('button', { name: /^核查：/ }).click();
  const f = insp.getByRole('dialog', { name: /核查：/ });
  await f.getByRole('radio', { name: '不属实' }).check();
  await f.getByLabel('核查意见').fill('主办单位无此培训，签到表非本人签字');
  await f.getByRole('button', { name: '保存' }).click();
  await insp.getByRole('button', { name: '确认不属实' }).click();
  await expect(insp.getByText('已记录为不属实，该学时记录已核减')).toBeVisible();
  await expect(firstRow.getByText('学时已核减')).toBeVisible();
  for (const n of [1, 2]) {
    await rows
      .nth(n)
      .getByRole('button', { name: /^核查：/ })
      .click();
    const d = insp.getByRole('dialog', { name: /核查：/ });
    await d.getByRole('radio', { name: '属实', exact: true }).check();
    await d.getByRole('button', { name: '保存' }).click();
    await expect(d).toBeHidden();
  }
  await expect(insp.getByText('已核查3/3条')).toBeVisible();

  // The unit is told: its page shows the finding and the removal.
  await unit.reload();
  const removed = unit.locator('.ant-card').filter({ hasText: '被抽查的记录' }).locator('tr.ant-table-row').nth(0);
  await expect(removed).toContainText(removedTitle);
  await expect(removed.getByText('不属实')).toBeVisible();
  await expect(removed.getByText('学时已核减')).toBeVisible();

  // The bureau finishes: the result is public.
  await page.goto(campaignUrl);
  await page.getByRole('button', { name: '结束抽查并公开结果' }).click();
  const fin = page.getByRole('dialog', { name: '结束抽查并公开结果' });
  await fin.getByLabel('抽查结论').fill('一条记录不属实，已核减学时；其余属实。');
  await fin.getByRole('button', { name: '结束并公开' }).click();
  await expect(page.getByText('抽查已结束，结果已公开')).toBeVisible();
  // The report to print: a PDF named after the campaign and its seed.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: '抽查报告（PDF）' }).click();
  const report = await downloading;
  expect(report.suggestedFilename()).toBe(`抽查报告_${TITLE}_${SEED}.pdf`);
  const bytes = fs.readFileSync((await report.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

  const anonymous = await (await browser.newContext({ viewport: page.viewportSize() })).newPage();
  await anonymous.goto('/login');
  await anonymous.getByRole('link', { name: '【抽查结果公开】' }).click();
  await anonymous.getByRole('link', { name: TITLE, exact: true }).click();
  await expect(anonymous.getByText(/抽查3条：属实2条，不属实1条，材料不全0条/)).toBeVisible();
  await expect(anonymous.getByText(SEED)).toBeVisible();
  await anonymous.getByRole('button', { name: '验证抽取结果' }).click();
  await expect(anonymous.getByText('用公开的随机种子和名单重算，抽中的单位及顺序与公布结果一致')).toBeVisible();
});
