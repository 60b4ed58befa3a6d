// 单位管理 for the operator: 批量导入单位 from a generated .xlsx (a bad row first → the per-row report →
// the fixed file → success → the new accounts' initial passwords, downloaded once), then 停用 one of
// the new units and 合并 the other into the demo hospital.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { demo, signIn } from './demo';
import { pressAndClose } from './dialog';
import { listItem } from './menu';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A valid 统一社会信用代码 (GB 32100) of an institution in the region, with a random body. */
function creditCode(region: string): string {
  let body = '';
  for (let i = 0; i < 9; i++) body += CHARSET[Math.floor(Math.random() * (i < 8 ? 30 : 9))];
  const first17 = `12${region}${body}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return first17 + CHARSET[(31 - (sum % 31)) % 31];
}

async function unitsFile(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('单位信息');
  ws.addRow(['单位名称', '统一社会信用代码', '所在地区', '行业', '主管部门', '联系人', '联系电话', '单位类型']);
  for (const c of [2, 3, 7]) ws.getColumn(c).numFmt = '@';
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(page: Page, buffer: Buffer) {
  await page.locator('input[type=file]').setInputFiles({
    name: '单位信息.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  const declared = page.getByRole('checkbox', { name: '本人承诺导入信息属实' });
  if (!(await declared.isChecked())) await declared.check();
  await page.getByRole('button', { name: '开始导入' }).click();
}

async function findUnit(page: Page, name: string) {
  await page.getByLabel('单位名称或统一社会信用代码').fill(name);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(listItem(page, new RegExp(name)).first()).toBeVisible();
}

test('the operator imports units from Excel, takes their passwords once, disables one and merges one', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const operator = demo('平台运营');
  const stamp = String(Date.now()).slice(-5);
  const disableName = `南宁市青秀区第${stamp}号社区卫生服务站`;
  const mergeName = `南宁市第一人民医院仙葫分院${stamp}`;
  const codes = [creditCode('450103'), creditCode('450103')];
  const row = (name: string, code: string) => [
    name,
    code,
    '南宁市青秀区',
    '卫生和社会工作',
    '',
    '韦丽华',
    '0771-5551234',
    '事业单位',
  ];
  const broken = codes[1]!.slice(0, 17) + (codes[1]![17] === '0' ? '1' : '0');

  await signIn(page, '管理部门', operator.username, operator.password);
  await page.goto('/org/units');
  await page.getByRole('link', { name: '批量导入' }).click();
  await expect(page.getByRole('heading', { name: '批量导入单位' })).toBeVisible();

  // A file with a bad row: nothing is imported, the row is reported with its reason.
  await upload(page, await unitsFile([row(disableName, codes[0]!), row(mergeName, broken)]));
  await expect(page.getByText('统一社会信用代码校验位错误').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/其中1行有错误，未导入任何数据/)).toBeVisible();
  await expect(page.getByRole('button', { name: '仅导入正确的行' })).toHaveCount(0);

  // The fixed file: both units are created, with their accounts.
  await upload(page, await unitsFile([row(disableName, codes[0]!), row(mergeName, codes[1]!)]));
  await expect(page.getByText('共2行，全部导入成功')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: '下载账号和初始密码（仅一次）' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载', exact: true }).click();
  const download = await downloading;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  const usernames = [2, 3].map((i) => String(sheet.getRow(i).getCell(2).value));
  expect(usernames.sort()).toEqual([...codes].sort());
  expect(String(sheet.getRow(2).getCell(3).value)).toMatch(/^[A-Za-z0-9]{12}$/);
  await expect(page.getByText('新单位账号的初始密码清单已下载（只能下载一次）')).toBeVisible();
  await expect(page.getByRole('button', { name: '下载账号和初始密码（仅一次）' })).toHaveCount(0);

  // 停用 one of them.
  await page.getByRole('link', { name: '返回单位管理' }).first().click();
  await findUnit(page, disableName);
  await page.getByRole('button', { name: `停用 ${disableName}` }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /停\s*用/ })
    .click();
  await expect(page.getByText('已停用').first()).toBeVisible();
  await expect(page.getByRole('button', { name: `启用 ${disableName}` })).toBeVisible();

  // 合并 the other into the demo hospital, after the preview of what moves.
  await findUnit(page, '南宁市第一人民医院');
  await page.getByRole('button', { name: '合并 南宁市第一人民医院', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: '被合并的单位' }).fill(mergeName);
  // The list follows the typed name (debounced): pick the unit once it is listed, then wait for the preview.
  const preview = dialog.getByText(`将从“${mergeName}”移入`);
  await expect(async () => {
    if (!(await preview.isVisible()))
      await page.locator('.ant-select-item-option').filter({ hasText: mergeName }).first().click({ timeout: 2000 });
    await expect(preview).toBeVisible({ timeout: 5000 });
  }).toPass({ timeout: 45_000 });
  await expect(dialog.getByText('0人').first()).toBeVisible();
  await dialog.getByRole('button', { name: '确认合并' }).click();
  const merged = page.getByRole('dialog').filter({ hasText: '合并完成' });
  await expect(merged.locator('.ant-modal-confirm-title')).toBeVisible();
  await pressAndClose(merged, '知道了');
  await findUnit(page, mergeName);
  await expect(listItem(page, new RegExp(mergeName)).getByText('已合并至 南宁市第一人民医院')).toBeVisible();
});
