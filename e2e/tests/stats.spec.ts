// 统计分析 in the browser, each authority in its scope: the 南宁市人社局 reads its headline figures (the same as
// the API's for its scope), the map and the table of Nanning's counties, drills down county → unit → people →
// a person's year, and exports the area table to Excel; the 自治区卫健委 sees only its units; the operator the
// province, and its 年度学时达标情况 with the statistics' summary. Nothing scrolls sideways, on a laptop or a phone.
import ExcelJS from 'exceljs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoLogins, signIn } from './demo';
import { listRecords, onPhone, openMenu } from './menu';

// The parts of the API's answers (packages/contracts/src/stats.ts) this journey reads.
interface Counts {
  people: number;
  metRate: number;
  compulsoryRate: number;
  avgProfessional: number;
  pending: number;
  pendingOld: number;
}
interface StatsOverview {
  region: { code: string; name: string; level: string } | null;
  childLevel: 'city' | 'county' | null;
  totals: Counts;
  areas: (Counts & { code: string; name: string })[];
  industries: (Counts & { code: string; name: string })[];
}
interface StatsUnitList {
  total: number;
  items: (Counts & { unitId: number; unitName: string; industryName: string | null })[];
}
interface StatsUnitPeople {
  total: number;
  items: { accountId: number; personName: string; idNumberMasked: string; totalHours: number }[];
}
interface StatsPersonYear {
  totalHours: number;
  met: boolean;
  records: unknown[];
}

const year = Number(
  new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);

function login(username: string) {
  const d = demoLogins();
  const l = d.logins.find((x) => x.username === username);
  if (!l) throw new Error(`no demo login ${username}`);
  return { ...l, password: d.password };
}

async function api<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
}

/** The card whose head reads exactly `title`. */
const card = (page: Page, title: string) =>
  page
    .locator('.ant-card')
    .filter({ has: page.locator('.ant-card-head-title', { hasText: new RegExp(`^${title}$`) }) });

/** A list's records: table rows on a laptop, cards on a phone. */
const rows = (scope: Locator) => listRecords(scope);

/** The first column of a list: its first cells, or on a phone its cards' titles. */
async function firstCells(scope: Locator): Promise<string[]> {
  const cells = onPhone(scope.page()) ? scope.locator('.ptce-list-card-title') : rows(scope).locator('td:first-child');
  return (await cells.allInnerTexts()).map((t) => t.trim());
}

/** A record's cells in the columns' order: on a phone the card's title, then its fields. */
async function cellsOf(record: Locator): Promise<string[]> {
  const cells = onPhone(record.page())
    ? record.locator('.ptce-list-card-title, .ptce-list-card-fields dd')
    : record.locator('td');
  return (await cells.allInnerTexts()).map((t) => t.trim());
}

/** The page's last list (a unit's people, 年度学时达标情况): a table, or on a phone its cards. */
const lastList = (page: Page) =>
  onPhone(page) ? page.locator('.ptce-list-cards').last() : page.locator('.ant-table').last();

/** The number a headline card shows (antd Statistic groups thousands with commas). */
async function headline(page: Page, title: string): Promise<number> {
  const stat = page
    .locator('.ant-statistic')
    .filter({ has: page.locator('.ant-statistic-title', { hasText: new RegExp(`^${title}$`) }) });
  const text = await stat.locator('.ant-statistic-content-value').innerText();
  return Number(text.replace(/,/g, ''));
}

async function noSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(client);
}

