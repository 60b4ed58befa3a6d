// 通知公告: the login page lists the public seed notice, readable without a login; the operator publishes a notice
// for professionals → the demo professional sees it marked 未读 on 用户管理中心 → opens it → it is read. A notice body with a
// <script> or a javascript: link renders inert.
import { expect, test, type Page } from '@playwright/test';
import { listItem, openMenu } from './menu';
import { demo, signIn, signInAsOperator } from './demo';

const SEED_TITLE =
  '广西壮族自治区人力资源和社会保障厅关于做好2024年度全区专业技术人员公需科目和专业科目学习有关工作的通知';

test('the login page lists the public 2024 notice, readable without a login with its attachments', async ({ page }) => {
  await page.goto('/login');
  const notices = page.getByRole('region', { name: '通知公告' });
  // the first page of a fresh server may take a while on a busy machine
  await expect(notices.getByRole('link', { name: new RegExp(SEED_TITLE.slice(0, 20)) })).toBeVisible({
    timeout: 30_000,
  });
  await notices.getByRole('link', { name: new RegExp(SEED_TITLE.slice(0, 20)) }).click();
  await expect(page).toHaveURL(/\/notices\/\d+$/);
  await expect(page.getByRole('heading', { name: SEED_TITLE })).toBeVisible();
  await expect(page.getByRole('heading', { name: '一、学习对象' })).toBeVisible();
  await expect(page.getByText('发布日期：2024-04-18')).toBeVisible();
  const attachments = page.getByRole('region', { name: '附件' });
  await expect(attachments.getByRole('link')).toHaveCount(3);
  const download = page.waitForEvent('download');
  await attachments.getByRole('link', { name: /^附件3：/ }).click();
  expect((await download).suggestedFilename()).toMatch(/^附件3：.*\.txt$/);
  // still not signed in
  await expect(page.getByRole('link', { name: '返回登录' })).toBeVisible();
});

/** The 用户管理中心's 通知公告: the reader's latest few notices, unread first. */
async function centerNotices(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '用户管理中心' })).toBeVisible();
  return page.getByRole('list', { name: '通知公告' });
}

test('the operator publishes a notice for professionals; the demo professional sees it unread, opens it, and it is read', async ({
  browser,
}) => {
  test.setTimeout(240_000); // two sign-ins and a publication on a busy machine
  const title = `关于${Date.now() % 100000}号专业科目培训班报名的通知`;
  const op = await browser.newPage();
  await signInAsOperator(op);
  await openMenu(op, null, '通知公告管理');
  await op.getByRole('button', { name: '新建通知' }).click();
  const dialog = op.getByRole('dialog', { name: '新建通知' });
  await dialog.getByLabel('标题').fill(title);
  await dialog.getByLabel('发送对象').click();
  await op.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '专业技术人员' }).click();
  await dialog
    .getByRole('textbox', { name: '正文' })
    .fill('## 报名方式\n\n- 登录系统\n- 填写报名表\n\n详见 [培训通知](https://ptce.gx12333.net/)。');
  await dialog.getByRole('tab', { name: '预览' }).click();
  await expect(dialog.getByRole('heading', { name: '报名方式' })).toBeVisible();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const row = listItem(op, new RegExp(title));
  await expect(row.getByText('草稿')).toBeVisible();
  await row.getByRole('button', { name: `发布 ${title}` }).click();
  await op.getByRole('button', { name: /^确\s*定$/ }).click();
  await expect(row.getByText('已发布')).toBeVisible();
  await op.close();

  const page = await browser.newPage();
  const p = demo('专业技术人员');
  await signIn(page, '专业技术人员', p.username, p.password);
  // On 用户管理中心: the new notice among the latest few, marked 未读, with the count of unread ones.
  let list = await centerNotices(page);
  const item = list.getByRole('listitem').filter({ hasText: title });
  await expect(item).toBeVisible({ timeout: 30_000 });
  await expect(item.getByText('未读', { exact: true })).toBeVisible();
  await expect(item.getByRole('link', { name: title })).toHaveClass(/ptce-notice-unread/);
  const before = Number(await page.getByTestId('unread-notices').textContent());
  expect(before).toBeGreaterThan(0);
  // Unread ones come first: no read notice is listed above an unread one.
  const unreadMarks = await list
    .getByRole('listitem')
    .evaluateAll((lis) => lis.map((li) => li.querySelector('.ant-tag')?.textContent === '未读'));
  expect(unreadMarks).toEqual([...unreadMarks].sort((a, b) => Number(b) - Number(a)));
  await item.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(/\/notices\/\d+$/);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByRole('link', { name: '培训通知' })).toHaveAttribute('href', 'https://ptce.gx12333.net/');
  await page.getByRole('link', { name: '返回通知公告' }).click();
  await expect(page).toHaveURL(/\/notices$/);
  await expect(listItem(page, new RegExp(title)).getByText('已读')).toBeVisible();

  // Back on 用户管理中心 it is no longer unread, and one fewer is counted.
  list = await centerNotices(page);
  await expect(list).toBeVisible({ timeout: 30_000 });
  const again = list.getByRole('listitem').filter({ hasText: title });
  await expect(again.filter({ hasText: '未读' })).toHaveCount(0);
  // Read notices follow the unread ones: it is still among the first five unless five others are unread.
  if (before - 1 < 5) {
    await expect(again).toBeVisible();
    await expect(again.getByRole('link', { name: title })).not.toHaveClass(/ptce-notice-unread/);
  }
  if (before > 1) await expect(page.getByTestId('unread-notices')).toHaveText(String(before - 1));
  else await expect(page.getByTestId('unread-notices')).toHaveCount(0);
  // The whole list is one link away.
  await page.getByRole('link', { name: '全部通知公告' }).click();
  await expect(page).toHaveURL(/\/notices$/);
  await expect(listItem(page, new RegExp(title))).toBeVisible();
  await page.close();
});

