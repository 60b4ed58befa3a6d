// 课程管理: the training centre opens an elective of this year's plan, adds a text chapter and a PDF
// chapter, is refused when it uploads a text file as the PDF (the server's own reason), then uploads a
// real PDF and sees the chapter marked uploaded. An elective, so the journeys that study this year's
// compulsory course are not affected by the new chapters.
import { expect, test, type Page } from '@playwright/test';
import { demo, signInAsOperator } from './demo';

const YEAR = Number(
  new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);
const COURSE = '安全生产法律法规与风险防控';

interface AdminCourse {
  id: number;
  title: string;
  chapterCount: number;
  chaptersWithoutFile: number;
}

/** A one-page PDF with a correct cross-reference table, as a PDF reader expects it. */
function minimalPdf(): Buffer {
  const text = 'BT /F1 18 Tf 72 760 Td (Course chapter handout) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

async function courseOf(page: Page): Promise<AdminCourse> {
  const res = await page.request.get('/api/learning/admin/courses');
  expect(res.status()).toBe(200);
  const course = ((await res.json()) as AdminCourse[]).find((c) => c.title === COURSE);
  expect(course).toBeTruthy();
  return course!;
}

/** 新增章节 through the dialog. */
async function addChapter(page: Page, v: { title: string; kind: '图文' | 'PDF'; minutes: number; body?: string }) {
  await page.getByRole('button', { name: '新增章节' }).click();
  const dialog = page.getByRole('dialog', { name: `新增章节 ·《${COURSE}》` });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('章节标题').fill(v.title);
  // antd's button-style radios keep the input itself invisible: the label is what one clicks.
  await dialog
    .locator('label')
    .filter({ hasText: new RegExp(`^${v.kind}$`) })
    .click();
  await expect(dialog.getByRole('radio', { name: v.kind })).toBeChecked();
  await dialog.getByLabel('学习时长（分钟）').fill(String(v.minutes));
  if (v.body !== undefined) await dialog.getByLabel('章节正文').fill(v.body);
  const created = page.waitForResponse((r) => r.url().endsWith('/chapters') && r.request().method() === 'POST');
  await dialog.getByRole('button', { name: '保存' }).click();
  expect((await created).status()).toBe(201);
  await expect(dialog).toBeHidden();
}

test('课程管理: the operator adds a text chapter and a PDF chapter to an elective and uploads the PDF', async ({
  page,
}) => {
  await signInAsOperator(page);
  await page
    .getByRole('navigation', { name: '功能菜单' })
    .getByRole('menuitem', { name: '课程管理', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '课程管理' })).toBeVisible();

  // The course list: this year's elective with its plan year, kind and chapters.
  const before = await courseOf(page);
  const courseRow = page.getByRole('row').filter({ hasText: COURSE });
  await expect(courseRow.getByText(`${YEAR}年 选修课`)).toBeVisible();
  await expect(courseRow.getByText(`${before.chapterCount}章`, { exact: true })).toBeVisible();
  await courseRow.getByRole('button', { name: `《${COURSE}》` }).click();
  const heading = page.getByRole('heading', { level: 2, name: `《${COURSE}》章节` });
  await expect(heading).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`course=${before.id}`));

  // A text chapter: listed last, with its minutes and the length of its body.
  const stamp = Date.now().toString(36);
  const textTitle = `第${before.chapterCount + 1}章 应急预案演练要点${stamp}`;
  const body = '应急预案须定期演练。\n\n## 演练的组织\n- 制定方案\n- 总结评估';
  await addChapter(page, { title: textTitle, kind: '图文', minutes: 25, body });
  const textRow = page.getByRole('row').filter({ hasText: textTitle });
  await expect(textRow.getByRole('cell').first()).toHaveText(`第${before.chapterCount + 1}章`);
  await expect(textRow.getByText('25分钟')).toBeVisible();
  await expect(textRow.getByText(`正文 ${[...body].length} 字`)).toBeVisible();
  await expect(courseRow.getByText(`${before.chapterCount + 1}章`, { exact: true })).toBeVisible();

  // A PDF chapter: missing its file until the upload.
  const pdfTitle = `第${before.chapterCount + 2}章 安全生产责任清单${stamp}`;
  await addChapter(page, { title: pdfTitle, kind: 'PDF', minutes: 15 });
  const pdfRow = page.getByRole('row').filter({ hasText: pdfTitle });
  await expect(pdfRow.getByText('15分钟')).toBeVisible();
  await expect(pdfRow.getByText('未上传')).toBeVisible();
  await expect(courseRow.getByText('1章待上传')).toBeVisible();

  // A text file is refused by the server, with its own reason under the chapter.
  let chooser = page.waitForEvent('filechooser');
  await pdfRow.getByRole('button', { name: /^上传PDF/ }).click();
  let answered = page.waitForResponse((r) => r.url().includes('/file?fileName=') && r.request().method() === 'PUT');
  await (
    await chooser
  ).setFiles({ name: '责任清单.txt', mimeType: 'text/plain', buffer: Buffer.from('这是一个文本文件，不是PDF。') });
  expect((await answered).status()).toBe(415);
  await expect(pdfRow.getByText('责任清单.txt：请上传PDF文件')).toBeVisible();
  await expect(pdfRow.getByText('未上传')).toBeVisible();

  // A real PDF is stored: the chapter is marked uploaded, with the file's name and size.
  const pdf = minimalPdf();
  chooser = page.waitForEvent('filechooser');
  await pdfRow.getByRole('button', { name: /^上传PDF/ }).click();
  answered = page.waitForResponse((r) => r.url().includes('/file?fileName=') && r.request().method() === 'PUT');
  await (await chooser).setFiles({ name: '安全生产责任清单.pdf', mimeType: 'application/pdf', buffer: pdf });
  expect((await answered).status()).toBe(200);
  await expect(pdfRow.getByText('已上传')).toBeVisible();
  await expect(pdfRow.getByText('安全生产责任清单.pdf')).toBeVisible();
  await expect(pdfRow.getByText(`${pdf.length} B`)).toBeVisible();
  await expect(pdfRow.getByText('请上传PDF文件')).toHaveCount(0);
  await expect(pdfRow.getByRole('button', { name: /^重新上传/ })).toBeVisible();
  await expect(courseRow.getByText('章待上传')).toHaveCount(0);

  // The server holds what the page shows.
  const after = await courseOf(page);
  expect(after).toMatchObject({ chapterCount: before.chapterCount + 2, chaptersWithoutFile: 0 });
  const file = await page.request.get(`/api/learning/admin/courses/${before.id}/chapters`);
  const last = (
    (await file.json()) as { chapters: Array<{ title: string; file: { size: number } | null }> }
  ).chapters.at(-1)!;
  expect(last).toMatchObject({ title: pdfTitle, file: { size: pdf.length } });
});

