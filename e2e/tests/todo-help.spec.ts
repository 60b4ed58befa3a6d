// 待办 and 帮助中心: a unit admin's 用户管理中心 opens on the records waiting for its first review and the
// 新注册 staff — each count opens its list, filtered, with as many rows; the operator's next-year courses open
// 课程管理 filtered to that year; 帮助 in the header opens the help section of the page it is on; the 帮助中心
// opens from the login page without signing in; every page outside the centre's frame (登录, 注册, the first-login
// steps, 扫码登录, 绑定, the public pages) opens its own section too.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demo, signIn, signInAsOperator } from './demo';
import { listRecords, onPhone } from './menu';
import { firstAdminLogin, newDepartmentAdmin } from './new-admin';

async function countOf(link: Locator): Promise<number> {
  return Number(await link.locator('.ptce-todo-count').textContent());
}

async function todoLink(page: Page, label: RegExp): Promise<Locator> {
  const list = page.getByRole('list', { name: '待办事项' });
  await expect(list).toBeVisible();
  const link = list.getByRole('link', { name: label });
  await expect(link).toBeVisible();
  return link;
}

test('a unit admin’s 待办: 待初审 N opens 专业科目学时审核 with N rows; 新注册 M opens the staff list filtered to M', async ({
  page,
}) => {
  const admin = demo('单位管理员（总管理员）');
  await signIn(page, '单位管理员', admin.username, admin.password);
  await expect(page.getByRole('heading', { level: 1, name: '用户管理中心' })).toBeVisible();

  const pending = await todoLink(page, /待初审的专业科目学时/);
  const n = await countOf(pending);
  expect(n).toBeGreaterThan(0);
  await pending.click();
  await expect(page).toHaveURL(/\/hours\/unit\/review$/);
  await expect(page.getByRole('heading', { level: 1, name: '专业科目学时审核' })).toBeVisible();
  await expect(page.getByText(`共 ${n} 条待审核`)).toBeVisible();
  await expect(listRecords(page)).toHaveCount(Math.min(n, 20));

  // 帮助 in the header: the section of this page.
  await page.getByRole('link', { name: '帮助：专业科目学时审核' }).click();
  await expect(page).toHaveURL(/\/help#unit-review$/);
  const section = page.locator('#unit-review');
  await expect(section).toHaveText('专业科目学时审核');
  await expect(section).toBeInViewport();
  // Still in the centre's frame: its menu, in the sidebar or (on a phone) behind the banner's button.
  if (onPhone(page)) await expect(page.getByRole('button', { name: '打开功能菜单' })).toBeVisible();
  else await expect(page.getByRole('navigation', { name: '功能菜单' })).toBeVisible();

  await page
    .getByRole('link', { name: /继续教育信息管理系统/ })
    .first()
    .click();
  const fresh = await todoLink(page, /新注册待确认的专业技术人员/);
  const m = await countOf(fresh);
  expect(m).toBeGreaterThan(0);
  await fresh.click();
  await expect(page).toHaveURL(/\/org\/staff\?newRegistration=true$/);
  await expect(page.getByRole('heading', { level: 1, name: '专业技术人员管理' })).toBeVisible();
  await expect(listRecords(page)).toHaveCount(m);
  await expect(listRecords(page).filter({ hasText: '新注册' })).toHaveCount(m);
});

test('the 帮助中心 opens from the login page without signing in, with the manuals and the help desk', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByRole('link', { name: '【帮助中心】' }).click();
  await expect(page).toHaveURL(/\/help$/);
  await expect(page.getByRole('heading', { level: 1, name: '帮助中心' })).toBeVisible();
  const contents = page.getByRole('navigation', { name: '帮助目录' });
  await contents.getByRole('link', { name: '单位管理员操作指南' }).click();
  await expect(page.locator('#unit')).toBeInViewport();
  await expect(page.getByRole('heading', { name: '专业技术人员操作指南' })).toBeAttached();
  await expect(page.getByRole('heading', { name: '忘记密码怎么办？' })).toBeAttached();
  // The help desk's page quotes the same phone number as the footer every page shows.
  const phone = (await page.locator('footer a[href^="tel:"]').first().textContent())?.trim();
  expect(phone).toBeTruthy();
  await expect(page.locator('.ptce-help-text').getByText(`咨询电话：${phone}`)).toBeAttached();
  await page.getByRole('link', { name: '返回登录' }).click();
  await expect(page).toHaveURL(/\/login/);
});

test('a professional’s 待办 opens 学时登记 filtered to 待提交', async ({ page }) => {
  const p = demo('专业技术人员');
  await signIn(page, '专业技术人员', p.username, p.password);
  const drafts = await todoLink(page, /待提交的学时登记/);
  const n = await countOf(drafts);
  await drafts.click();
  await expect(page).toHaveURL(/\/hours\/mine\?status=draft/);
  await expect(page.getByRole('heading', { level: 1, name: '学时登记' })).toBeVisible();
  const rows = listRecords(page);
  await expect(rows).toHaveCount(Math.min(n, 20));
  if (n > 0) await expect(rows.filter({ hasText: '待提交' })).toHaveCount(Math.min(n, 20));
});

