// 行业接口管理 for the operator: 新增接口客户端 (industries and a unit) shows the secret once — never again in the
// page or the API list; the key signs a real request; 更换密钥 keeps the old key working during the overlap;
// 停用 makes a signed call answer 403 CLIENT_DISABLED and 启用 serves it again; 事件通知 of the demo CME system
// shows the address it registered through the signed API.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { signedHeaders } from '../../scripts/integration-client.mjs';
import { signInAsOperator } from './demo';
import { pickOption } from './select';

interface Key {
  keyId: string;
  secret: string;
}

/** A signed GET of the changes feed, as an industry system sends it (scripts/integration-client.mjs). */
async function signedChanges(request: APIRequestContext, key: Key) {
  const target = '/api/integration/v1/changes?limit=5';
  const res = await request.get(target, { headers: signedHeaders({ ...key, method: 'GET', target }) });
  const body = (await res.json()) as { error?: { code: string } };
  return { status: res.status(), code: body.error?.code ?? null };
}

/** The key id and secret of the 请立即保存密钥 notice. */
async function shownKey(page: Page): Promise<Key> {
  const notice = page.getByTestId('integration-secret');
  await expect(notice).toBeVisible({ timeout: 30_000 });
  const codes = notice.locator('code');
  const keyId = (await codes.nth(0).innerText()).trim();
  const secret = (await codes.nth(1).innerText()).trim();
  expect(keyId).toMatch(/^ptce_/);
  expect(secret.length).toBeGreaterThanOrEqual(32);
  return { keyId, secret };
}

function demoIntegration(): Key & { name: string } {
  const dir = process.env.E2E_DATA_DIR!;
  const file = JSON.parse(fs.readFileSync(path.join(dir, 'demo-logins.json'), 'utf8')) as {
    integration: Array<Key & { name: string }>;
  };
  return file.integration[0]!;
}

