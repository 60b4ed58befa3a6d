// Every page of each role's menu, as that role's demo login sees it, at 1280×720 and on a phone (390×844):
// nothing scrolls sideways (at 1280 no table either: long columns fold into 展开), axe-core finds no serious or
// critical WCAG 2 A/AA violation at either size, and a screenshot of each page is kept with the test's output
// (e2e/test-results/…/<role>-<page>-<width>.png) for a person to look through. The pages outside the centre's
// frame (登录, 注册, the first-login steps, 扫码登录, 绑定, the public pages, each with its 帮助) are checked the same way.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import type { Role } from '@ptce/contracts';
import { canSee, isReady, MENU } from '../../web/src/menu';
import { demo, signIn, type LoginTab } from './demo';
import { firstAdminLogin, newDepartmentAdmin } from './new-admin';

const WHO: Array<{ login: string; tab: LoginTab; role: Role; name: string }> = [
  { login: '专业技术人员', tab: '专业技术人员', role: 'professional', name: 'professional' },
  { login: '单位管理员（总管理员）', tab: '单位管理员', role: 'unit_admin', name: 'unit-admin' },
  { login: '市人社局', tab: '管理部门', role: 'hr_bureau', name: 'hr-bureau' },
  { login: '行业主管部门', tab: '管理部门', role: 'authority', name: 'authority' },
  { login: '继续教育基地', tab: '管理部门', role: 'base', name: 'base' },
  { login: '平台运营', tab: '管理部门', role: 'operator', name: 'operator' },
];

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 720 };

/** The pages a role opens without a parameter in the address: its menu and the landing page's own pages. */
const pagesOf = (role: Role) =>
  MENU.filter((e) => isReady(e) && canSee(e, [role]) && !e.path.includes(':') && !e.publicRoute);

/** The page has drawn its data: its heading is up and no spinner or skeleton is left. */
async function settled(page: Page) {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton-active')).toHaveCount(0, { timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready);
}

/** What scrolls sideways: the page itself, and at 1280 any table. */
async function overflow(page: Page, tables: boolean): Promise<string[]> {
  return page.evaluate((withTables) => {
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth + 1) out.push(`page ${root.scrollWidth} > ${window.innerWidth}`);
    if (withTables)
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body')))
        if (el.scrollWidth > el.clientWidth + 1) {
          const head = Array.from(el.closest('.ant-table')?.querySelectorAll('th') ?? []).map((th) => th.textContent);
          out.push(`table (${head.join('|')}) ${el.scrollWidth} > ${el.clientWidth}`);
        }
    return out;
  }, tables);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function shoot(page: Page, info: TestInfo, file: string) {
  const path = info.outputPath(file);
  await page.screenshot({ path });
  await info.attach(file, { path, contentType: 'image/png' });
}

// Layout and markup do not depend on the database: checked once, on the embedded one, not again on PostgreSQL.
test.skip(!!process.env.TEST_DATABASE_URL, 'pages are checked on the embedded database run');

for (const who of WHO) {
  test(`${who.login}: every page fits 1280×720 and a phone, with no serious accessibility violation`, async ({
    page,
  }, info) => {
    const pages = pagesOf(who.role);
    test.setTimeout(60_000 + pages.length * 30_000);
    expect(pages.length).toBeGreaterThan(1);
    const login = demo(who.login);
    await page.setViewportSize(LAPTOP);
    await signIn(page, who.tab, login.username, login.password);
    const problems: string[] = [];
    for (const size of [LAPTOP, PHONE]) {
      await page.setViewportSize(size);
      for (const entry of pages) {
        await test.step(`${entry.label} at ${size.width}`, async () => {
          await page.goto(entry.path);
          await settled(page);
          const at = `${entry.label} (${entry.path}) at ${size.width}`;
          for (const o of await overflow(page, size === LAPTOP)) problems.push(`${at}: ${o}`);
          for (const v of await seriousViolations(page)) problems.push(`${at}: ${v}`);
          await shoot(page, info, `${who.name}-${entry.key}-${size.width}.png`);
        });
      }
    }
    expect(problems).toEqual([]);
  });
}

/** Fit, axe and a screenshot of the page at `path` at both sizes, and its 帮助 in the banner. */
async function checkOutside(page: Page, info: TestInfo, problems: string[], name: string, path: string, help: string) {
  for (const size of [LAPTOP, PHONE]) {
    await test.step(`${name} at ${size.width}`, async () => {
      await page.setViewportSize(size);
      await page.goto(path);
      await settled(page);
      await expect(page.getByRole('banner').getByRole('link', { name: help })).toBeVisible();
      const at = `${name} (${path}) at ${size.width}`;
      for (const o of await overflow(page, size === LAPTOP)) problems.push(`${at}: ${o}`);
      for (const v of await seriousViolations(page)) problems.push(`${at}: ${v}`);
      await shoot(page, info, `outside-${name}-${size.width}.png`);
    });
  }
}

test('the pages outside the centre’s frame fit 1280×720 and a phone, with 帮助 and no serious accessibility violation', async ({
  page,
  browser,
}, info) => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  const notices = (await (await page.request.get('/api/public/notices?page=1&pageSize=1')).json()) as {
    items: Array<{ id: number }>;
  };
  const checks = (await (await page.request.get('/api/public/spot-checks')).json()) as Array<{ id: number }>;
  expect(notices.items.length).toBeGreaterThan(0);
  expect(checks.length).toBeGreaterThan(0);
  const anonymous: Array<[string, string, string]> = [
    ['login', '/login', '帮助：用户登录'],
    ['register', '/register', '帮助：用户注册'],
    ['wechat-callback', '/wechat/callback?code=abc&state=0123456789abcdef0123456789abcdef', '帮助：扫码登录'],
    ['wechat-bind', '/wechat/bind', '帮助：绑定微信'],
    ['notice', `/notices/${notices.items[0]!.id}`, '帮助：通知公告'],
    ['spot-checks', '/public/spot-checks', '帮助：抽查结果公开'],
    ['spot-check', `/public/spot-checks/${checks[0]!.id}`, '帮助：抽查结果公开'],
    ['filings', '/public/filings', '帮助：培训项目公示'],
    ['verify', '/verify/AAAAAAAAAAAAAAAAAAAA', '帮助：证书真伪验证'],
    ['not-found', '/no-such-page', '帮助：页面不存在或出错'],
  ];
  for (const [name, path, help] of anonymous) await checkOutside(page, info, problems, name, path, help);

  // The first-login steps, as a new 二级管理员 on the initial password (no e-mail yet) sees them.
  const idNumber = await newDepartmentAdmin(browser, { name: '陆晓燕', phone: '13977150456', born: 1991 });
  await page.setViewportSize(LAPTOP);
  await firstAdminLogin(page, idNumber);
  await checkOutside(page, info, problems, 'setup-password', '/setup/password', '帮助：修改初始密码');
  await page.setViewportSize(LAPTOP);
  await page.getByLabel('原密码').fill(idNumber.slice(-6));
  await page.getByLabel('新密码', { exact: true }).fill('Helpdesk2026');
  await page.getByLabel('确认新密码').fill('Helpdesk2026');
  await page.getByRole('button', { name: '修改密码并继续' }).click();
  await expect(page).toHaveURL(/\/setup\/profile/);
  await checkOutside(page, info, problems, 'setup-profile', '/setup/profile', '帮助：完善个人信息');

  expect(problems).toEqual([]);
});
