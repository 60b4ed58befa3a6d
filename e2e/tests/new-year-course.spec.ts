// 课程与题库 for a new year: the operator makes next year's plan (a draft copied from this year), creates
// next year's compulsory course with a text chapter, imports its question bank from a real .xlsx (as many
// questions of each type as the plan's paper needs), publishes it into the year's plan and publishes the
// plan; with the server's test clock at Jan 2 of that year a demo professional sees the course and opens
// its chapter.
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { openMenu } from './menu';
import { demo, signIn, signInAsOperator, signOut } from './demo';

const N =
  Number(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())) + 1;

interface Paper {
  single: { count: number };
  multiple: { count: number };
  judge: { count: number };
}

/** The template's columns, one question a row: as many of each type as the paper draws. */
async function questionWorkbook(paper: Paper, stamp: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('试题');
  ws.addRow(['题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案', '解析']);
  for (let i = 1; i <= paper.single.count; i++)
    ws.addRow([
      '单选',
      `${stamp}单选题${i}：数字经济的关键生产要素是什么？`,
      '数据',
      '土地',
      '矿产',
      '劳动',
      '',
      '',
      'A',
      '',
    ]);
  for (let i = 1; i <= paper.multiple.count; i++)
    ws.addRow([
      '多选',
      `${stamp}多选题${i}：数字基础设施包括哪些？`,
      '5G网络',
      '数据中心',
      '工业互联网',
      '传统集市',
      '',
      '',
      'ABC',
      '',
    ]);
  for (let i = 1; i <= paper.judge.count; i++)
    ws.addRow(['判断', `${stamp}判断题${i}：专业技术人员应主动提升数字素养。`, '', '', '', '', '', '', '正确', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test.afterEach(async ({ request }) => {
  await request.post('/api/test/clock', { data: { at: null } });
});

test('next year’s compulsory course: 新增课程 → 图文章节 → 导入题库 → 发布 into the plan → learnt on Jan 2', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  await request.post('/api/test/clock', { data: { at: null } });
  const stamp = Date.now().toString(36);
  const title = `数字经济与高质量发展（${stamp}）`;

  // 年度计划管理: next year's plan as a draft copied from this year, unless it is there already.
  await signInAsOperator(page);
  const plans = (await (await page.request.get('/api/plans')).json()) as Array<{ year: number; examConfig: Paper }>;
  if (!plans.some((p) => p.year === N)) {
    await openMenu(page, null, '年度计划管理');
    await page.getByLabel('新建年度').fill(String(N));
    await page.getByRole('button', { name: '复制上一年度计划' }).click();
    await expect(page.getByText(`已复制生成${N}年度计划草稿`)).toBeVisible();
  }
  const plan = (await (await page.request.get(`/api/plans/${N}`)).json()) as { status: string; examConfig: Paper };

  // 课程管理 → 新增课程: a compulsory course of year N, a draft.
  await openMenu(page, null, '课程管理');
  await page.getByRole('button', { name: '新增课程' }).click();
  const create = page.getByRole('dialog', { name: '新增课程' });
  await create.getByLabel('年度').fill(String(N));
  await expect(create.getByText(`按${N}年度计划`)).toBeVisible();
  await create.getByLabel('课程名称').fill(title);
  await create.getByLabel('主讲人').fill('广西专业技术人员继续教育公需科目课程组');
  await create.getByLabel('课程简介').fill('公需科目必修课：数字经济的内涵、数字基础设施与专业技术人员的数字素养。');
  await create.getByRole('button', { name: '保存' }).click();
  await expect(create).toBeHidden();
  // Saved as a draft: its row says so (checked rather than the 3-second toast, which a loaded machine can miss).
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row.getByText('草稿')).toBeVisible({ timeout: 30_000 });
  // Its id from the operator's course list. (In CI under load the course was once saved with its 课程简介 appended to
  // its title: the dialog moved the cursor to 课程名称 when its opening animation ended — dialog-focus.spec.)
  const courses = (await (await page.request.get('/api/learning/admin/courses')).json()) as Array<{
    id: number;
    title: string;
  }>;
  const found = courses.find((c) => c.title === title);
  expect(found, `“${title}” in /api/learning/admin/courses: ${courses.map((c) => c.title).join('; ')}`).toBeDefined();
  const courseId = found!.id;

  // A text chapter.
  await page.getByRole('button', { name: '新增章节' }).click();
  const chapter = page.getByRole('dialog', { name: `新增章节 ·《${title}》` });
  await chapter.getByLabel('章节标题').fill('第一章 数字经济概论');
  await chapter
    .locator('label')
    .filter({ hasText: /^图文$/ })
    .click();
  await chapter.getByLabel('学习时长（分钟）').fill('30');
  await chapter.getByLabel('章节正文').fill('## 学习目标\n\n了解数字经济的内涵与特征。\n\n- 数据是关键生产要素');
  await chapter.getByRole('button', { name: '保存' }).click();
  await expect(chapter).toBeHidden();

  // 发布 before the bank is filled: refused with the paper's size.
  await row.getByRole('button', { name: `发布 ${title}` }).click();
  let publish = page.getByRole('dialog', { name: `发布《${title}》` });
  await publish.getByRole('button', { name: '保存' }).click();
  await expect(publish.getByText(/题库题量不足/)).toBeVisible();
  await publish.getByRole('button', { name: '取消' }).click();

  // 题库管理 → 导入题库 from a real .xlsx.
  await openMenu(page, null, '题库管理');
  const picker = page.getByLabel('课程', { exact: true });
  await picker.click();
  await picker.fill(stamp);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: title }).first().click();
  await expect(page.getByText(`《${title}》试题`)).toBeVisible();
  await page.getByRole('button', { name: '导入题库' }).click();
  const importCard = page
    .locator('.ant-card')
    .filter({ hasText: `导入题库：${title}` })
    .first();
  await importCard.locator('input[type=file]').setInputFiles({
    name: `${N}年度必修课题库.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await questionWorkbook(plan.examConfig, stamp),
  });
  await importCard.getByRole('button', { name: '开始导入' }).click();
  const total = plan.examConfig.single.count + plan.examConfig.multiple.count + plan.examConfig.judge.count;
  await expect(importCard.getByText(`共${total}行，全部导入成功`)).toBeVisible({ timeout: 60_000 });

  // 发布, into next year's plan as its compulsory course.
  await openMenu(page, null, '课程管理');
  await row.getByRole('button', { name: `发布 ${title}` }).click();
  publish = page.getByRole('dialog', { name: `发布《${title}》` });
  await expect(publish.getByRole('checkbox', { name: new RegExp(`加入${N}年度计划`) })).toBeChecked();
  await publish.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已发布《${title}》，已列入${N}年度计划`)).toBeVisible();
  await expect(row.getByText('已发布')).toBeVisible();
  await expect(row.getByText(`${N}年 必修课`)).toBeVisible();

  const inPlan = (await (await page.request.get(`/api/plans/${N}`)).json()) as {
    courses: Array<{ id: number; kind: string }>;
  };
  expect(inPlan.courses).toContainEqual(expect.objectContaining({ id: courseId, kind: 'compulsory' }));

  // 年度计划管理: the plan lists it; a draft plan is published.
  if (plan.status !== 'published') {
    await openMenu(page, null, '年度计划管理');
    await page
      .getByRole('row', { name: new RegExp(`^${N}年`) })
      .getByRole('button', { name: `查看和修改${N}年度计划` })
      .click();
    const editor = page.locator('.ant-card').filter({ has: page.getByText(`${N}年度计划`, { exact: true }) });
    await editor.getByRole('button', { name: '发布', exact: true }).click();
    await page
      .getByRole('dialog', { name: `确定发布${N}年度计划吗？` })
      .getByRole('button', { name: '发布' })
      .click();
    await expect(page.getByText(`${N}年度计划已发布`)).toBeVisible();
  }
  await signOut(page);

  // Jan 2 of year N: a demo professional sees the course and opens its chapter.
  const jan2 = `${N}-01-02T09:00:00+08:00`;
  expect(
    (await request.post('/api/test/clock', { data: { at: new Date(jan2).toISOString(), freeze: false } })).ok(),
  ).toBe(true);
  await page.clock.setFixedTime(new Date(jan2));
  const person = demo('专业技术人员');
  await signIn(page, '专业技术人员', person.username, person.password);
  await page.goto(`/learning?year=${N}`);
  await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
  await page.locator(`[aria-describedby="course-${courseId}-title"]`).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('link', { name: '进入学习：第一章 数字经济概论' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '第一章 数字经济概论' })).toBeVisible();
  await expect(page.getByText('了解数字经济的内涵与特征。')).toBeVisible();
});
