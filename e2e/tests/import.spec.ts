import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { demo } from './demo';

const shanghaiToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

test('a unit admin imports staff hours from Excel: a bad row is reported, the valid one imported', async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  const today = shanghaiToday();
  const day = new Date(`${today}T00:00:00Z`);
  // The phone run imports for the same person on the same database: a day of its own, as one training cannot be
  // registered twice for the same times.
  const daysAgo = info.project.name === 'phone' ? 3 : 2;
  day.setUTCDate(day.getUTCDate() - daysAgo);
  const date = day.toISOString().slice(0, 10);
  test.skip(date.slice(0, 4) !== today.slice(0, 4), `needs ${daysAgo} past days in the current year`);

  const admin = demo('单位管理员（总管理员）');
  const person = demo('专业技术人员');
  await page.goto('/login');
  await page.getByRole('tab', { name: '单位管理员' }).click();
  await page.getByLabel('用户名').fill(admin.username);
  await page.getByLabel('密码').fill(admin.password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByText(admin.name).first()).toBeVisible();

  // ① the template, as the page downloads it; ② filled in by "the admin".
  const template = await page.request.get('/api/imports/hours-registration/template');
  expect(template.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await template.body()) as unknown as ArrayBuffer);
  const sheet = wb.worksheets.find((s) => s.getRow(1).getCell(1).value === '身份证号码')!;
  const title = `导入测试培训班${Date.now()}`;
  const badId = person.username.slice(0, 17) + (person.username[17] === '0' ? '1' : '0');
  const row = (idNumber: string) => [
    idNumber,
    person.name,
    '培训班/研修班/进修班',
    title,
    '广西医学会',
    '南宁市',
    date,
    '上午',
    date,
    '下午',
    null,
    '',
  ];
  sheet.getRow(2).values = row(person.username);
  sheet.getRow(3).values = row(badId);
  const file = Buffer.from(await wb.xlsx.writeBuffer());

  await page.goto('/hours/unit/import');
  await page.locator('input[type=file]').setInputFiles({
    name: '导入学员培训信息.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  });
  await page.getByText('本人承诺导入信息属实').click();
  await page.getByRole('button', { name: '开始导入' }).click();
  // ③ the result: row 3 is reported with its reason, nothing imported yet.
  await expect(page.getByText('身份证号码校验位错误').first()).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: '仅导入正确的行' }).click();
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('仅导入正确的行').last()).toBeVisible();
  await expect(page.locator('.ant-descriptions-item').filter({ hasText: '已导入' })).toContainText('1', {
    timeout: 60_000,
  });

  // The imported record waits as 待提交 in 专业科目学时登记.
  await page.goto('/hours/unit/register');
  await expect(page.getByText(title).first()).toBeVisible();
});