test('统计分析: 南宁市人社局 reads its city, drills down to a person and exports; 卫健委 and the operator in scope', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const nnrsj = login('nnrsj');
  await signIn(page, '管理部门', nnrsj.username, nnrsj.password);
  await openMenu(page, null, '统计分析');
  await expect(page).toHaveURL(/\/stats(\?|$)/);
  await expect(page.getByRole('heading', { name: '统计分析' })).toBeVisible();

  // Headline cards: the API's answer for the same caller and year.
  const city = await api<StatsOverview>(page, `/api/stats/overview?year=${year}`);
  expect(city.region?.code).toBe('450100');
  expect(city.childLevel).toBe('county');
  expect(city.totals.people).toBeGreaterThan(0);
  await expect(page.locator('.ant-statistic').first()).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => headline(page, '专业技术人员')).toBe(city.totals.people);
  await expect.poll(() => headline(page, '达标率')).toBe(city.totals.metRate);
  await expect.poll(() => headline(page, '公需必修完成率')).toBe(city.totals.compulsoryRate);
  await expect.poll(() => headline(page, '人均专业科目学时')).toBe(city.totals.avgProfessional);
  await expect.poll(() => headline(page, '待审核记录')).toBe(city.totals.pending);
  await expect.poll(() => headline(page, '待审核超过30天')).toBe(city.totals.pendingOld);

  // The map and the table list Nanning's counties with units, as the API does.
  await expect(card(page, '南宁市达标率地图').getByRole('img', { name: '按达标率着色的地图' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText('地图加载失败，请查看右侧表格')).toHaveCount(0);
  const areas = card(page, '各地区');
  if (!onPhone(page)) await expect(areas.getByRole('columnheader', { name: '县（市、区）' })).toBeVisible();
  expect(city.areas.length).toBeGreaterThan(0);
  for (const a of city.areas) expect(a.code).toMatch(/^4501\d\d$/);
  await expect(rows(areas)).toHaveCount(city.areas.length);
  expect(await firstCells(areas)).toEqual(city.areas.map((a) => a.name));
  await noSidewaysScroll(page);

  // 导出Excel of the area table: a real workbook with the rows on screen.
  const downloading = page.waitForEvent('download');
  await areas.getByRole('button', { name: '导出Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${year}年度各地区学时达标情况.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0]!;
  expect(ws.name).toBe('各地区');
  expect(ws.getRow(1).getCell(1).value).toBe('地区');
  expect(ws.getRow(1).getCell(2).value).toBe('专业技术人员');
  expect(ws.getRow(1).getCell(4).value).toBe('达标率（%）');
  const sheet: [string, number, number][] = [];
  ws.eachRow((row, n) => {
    if (n > 1) sheet.push([String(row.getCell(1).value), Number(row.getCell(2).value), Number(row.getCell(4).value)]);
  });
  const onScreen: [string, number, number][] = [];
  for (const tr of await rows(areas).all()) {
    const cells = await cellsOf(tr);
    onScreen.push([cells[0]!, Number(cells[1]!.replace(/,/g, '')), Number(cells[2]!.replace('%', ''))]);
  }
  expect(sheet).toEqual(onScreen);

  // Drill down: the county with the most people → its units (as the API lists them).
  const county = [...city.areas].sort((a, b) => b.people - a.people)[0]!;
  await areas.getByRole('link', { name: county.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`region=${county.code}`));
  await expect(page.locator('.ant-breadcrumb')).toContainText(county.name);
  const units = await api<StatsUnitList>(
    page,
    `/api/stats/units?year=${year}&region=${county.code}&page=1&pageSize=20`,
  );
  expect(units.total).toBeGreaterThan(0);
  const league = card(page, '单位达标排名（达标率低的在前）');
  await expect(league.getByText(`共 ${units.total} 个单位`)).toBeVisible({ timeout: 30_000 });
  expect(await firstCells(league)).toEqual(units.items.map((u) => u.unitName));
  await expect.poll(() => headline(page, '专业技术人员')).toBe(county.people);

  // → the unit with the most people: its people and their year.
  const unit = [...units.items].sort((a, b) => b.people - a.people)[0]!;
  await league.getByRole('link', { name: unit.unitName, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/stats/units/${unit.unitId}`));
  await expect(page.getByRole('heading', { name: `${unit.unitName}：${year}年度人员学时` })).toBeVisible({
    timeout: 30_000,
  });
  const people = await api<StatsUnitPeople>(
    page,
    `/api/stats/units/${unit.unitId}/people?year=${year}&page=1&pageSize=20`,
  );
  expect(people.total).toBe(unit.people);
  await expect(page.getByText(`共 ${people.total} 人`)).toBeVisible();
  const peopleTable = lastList(page);
  expect(await firstCells(peopleTable)).toEqual(people.items.map((p) => p.personName));
  for (const p of people.items) expect(p.idNumberMasked).toContain('*');
  await noSidewaysScroll(page);

  // → a person's year.
  const person = people.items[0]!;
  await page.getByRole('link', { name: person.personName, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/stats/people/${person.accountId}`));
  await expect(page.getByRole('heading', { name: `${person.personName}：${year}年度学时` })).toBeVisible({
    timeout: 30_000,
  });
  const year1 = await api<StatsPersonYear>(page, `/api/stats/people/${person.accountId}?year=${year}`);
  expect(year1.totalHours).toBe(person.totalHours);
  const facts = page.locator('.ant-descriptions');
  await expect(facts).toContainText(person.idNumberMasked);
  await expect(facts).toContainText(unit.unitName);
  await expect(facts.locator('.ant-descriptions-item').filter({ hasText: '总学时' })).toContainText(
    String(year1.totalHours),
  );
  await expect(facts.locator('.ant-tag')).toHaveText(year1.met ? '达标' : '未达标');
  await expect(rows(page.locator('.ant-card').filter({ hasText: '专业科目学时记录' }))).toHaveCount(
    year1.records.length,
  );
  await expect(page.locator('.ant-breadcrumb').getByRole('link', { name: unit.unitName })).toBeVisible();
  await noSidewaysScroll(page);

  // The operator: the province, by city.
  await page.context().clearCookies();
  const op = login('operator');
  await signIn(page, '管理部门', op.username, op.password);
  await page.goto('/stats');
  const province = await api<StatsOverview>(page, `/api/stats/overview?year=${year}`);
  expect(province.region).toBeNull();
  expect(province.childLevel).toBe('city');
  expect(province.totals.people).toBeGreaterThan(city.totals.people);
  for (const a of province.areas) expect(a.code).toMatch(/^45\d\d00$/);
  expect(province.areas.map((a) => a.code)).toContain('450100');
  await expect(page.locator('.ant-statistic').first()).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => headline(page, '专业技术人员')).toBe(province.totals.people);
  const cities = card(page, '各地区');
  if (!onPhone(page)) await expect(cities.getByRole('columnheader', { name: '地区', exact: true })).toBeVisible();
  expect(await firstCells(cities)).toEqual(province.areas.map((a) => a.name));
  await expect(card(page, '全区达标率地图').getByRole('img', { name: '按达标率着色的地图' })).toBeVisible({
    timeout: 30_000,
  });
  const allUnits = await api<StatsUnitList>(page, `/api/stats/units?year=${year}&page=1&pageSize=200`);
  expect(allUnits.total).toBe(allUnits.items.length);
  await expect(card(page, '单位达标排名（达标率低的在前）').getByText(`共 ${allUnits.total} 个单位`)).toBeVisible();
  await noSidewaysScroll(page);

  // 年度学时达标情况 of the whole province: the people by name, read as they are now; its summary is the statistics'
  // (the same figure as the dashboard's), with the time they were computed.
  await page.goto('/compliance/unit');
  await expect(page.getByRole('heading', { name: '年度学时达标情况' })).toBeVisible();
  await expect(page.getByText(/^数据时间：.*（统计分析每分钟更新；名单为实时）$/)).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => headline(page, '人数')).toBe(province.totals.people);
  const listed = await api<{ items: { personName: string }[] }>(
    page,
    `/api/compliance/unit?year=${year}&page=1&pageSize=20`,
  );
  expect(listed.items.length).toBeGreaterThan(0);
  await expect.poll(() => firstCells(lastList(page))).toEqual(listed.items.map((r) => r.personName));
  await noSidewaysScroll(page);

  // 自治区卫健委: only the units of its industry or under its supervision, as the API says; fewer than the province.
  await page.context().clearCookies();
  const wjw = login('gxwjw');
  await signIn(page, '管理部门', wjw.username, wjw.password);
  await page.goto('/stats');
  const wjwOverview = await api<StatsOverview>(page, `/api/stats/overview?year=${year}`);
  const wjwUnits = await api<StatsUnitList>(page, `/api/stats/units?year=${year}&page=1&pageSize=200`);
  expect(wjwUnits.total).toBe(wjwUnits.items.length);
  expect(wjwUnits.total).toBeGreaterThan(0);
  expect(wjwUnits.total).toBeLessThan(allUnits.total);
  expect(wjwOverview.totals.people).toBeLessThan(province.totals.people);
  const wjwLeague = card(page, '单位达标排名（达标率低的在前）');
  await expect(wjwLeague.getByText(`共 ${wjwUnits.total} 个单位`)).toBeVisible({ timeout: 30_000 });
  expect(await firstCells(wjwLeague)).toEqual(wjwUnits.items.slice(0, 20).map((u) => u.unitName));
  const industryNames = wjwOverview.industries.map((i) => i.name);
  for (const u of wjwUnits.items) expect(industryNames).toContain(u.industryName ?? '未填写行业');
  await expect.poll(() => headline(page, '专业技术人员')).toBe(wjwOverview.totals.people);
  expect(await firstCells(card(page, '各行业'))).toEqual(industryNames);
  // A unit of the province outside its scope is neither listed nor readable by it.
  const outside = allUnits.items.find((u) => !wjwUnits.items.some((w) => w.unitId === u.unitId));
  expect(outside, 'a unit outside the 卫健委 scope').toBeDefined();
  const refused = await page.request.get(`/api/stats/units/${outside!.unitId}/people?year=${year}`);
  expect(refused.status()).toBe(404);
  await noSidewaysScroll(page);
});