test('the operator registers an industry system, rotates its key, disables and enables it, and opens 事件通知', async ({
  page,
  request, // no session cookie: the industry system's own calls
}) => {
  test.setTimeout(240_000);
  const stamp = String(Date.now()).slice(-5);
  const name = `广西教师继续教育学时平台${stamp}`;

  await signInAsOperator(page);
  await page.goto('/integration/clients');
  await expect(page.getByRole('heading', { name: '行业接口管理' })).toBeVisible({ timeout: 30_000 });

  // 新增: the name, an industry and one unit outside it.
  await page.getByRole('button', { name: '新增接口客户端' }).click();
  const dialog = page.getByRole('dialog', { name: '新增行业接口客户端' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('行业系统名称').fill(name);
  // By keyboard: the search leaves one option, Enter picks it, and its tag shows in the field.
  await dialog.getByLabel('可对接的行业').click();
  await dialog.getByLabel('可对接的行业').fill('教育');
  await expect(page.locator('.ant-select-dropdown:visible').getByTitle('P 教育', { exact: true })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog.locator('.ant-select-selection-item').filter({ hasText: 'P 教育' })).toBeVisible();
  await dialog.getByLabel('行业系统名称').click(); // closes the list
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await expect(dialog).toContainText('P 教育'); // the tag is there before the unit is picked
  const unitField = dialog.getByLabel('可对接的单位（行业之外的单个单位）');
  await unitField.fill('南宁市第一人民医院');
  await pickOption(page, unitField, /^南宁市第一人民医院$/, '南宁市第一人民医院');
  await dialog.getByLabel('行业系统名称').click();
  await expect(dialog).toContainText('P 教育');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });

  // The secret is shown once, and it signs a real request.
  const first = await shownKey(page);
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('行业 P、南宁市第一人民医院');
  await expect(row).toContainText(first.keyId);
  await expect(row).toContainText('启用');
  expect(await signedChanges(request, first)).toEqual({ status: 200, code: null });

  // Never again: not after a reload, not in the API list.
  await page.reload();
  await expect(row).toContainText(first.keyId, { timeout: 30_000 });
  await expect(page.getByTestId('integration-secret')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(first.secret);
  const list = await page.request.get('/api/integration/clients');
  expect(list.status()).toBe(200);
  const listed = await list.text();
  expect(listed).toContain(first.keyId);
  expect(listed).not.toContain(first.secret);

  // 更换密钥: a new key shown once; the old one still works within the overlap.
  await row.getByRole('button', { name: `更换密钥 ${name}` }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: `更换“${name}”的密钥？` });
  // A click while the dialog still zooms in can miss its button (seen on a loaded machine): wait until it has
  // settled, and click again only while the dialog is still open and no new key is shown.
  await expect(confirm).not.toHaveClass(/ant-zoom/);
  await expect(async () => {
    if (await confirm.isVisible()) await confirm.getByRole('button', { name: '更换密钥' }).click({ timeout: 5_000 });
    await expect(page.getByTestId('integration-secret')).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  const second = await shownKey(page);
  expect(second.keyId).not.toBe(first.keyId);
  await expect(page.getByTestId('integration-secret')).toContainText('前仍然有效');
  await expect(row).toContainText(first.keyId);
  await expect(row).toContainText(second.keyId);
  expect(await signedChanges(request, second)).toEqual({ status: 200, code: null });
  expect(await signedChanges(request, first)).toEqual({ status: 200, code: null });
  const relisted = await (await page.request.get('/api/integration/clients')).text();
  expect(relisted).not.toContain(second.secret);
  expect(relisted).not.toContain(first.secret);

  // 停用: a signed call is refused with CLIENT_DISABLED; 启用 serves it again.
  await row.getByRole('button', { name: `停用 ${name}` }).click();
  await expect(row).toContainText('已停用', { timeout: 30_000 });
  expect(await signedChanges(request, second)).toEqual({ status: 403, code: 'CLIENT_DISABLED' });
  await row.getByRole('button', { name: `启用 ${name}` }).click();
  await expect(row.getByRole('button', { name: `停用 ${name}` })).toBeVisible({ timeout: 30_000 });
  await expect(row).not.toContainText('已停用');
  expect(await signedChanges(request, second)).toEqual({ status: 200, code: null });

  // 事件通知 of the demo CME system: the address it registers through the signed API, and its delivery log.
  const cme = demoIntegration();
  const url = `https://cme.example.gx.cn/ptce/events/${stamp}`;
  const body = JSON.stringify({ url, eventTypes: ['certificate.issued', 'certificate.revoked'] });
  const target = '/api/integration/v1/webhook';
  const set = await request.put(target, {
    headers: { ...signedHeaders({ ...cme, method: 'PUT', target, body }), 'Content-Type': 'application/json' },
    data: body,
  });
  expect(set.status(), await set.text()).toBe(200);
  await page.getByRole('button', { name: `事件通知 ${cme.name}` }).click();
  const log = page.getByRole('dialog', { name: `事件通知 — ${cme.name}` });
  await expect(log).toBeVisible();
  await expect(log).toContainText(url, { timeout: 30_000 });
  await expect(log).toContainText('继续教育合格证书签发、继续教育合格证书撤销');
  await expect(log.getByRole('columnheader', { name: '发送次数' })).toBeVisible();
  // 更换通知密钥 with the default 24-hour overlap: the new secret is shown once, and both secrets sign meanwhile.
  await log.getByRole('button', { name: '更换通知密钥' }).click();
  await expect(log.getByTestId('webhook-secret')).toContainText('whsec_', { timeout: 30_000 });
  await expect(log.getByTestId('webhook-secret')).toContainText('同时带新旧两个签名');
  await log
    .locator('.ant-modal-footer')
    .getByRole('button', { name: /^关\s*闭$/ })
    .click();
  await expect(log).toBeHidden();
});
