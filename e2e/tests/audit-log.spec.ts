// 审计日志: the operator unlocks the demo person locked out by failed logins, then finds the entries on the
// 审计日志 page by 操作, by 对象 (ID number, then name) and by dates, and 导出Excel gives a real .xlsx whose
// rows are the ones the page lists for the same filter.
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { demo, signInAsOperator } from './demo';
import { listRecords, onPhone } from './menu';

const TODAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());

/**
 * The 操作 column of the listed rows and the 共 N 条 total. On a phone the entries are cards: 操作 is a card's title,
 * 对象 one of its fields.
 */
async function listed(page: Page) {
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  let rows, actions: string[], targets: string[];
  if (onPhone(page)) {
    await expect(page.locator('.ptce-list-cards').or(page.locator('.ptce-list-empty'))).toBeVisible();
    rows = page.locator('.ptce-list-cards > li');
    actions = await rows.locator('.ptce-list-card-title').allInnerTexts();
    targets = await rows
      .locator('.ptce-list-card-fields > div')
      .filter({ has: page.locator('dt', { hasText: /^对象$/ }) })
      .locator('dd')
      .allInnerTexts();
  } else {
    const table = page.locator('.ant-table');
    await expect(table.locator('.ant-table-tbody')).toBeVisible();
    rows = table.locator('.ant-table-tbody tr.ant-table-row');
    // Columns by their header (the table may lead with a cell of its own).
    const headers = (await table.locator('.ant-table-thead th').allInnerTexts()).map((h) => h.trim());
    const col = (title: string) => `td:nth-child(${headers.indexOf(title) + 1})`;
    actions = await rows.locator(col('操作')).allInnerTexts();
    targets = await rows.locator(col('对象')).allInnerTexts();
  }
  actions = actions.map((a) => a.trim());
  const totalText = (
    await page
      .locator('.ant-pagination-total-text')
      .innerText()
      .catch(() => '共 0 条')
  ).trim();
  return { actions, targets, total: Number(/共 (\d+) 条/.exec(totalText)?.[1] ?? 0), rows };
}

type Listed = Awaited<ReturnType<typeof listed>>;

/**
 * The list once it shows the query's answer: the address changes at 查询, while the previous rows stay on screen
 * until the new ones arrive, so the rows are read again until `answered` holds (30 s at most). The columns are read
 * one after another, so a read during which the new rows arrived has columns of different lengths: it is read again.
 */
async function listedWhen(page: Page, answered: (l: Listed) => boolean): Promise<Listed> {
  let last: Listed | undefined;
  const whole = (l: Listed) => l.actions.length === l.targets.length;
  await expect
    .poll(async () => whole((last = await listed(page))) && answered(last), {
      timeout: 30_000,
      intervals: [250, 500, 1000],
    })
    .toBe(true);
  return last!;
}

test('审计日志: filter by 操作, 对象 and dates; 导出Excel holds the listed rows', async ({ page }) => {
  // Five searches, a page load and an export: more than the default minute on a loaded machine.
  test.setTimeout(180_000);
  const locked = demo('专业技术人员（登录失败待解锁）');
  await signInAsOperator(page);
  // An entry of our own: 解除锁定 of the locked person (as 人员查询 does it).
  const found = await page.request.get(`/api/helpdesk/people?q=${locked.username}`);
  const personId = ((await found.json()) as { items: Array<{ id: number }> }).items[0]!.id;
  const csrf = ((await (await page.request.get('/api/me')).json()) as { csrfToken: string }).csrfToken;
  const unlock = await page.request.post(`/api/helpdesk/people/${personId}/unlock`, {
    headers: { 'x-csrf-token': csrf },
  });
  expect(unlock.status(), await unlock.text()).toBe(200);

  await page.goto('/audit');
  await expect(page.getByRole('heading', { level: 1, name: '审计日志' })).toBeVisible({ timeout: 30_000 });

  // 操作: 解除锁定 only.
  await page.getByLabel('操作', { exact: true }).click();
  await page.keyboard.type('解除锁定');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/action=helpdesk\.account\.unlock/);
  let list = await listedWhen(page, (l) => l.actions.length > 0 && l.actions.every((a) => a === '解除锁定'));
  expect(list.total).toBeGreaterThanOrEqual(1);
  expect(new Set(list.actions)).toEqual(new Set(['解除锁定']));
  await expect(list.rows.filter({ hasText: locked.name }).first()).toBeVisible();

  // 对象 by the full ID number: only entries about that person, shown masked.
  await page.getByRole('button', { name: '重置' }).click();
  // 重置 clears the address and redraws the filters once the unfiltered list is answered: type only then, and check
  // the box holds the text.
  await expect(page).not.toHaveURL(/action=/);
  await listedWhen(page, (l) => l.actions.some((a) => a !== '解除锁定'));
  await page.getByLabel('对象').fill(locked.username);
  await expect(page.getByLabel('对象')).toHaveValue(locked.username);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(new RegExp(`target=${locked.username}`));
  list = await listedWhen(page, (l) => l.targets.length === l.total && l.targets.every((t) => t.includes(locked.name)));
  expect(list.actions).toContain('解除锁定');
  expect(list.actions).toContain('登录');
  expect(list.total).toBe(list.actions.length);
  const masked = `${locked.username.slice(0, 6)}`;
  for (const text of list.targets) {
    expect(text).toContain(locked.name);
    expect(text).toContain(masked);
    expect(text).not.toContain(locked.username);
  }
  const byId = list;

  // 对象 by name: the same entries.
  await page.getByLabel('对象').fill(locked.name);
  await expect(page.getByLabel('对象')).toHaveValue(locked.name);
  await page.getByRole('button', { name: '查询' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('target')).toBe(locked.name);
  list = await listedWhen(page, (l) => l.total === byId.total);
  expect(list.targets.every((t) => t.includes(locked.name))).toBe(true);

  // Dates: today holds them, a past range holds none.
  await page.getByPlaceholder('开始日期').click();
  await page.getByPlaceholder('开始日期').fill(TODAY);
  await page.getByPlaceholder('开始日期').press('Enter');
  await page.getByPlaceholder('结束日期').fill(TODAY);
  await page.getByPlaceholder('结束日期').press('Enter');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(new RegExp(`from=${TODAY}&to=${TODAY}|to=${TODAY}.*from=${TODAY}`));
  list = await listedWhen(page, (l) => l.total === byId.total);
  expect(list.targets.every((t) => t.includes(locked.name))).toBe(true);
  await page.goto(`/audit?target=${encodeURIComponent(locked.name)}&from=2020-01-01&to=2020-01-31`);
  await expect(page.getByPlaceholder('开始日期')).toHaveValue('2020-01-01');
  await expect(listRecords(page)).toHaveCount(0);

  // 导出Excel for the 对象 filter: a real workbook with the listed rows, in the same order.
  await page.goto(`/audit?target=${locked.username}`);
  list = await listed(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^审计日志_.*\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0]!;
  expect(ws.name).toBe('审计日志');
  expect(ws.getRow(1).getCell(2).value).toBe('操作');
  const data: string[][] = [];
  ws.eachRow((row, n) => {
    if (n > 1) data.push([String(row.getCell(2).value), String(row.getCell(6).value), String(row.getCell(7).value)]);
  });
  expect(data).toHaveLength(list.total);
  expect(data.map((r) => r[0])).toEqual(list.actions);
  for (const [, name, idNumber] of data) {
    expect(name).toContain(locked.name);
    expect(idNumber).not.toBe(locked.username);
    expect(idNumber?.startsWith(masked)).toBe(true);
  }
});