test('相关资料: the operator uploads a material to an elective (a wrong file refused), a professional downloads it, the operator deletes it', async ({
  page,
  browser,
}) => {
  await signInAsOperator(page);
  const course = await courseOf(page);
  await page.goto(`/learning/admin?course=${course.id}`);
  const card = page.locator('.ant-card').filter({ has: page.getByRole('heading', { level: 2, name: '相关资料' }) });
  await expect(card).toBeVisible();
  const stamp = Date.now().toString(36);
  const title = `安全生产检查表${stamp}`;

  // A text file passed off as a PDF is refused with the server's reason.
  await card.getByLabel('资料名称').fill(title);
  let chooser = page.waitForEvent('filechooser');
  await card.getByRole('button', { name: '上传资料' }).click();
  await (
    await chooser
  ).setFiles({ name: '检查表.pdf', mimeType: 'application/pdf', buffer: Buffer.from('这是一个文本文件，不是PDF。') });
  await expect(card.getByText('检查表.pdf：文件内容不是PDF文件，请检查文件后重新上传')).toBeVisible();
  await expect(card.getByText(title)).toHaveCount(0);

  const pdf = minimalPdf();
  chooser = page.waitForEvent('filechooser');
  await card.getByRole('button', { name: '上传资料' }).click();
  const answered = page.waitForResponse((r) => r.url().includes('/materials?') && r.request().method() === 'PUT');
  await (await chooser).setFiles({ name: '检查表.pdf', mimeType: 'application/pdf', buffer: pdf });
  expect((await answered).status()).toBe(201);
  await expect(card.getByText(title)).toBeVisible();
  await expect(card.getByText(`检查表.pdf · ${pdf.length} B`)).toBeVisible();

  // A professional finds it under 相关资料 of the year and downloads the same bytes.
  const learner = await browser.newPage();
  const p = demo('专业技术人员');
  const login = await learner.request.post('/api/auth/login', {
    data: { username: p.username, password: p.password, realm: 'person' },
  });
  expect(login.status(), await login.text()).toBe(200);
  const list = (await (await learner.request.get(`/api/learning/years/${YEAR}/materials`)).json()) as Array<{
    title: string;
    url: string;
  }>;
  const mine = list.find((m) => m.title === title);
  expect(mine).toBeTruthy();
  const got = await learner.request.get(mine!.url);
  expect(got.status()).toBe(200);
  expect(Buffer.compare(await got.body(), pdf)).toBe(0);
  await learner.close();

  // 删除 asks first; then it is gone.
  await card.getByRole('button', { name: `删除 ${title}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await expect(page.getByText(`已删除资料《${title}》`)).toBeVisible();
  await expect(card.getByText(title)).toHaveCount(0);
});
