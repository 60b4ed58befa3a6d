// 题库管理: the training centre keeps the compulsory course's question bank — adds a single-choice
// question, corrects its stem, disables it — and a choice question without its right answer is
// refused in the browser before anything is sent.
import { expect, test, type Page } from '@playwright/test';
import { signInAsOperator } from './demo';

interface BankCourse {
  id: number;
  title: string;
  kind: 'compulsory' | 'elective';
  years: number[];
  questionCount: number;
  enabledCount: number;
}
interface Question {
  id: number;
  stem: string;
  type: string;
  options: string[];
  answer: number[];
  explanation: string;
  enabled: boolean;
}

/** The compulsory course of the latest plan year, as the bank API lists it. */
async function compulsoryCourse(page: Page): Promise<BankCourse> {
  const res = await page.request.get('/api/exams/admin/courses');
  expect(res.status()).toBe(200);
  const courses = ((await res.json()) as BankCourse[]).filter((c) => c.kind === 'compulsory' && c.years.length > 0);
  courses.sort((a, b) => Math.max(...b.years) - Math.max(...a.years));
  expect(courses.length).toBeGreaterThan(0);
  return courses[0]!;
}

async function bankOf(page: Page, courseId: number): Promise<Question[]> {
  const res = await page.request.get(`/api/exams/admin/courses/${courseId}/questions`);
  expect(res.status()).toBe(200);
  return (await res.json()) as Question[];
}

/** 题库管理 from the menu, then the course chosen in its picker. */
async function openBank(page: Page, course: BankCourse) {
  await page
    .getByRole('navigation', { name: '功能菜单' })
    .getByRole('menuitem', { name: '题库管理', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '题库管理' })).toBeVisible();
  const picker = page.getByLabel('课程', { exact: true });
  await picker.click();
  await picker.fill(course.title.slice(0, 6));
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: course.title })
    .first()
    .click();
  await expect(page.getByText(`《${course.title}》试题`)).toBeVisible();
  // The picker states the course's facts as the API gives them.
  await expect(
    page.getByText(new RegExp(`必修课 · 试题 ${course.questionCount}（启用 ${course.enabledCount}）`)).first(),
  ).toBeVisible();
}

test('the operator adds a single-choice question, corrects its stem and disables it', async ({ page }) => {
  await signInAsOperator(page);
  const course = await compulsoryCourse(page);
  const before = await bankOf(page, course.id);
  await openBank(page, course);

  const suffix = String(Date.now()).slice(-6);
  const stem = `共建“一带一路”倡议是哪一年提出的？（${suffix}）`;
  const fixed = `共建“一带一路”倡议是在哪一年首次提出的？（${suffix}）`;

  // 新增试题, all from the keyboard: the dialog opens on 题干, Tab walks the options, Enter saves.
  await page.getByRole('button', { name: '新增试题' }).click();
  const dialog = page.getByRole('dialog', { name: '新增试题' });
  await expect(dialog.getByLabel('题干')).toBeFocused();
  await expect(dialog.getByRole('radio', { name: '单选题' })).toBeChecked();
  await page.keyboard.type(stem);
  for (const [letter, text] of [
    ['A', '2012年'],
    ['B', '2013年'],
    ['C', '2015年'],
    ['D', '2017年'],
  ] as const) {
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('textbox', { name: `选项${letter}`, exact: true })).toBeFocused();
    await page.keyboard.type(text);
    await page.keyboard.press('Tab'); // the option's 删除 button
  }
  await dialog.getByRole('radiogroup', { name: '正确答案' }).getByRole('radio', { name: /^B/ }).check();
  await dialog.getByLabel('解析').fill('2013年秋，习近平主席先后提出共建丝绸之路经济带和21世纪海上丝绸之路。');
  const created = page.waitForResponse(
    (r) => r.url().endsWith(`/api/exams/admin/courses/${course.id}/questions`) && r.request().method() === 'POST',
  );
  await dialog.getByRole('textbox', { name: '选项D', exact: true }).press('Enter');
  expect((await created).status()).toBe(201);
  await expect(dialog).toBeHidden();

  // In the list: 单选题, its options, B as the answer, 启用 — and in the bank the server keeps.
  const row = page.getByRole('row', { name: new RegExp(suffix) });
  await expect(row).toBeVisible();
  await expect(row).toContainText('单选题');
  await expect(row).toContainText('A. 2012年');
  await expect(row).toContainText('B. 2013年');
  await expect(row.getByRole('cell', { name: 'B', exact: true })).toBeVisible();
  await expect(row).toContainText('启用');
  const afterAdd = await bankOf(page, course.id);
  expect(afterAdd).toHaveLength(before.length + 1);
  const added = afterAdd.find((q) => q.stem === stem);
  expect(added).toMatchObject({
    type: 'single',
    options: ['2012年', '2013年', '2015年', '2017年'],
    answer: [1],
    enabled: true,
  });
  const no = afterAdd.indexOf(added!) + 1;
  await expect(
    page.getByText(new RegExp(`试题 ${course.questionCount + 1}（启用 ${course.enabledCount + 1}）`)).first(),
  ).toBeVisible();

  // 修改 its stem: only the stem travels, the options and the answer stay.
  await row.getByRole('button', { name: `修改 第${no}题` }).click();
  const edit = page.getByRole('dialog', { name: `修改第${no}题` });
  await expect(edit.getByLabel('题干')).toHaveValue(stem);
  await expect(edit.getByRole('radiogroup', { name: '正确答案' }).getByRole('radio', { name: /^B/ })).toBeChecked();
  await edit.getByLabel('题干').fill(fixed);
  const patched = page.waitForResponse(
    (r) => r.url().endsWith(`/api/exams/admin/questions/${added!.id}`) && r.request().method() === 'PATCH',
  );
  await edit.getByRole('button', { name: '保存' }).click();
  const patch = await patched;
  expect(patch.status()).toBe(200);
  expect(patch.request().postDataJSON()).toEqual({ stem: fixed });
  await expect(edit).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(suffix) })).toContainText(fixed);
  expect((await bankOf(page, course.id)).find((q) => q.id === added!.id)).toMatchObject({
    stem: fixed,
    answer: [1],
    enabled: true,
  });

  // 停用, after a confirmation; the row turns to 停用 and offers 启用.
  await row.getByRole('button', { name: `停用 第${no}题` }).click();
  const ask = page.getByRole('dialog', { name: `停用第${no}题？` });
  await expect(ask).toContainText('不再抽入新的试卷');
  await ask.getByRole('button', { name: '停用' }).click();
  await expect(ask).toBeHidden();
  await expect(row.getByRole('button', { name: `启用 第${no}题` })).toBeVisible();
  await expect(row.locator('.ant-tag', { hasText: '停用' })).toBeVisible();
  expect((await bankOf(page, course.id)).find((q) => q.id === added!.id)?.enabled).toBe(false);

  // The 状态 filter finds it among the disabled ones, and the stem search finds it by its words.
  await page.getByLabel('状态', { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('停用', { exact: true }).click();
  await page.getByLabel('搜索题干').fill(`首次提出的？（${suffix}`);
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(1);
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toContainText(fixed);
});

