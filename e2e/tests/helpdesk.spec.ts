import { expect, test } from '@playwright/test';
import { demo, signInAsOperator } from './demo';

/**
 * 人员查询 (help desk): the operator finds the demo person locked out by three failed logins by ID
 * number, sees 需要图形验证码, unlocks them — and they log in with the password alone; then 重置密码
 * shows the temporary password once.
 */
test('help desk looks up a locked person, unlocks them, they log in without a captcha; reset shows the password once', async ({
  page,
  browser,
}) => {
  const locked = demo('专业技术人员（登录失败待解锁）');
  // Locked now, whatever ran before (audit-log.spec unlocks this person too): three mistyped passwords.
  const typist = await browser.newContext();
  for (let i = 0; i < 3; i++) {
    const failed = await typist.request.post('/api/auth/login', {
      data: { username: locked.username, password: 'Mistyped-2026', realm: 'person' },
    });
    expect(failed.ok()).toBe(false);
  }
  await typist.close();
  await signInAsOperator(page);
  await page.goto('/helpdesk/people');
  await page.getByLabel('身份证号码、手机号码或姓名').fill(locked.username);
  await expect(page.getByText('将按身份证号码查询')).toBeVisible();
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByRole('link', { name: locked.name }).click();
  await expect(page.getByRole('heading', { name: `${locked.name}（${locked.username}）` })).toBeVisible();
  await expect(page.getByText('需要图形验证码')).toBeVisible();

  await page.getByRole('button', { name: '解除锁定' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '解除锁定' }).click();
  await expect(page.getByText('无需图形验证码', { exact: true })).toBeVisible();

  // The person logs in with the password alone: no captcha is asked.
  const ctx = await browser.newContext();
  const res = await ctx.request.post('/api/auth/login', {
    data: { username: locked.username, password: locked.password, realm: 'person' },
  });
  expect(res.status(), await res.text()).toBe(200);
  await ctx.close();

  await page.getByRole('button', { name: '重置密码' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '重置密码' }).click();
  const shown = page.getByTestId('issued-password');
  await expect(shown).toHaveText(/^[A-Za-z2-9]{12}$/);
  await page.getByRole('button', { name: '我已记下' }).click();
  await expect(page.getByTestId('issued-password')).toHaveCount(0);
  await expect(page.getByText('初始或临时密码（首次登录须修改）')).toBeVisible();
});

/**
 * 合并账号: 农秀英 of the demo has a second account with a mistyped ID number holding a training of this
 * year. The help desk finds it from her page, reads what will move, merges it into hers (the training now
 * counts for her, the other account is marked 已合并), then 撤销合并 puts the training back.
 */
test('help desk merges a duplicate account into the person’s own, sees what moved, and undoes the merge', async ({
  page,
}) => {
  const person = demo('专业技术人员（有重复账号，待合并）');
  await signInAsOperator(page);
  await page.goto(`/helpdesk/people?q=${encodeURIComponent(person.name)}`);
  await expect(page.getByRole('link', { name: person.name })).toHaveCount(2);
  await page.goto(`/helpdesk/people?q=${person.username}`);
  await page.getByRole('link', { name: person.name }).click();
  await expect(page.getByRole('heading', { name: `${person.name}（${person.username}）` })).toBeVisible();

  await page.getByRole('button', { name: '合并账号' }).click();
  const dialog = page.getByRole('dialog', { name: `合并账号：${person.name}` });
  await dialog.getByLabel('查找另一个账号').fill(person.name);
  await dialog.getByLabel('查找另一个账号').press('Enter');
  const other = dialog.getByRole('radio', { name: new RegExp(`^${person.name}（`) });
  await expect(other).toHaveCount(1);
  await other.check();
  await expect(dialog.getByText('将转入保留账号')).toBeVisible();
  await expect(dialog.getByText('学时登记记录 1 条')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: '保留当前账号' })).toBeChecked();
  await dialog.getByLabel('合并原因').fill('单位录入身份证号码有误，重复开户');
  await dialog.getByRole('button', { name: '确认合并' }).click();
  await expect(page.getByText('已合并账号：学时登记记录 1 条')).toBeVisible();
  await expect(dialog).toBeHidden();

  // The merge is listed with both accounts; the merged one is marked and cannot log in.
  const history = page.locator('.ant-card').filter({ hasText: '账号合并记录' });
  await expect(history.getByRole('cell', { name: '单位录入身份证号码有误，重复开户' })).toBeVisible();
  const merged = history.getByRole('link', { name: /^农秀英（/ }).nth(1);
  const mergedHref = await merged.getAttribute('href');
  await merged.click();
  await expect(page.getByText('该账号已合并至')).toBeVisible();
  await expect(page.getByText('允许登录系统')).toBeVisible();
  await expect(page.getByText('禁止登录', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '合并账号' })).toBeDisabled();

  await page.getByRole('button', { name: '撤销合并' }).click();
  const undo = page.getByRole('dialog', { name: '撤销合并' });
  await undo.getByLabel('撤销原因').fill('合并后本人来电核实，暂不合并');
  await undo.getByRole('button', { name: '撤销合并' }).click();
  await expect(page.getByText(/已撤销合并/)).toBeVisible();
  await expect(page.getByText('该账号已合并至')).toHaveCount(0);
  await expect(page.getByText('已撤销', { exact: true })).toBeVisible();
  expect(page.url()).toContain(mergedHref!);
});