test('the operator’s 待办 for next year’s courses says what is missing and opens 课程管理 filtered to that year', async ({
  page,
}) => {
  await signInAsOperator(page);
  const item = await todoLink(page, /\d{4}年度课程未发布/);
  const year = Number(/(\d{4})年度/.exec((await item.textContent()) ?? '')![1]);
  // What waits is said under the count: no course or no 必修课 yet, or drafts to publish (a journey that
  // published next year's courses earlier leaves 0 and no note).
  const hint = item.locator('xpath=..').locator('.ptce-todo-hint');
  if ((await countOf(item)) > 0) await expect(hint).toContainText(/尚无|草稿/);
  else await expect(hint).toHaveCount(0);
  await item.click();
  await expect(page).toHaveURL(new RegExp(`/learning/admin\\?year=${year}$`));
  await expect(page.getByRole('heading', { level: 1, name: '课程管理' })).toBeVisible();
  const filter = page.getByRole('spinbutton', { name: '年度' });
  await expect(filter).toHaveValue(String(year));
  const rows = listRecords(page);
  await expect(rows.first().or(page.getByText(`${year}年度尚无课程`))).toBeVisible();
  const shown = await rows.count();
  // Each course shown is that year's: made for it, or in its plan.
  for (let i = 0; i < shown; i++) await expect(rows.nth(i)).toContainText(`${year}年`);
  // Cleared, the filter leaves the URL and every course is listed.
  await filter.clear();
  await filter.blur();
  await expect(page).toHaveURL(/\/learning\/admin$/);
  await expect.poll(() => rows.count()).toBeGreaterThan(shown);
});

/** 帮助 at the top right of a page outside the centre opens /help at the page's own section, in view. */
async function helpOpens(page: Page, pageName: string, anchor: string, heading: string) {
  const help = page.getByRole('banner').getByRole('link', { name: `帮助：${pageName}` });
  await expect(help).toHaveText('帮助');
  await help.click();
  await expect(page).toHaveURL(new RegExp(`/help#${anchor}$`));
  const section = page.locator(`#${anchor}`);
  await expect(section).toHaveText(heading);
  await expect(section).toBeInViewport();
}

test('帮助 on 登录, 注册, 扫码登录, 绑定, the public pages and 404 opens each page’s own help section', async ({
  page,
}) => {
  await page.goto('/login');
  await helpOpens(page, '用户登录', 'account-login', '登录');

  await page.goto('/register');
  await expect(page.getByRole('heading', { level: 1, name: '用户注册' })).toBeVisible();
  await helpOpens(page, '用户注册', 'account-register', '注册（新学员）');

  // WeChat's return with a state this browser never sent is refused; the page still says where its help is.
  await page.goto('/wechat/callback?code=abc&state=0123456789abcdef0123456789abcdef');
  await expect(page.getByRole('link', { name: '返回登录' })).toBeVisible();
  await helpOpens(page, '扫码登录', 'account-wechat', '微信扫码登录与绑定');
  await page.goto('/wechat/bind');
  await expect(page.getByRole('heading', { level: 1, name: /绑定微信/ })).toBeVisible();
  await helpOpens(page, '绑定微信', 'account-wechat', '微信扫码登录与绑定');

  // The login page's public notice, 抽查结果公开 and 培训项目公示.
  await page.goto('/login');
  await page.getByRole('region', { name: '通知公告' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/notices\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await helpOpens(page, '通知公告', 'notices-public', '登录页的通知公告');

  await page.goto('/login');
  await page.getByRole('link', { name: '【抽查结果公开】' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '抽查结果公开' })).toBeVisible();
  await helpOpens(page, '抽查结果公开', 'spot-checks-public', '抽查结果公开');

  await page.goto('/login');
  await page.getByRole('link', { name: '【培训项目公示】' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '培训项目公示' })).toBeVisible();
  await helpOpens(page, '培训项目公示', 'public-filings', '培训项目公示');

  // A certificate's QR code with a link cut short, and an address that does not exist.
  await page.goto('/verify/AAAA');
  await expect(page.getByRole('heading', { level: 1, name: '证书真伪验证' })).toBeVisible();
  await expect(page.getByText('未找到该证书')).toBeVisible();
  await expect(page.getByText(/该验证链接不是有效的证书验证码/)).toBeVisible();
  await helpOpens(page, '证书真伪验证', 'certificate-verify', '证书真伪验证');
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: '页面不存在' })).toBeVisible();
  await helpOpens(page, '页面不存在或出错', 'faq-page-error', '页面显示“页面不存在”或“页面出错了”怎么办？');
});

test('帮助 on the first-login steps opens 修改初始密码 and 完善个人信息', async ({ page, browser }) => {
  // A new 二级管理员 (initial password: the last six of the ID number; no e-mail yet) logs in for the first time.
  const idNumber = await newDepartmentAdmin(browser, { name: '农秀兰', phone: '13977150123', born: 1990 });
  await firstAdminLogin(page, idNumber);
  await helpOpens(page, '修改初始密码', 'account-initial-password', '修改初始密码（首次登录）');

  await page.goBack();
  await expect(page).toHaveURL(/\/setup\/password/);
  await page.getByLabel('原密码').fill(idNumber.slice(-6));
  await page.getByLabel('新密码', { exact: true }).fill('Helpdesk2026');
  await page.getByLabel('确认新密码').fill('Helpdesk2026');
  await page.getByRole('button', { name: '修改密码并继续' }).click();
  await expect(page).toHaveURL(/\/setup\/profile/);
  await expect(page.getByRole('heading', { level: 1, name: '完善个人信息' })).toBeVisible();
  await helpOpens(page, '完善个人信息', 'account-complete-profile', '完善个人信息（首次登录）');
});