test('a choice question without its right answer is refused with the reason, and nothing is sent', async ({ page }) => {
  await signInAsOperator(page);
  const course = await compulsoryCourse(page);
  const before = await bankOf(page, course.id);
  await openBank(page, course);

  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() !== 'GET' && r.url().includes('/api/exams/admin/')) posts.push(`${r.method()} ${r.url()}`);
  });

  await page.getByRole('button', { name: '新增试题' }).click();
  const dialog = page.getByRole('dialog', { name: '新增试题' });
  // 题型 is a row of buttons; a click on one picks it.
  await dialog.locator('label', { hasText: '多选题' }).click();
  await expect(dialog.getByRole('radio', { name: '多选题' })).toBeChecked();
  await dialog.getByLabel('题干').fill('下列哪些属于“五通”的内容？');
  await dialog.getByRole('textbox', { name: '选项A', exact: true }).fill('政策沟通');
  await dialog.getByRole('textbox', { name: '选项B', exact: true }).fill('设施联通');
  await dialog.getByRole('textbox', { name: '选项C', exact: true }).fill('贸易畅通');
  await dialog.getByRole('textbox', { name: '选项D', exact: true }).fill('人员互通');
  await dialog.getByRole('button', { name: '保存' }).click();

  await expect(dialog.getByText('请选择正确答案', { exact: true })).toBeVisible();
  await expect(dialog).toBeVisible();
  // One right answer is still not enough for a 多选题.
  await dialog.getByRole('group', { name: '正确答案' }).getByRole('checkbox', { name: /^A/ }).check();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('多选题至少两个正确答案', { exact: true })).toBeVisible();

  expect(posts).toEqual([]);
  expect(await bankOf(page, course.id)).toHaveLength(before.length);
});

test('题库管理 fits a phone: nothing wider than the screen, every row keeps its actions in reach, the dialog inside it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await signInAsOperator(page);
  const course = await compulsoryCourse(page);
  await page.goto(`/exams/bank?course=${course.id}`);
  await expect(page.getByRole('heading', { level: 1, name: '题库管理' })).toBeVisible();
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').first()).toBeVisible();
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  // Every row keeps its actions in reach: the action column sits within the screen's width.
  const edit = await page.getByRole('button', { name: '修改 第1题', exact: true }).boundingBox();
  expect(edit).not.toBeNull();
  expect(edit!.x + edit!.width).toBeLessThanOrEqual(375);

  await page.getByRole('button', { name: '新增试题' }).click();
  const box = await page.getByRole('dialog', { name: '新增试题' }).boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(375);
});