test('a notice body with a <script> or a javascript: link renders inert', async ({ page }) => {
  const op = demo('平台运营');
  const login = await page.request.post('/api/auth/login', {
    data: { username: op.username, password: op.password, realm: 'authority' },
  });
  expect(login.status()).toBe(200);
  const headers = { 'x-csrf-token': (await login.json()).me.csrfToken };
  const created = await page.request.post('/api/notices/admin', {
    headers,
    data: {
      title: 'XSS测试通知',
      body: '<script>window.__xss=1</script>\n\n<img src=x onerror="window.__xss=2">\n\n[点我](javascript:window.__xss=3)',
      audience: 'everyone',
    },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  expect((await page.request.post(`/api/notices/admin/${id}/publish`, { headers })).status()).toBe(200);
  await page.request.post('/api/auth/logout', { headers });
  await page.context().clearCookies();

  await page.goto(`/notices/${id}`);
  await expect(page.getByRole('heading', { name: 'XSS测试通知' })).toBeVisible();
  await expect(page.getByText('<script>window.__xss=1</script>')).toBeVisible();
  await expect(page.getByText('<img src=x onerror="window.__xss=2">')).toBeVisible();
  await expect(page.getByText('点我')).toBeVisible();
  expect(await page.locator('article a[href^="javascript"]').count()).toBe(0);
  expect(await page.locator('article img, article script').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await page.getByText('点我').click();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test('the list search box follows the address: back and forward show the search that is in it', async ({ page }) => {
  await signInAsOperator(page);
  await openMenu(page, null, '通知公告管理');
  const box = page.getByRole('searchbox', { name: '标题' });
  await box.fill('公需科目');
  await box.press('Enter');
  await expect(page).toHaveURL(/[?&]q=%E5%85%AC%E9%9C%80%E7%A7%91%E7%9B%AE/);
  await box.fill('专业科目');
  await box.press('Enter');
  await expect(page).toHaveURL(/[?&]q=%E4%B8%93%E4%B8%9A%E7%A7%91%E7%9B%AE/);
  await page.goBack();
  await expect(page).toHaveURL(/[?&]q=%E5%85%AC%E9%9C%80%E7%A7%91%E7%9B%AE/);
  await expect(box).toHaveValue('公需科目');
  await page.goForward();
  await expect(box).toHaveValue('专业科目');
  // Typed but not searched: the box keeps it while the list stays as it was.
  await box.fill('培训班');
  await expect(page).toHaveURL(/[?&]q=%E4%B8%93%E4%B8%9A%E7%A7%91%E7%9B%AE/);
  await expect(box).toHaveValue('培训班');
  // Cleared: the search leaves the address.
  await page.getByRole('button', { name: 'close-circle' }).click();
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect(box).toHaveValue('');
});
