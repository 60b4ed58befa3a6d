import { expect, test } from '@playwright/test';
import { demo, signInAsOperator } from './demo';
import { listItem, openMenu } from './menu';

const lastYear =
  Number(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())) - 1;

// With the system's reduce-motion setting (减弱动态效果): the 撤销 dialog opens without animation and still focuses
// its field.
test.use({ reducedMotion: 'reduce' });

// Uses last year's 公需科目考试合格证书 of the demo professional (certificates.spec uses the other one).
test('证书管理: the operator finds a certificate by ID number, revokes it with a reason, and verification shows it revoked', async ({
  page,
  browser,
}) => {
  const p = demo('专业技术人员');
  const person = await browser.newContext();
  const login = await person.request.post('/api/auth/login', {
    data: { username: p.username, password: p.password, realm: 'person' },
  });
  expect(login.status()).toBe(200);
  const csrf = (await login.json()).me.csrfToken as string;
  const issued = await person.request.post('/api/certificates', {
    data: { kind: 'public_exam', year: lastYear },
    headers: { 'x-csrf-token': csrf },
  });
  expect(issued.status()).toBe(200);
  const cert = (await issued.json()) as { serial: string; verifyUrl: string };
  await person.close();

  await signInAsOperator(page);
  await openMenu(page, null, '证书管理');

  // A wrong ID number is refused in the form, before any request.
  const idInput = page.getByRole('textbox', { name: /身份证号码/ });
  await idInput.fill('12345');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByText('请输入18位身份证号码')).toBeVisible();

  await idInput.fill(p.username);
  await page.getByRole('button', { name: '查询' }).click();
  // A table row on a laptop, a card on a phone.
  const row = listItem(page, new RegExp(cert.serial));
  await expect(row).toBeVisible();
  await expect(row.getByText('专业技术人员继续教育公需科目考试合格证书')).toBeVisible();
  await expect(row.getByText(`${p.username.slice(0, 6)}********${p.username.slice(-4)}`)).toBeVisible();
  await expect(row.getByText('有效')).toBeVisible();

  await row.getByRole('button', { name: '撤销' }).click();
  const dialog = page.getByRole('dialog', { name: `撤销证书 ${cert.serial}` });
  // The reason field takes the focus once the dialog is open (keyboard users type straight away); a click
  // sent while the dialog is still zooming in can be lost, which made this test flaky.
  await expect(dialog.getByLabel('撤销原因')).toBeFocused();
  await dialog.getByRole('button', { name: '撤销证书' }).click();
  await expect(dialog.getByText('请填写撤销原因')).toBeVisible();
  await dialog.getByLabel('撤销原因').fill('经核查，考试由他人代考');
  await dialog.getByRole('button', { name: '撤销证书' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByText('已撤销')).toBeVisible();
  await expect(row.getByText('经核查，考试由他人代考')).toBeVisible();
  await expect(row.getByRole('button', { name: '撤销' })).toHaveCount(0);

  const anonymous = await browser.newContext();
  const v = await anonymous.newPage();
  await v.goto(new URL(cert.verifyUrl).pathname);
  await expect(v.getByText('经核查，考试由他人代考')).toBeVisible();
  await anonymous.close();
});
