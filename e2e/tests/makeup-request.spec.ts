// 补考申请 online: the demo professional who failed every attempt of this year's compulsory exam applies
// for a makeup on 考试列表 (reason, phone from 我的信息); the help desk (operator) grants it in its 补考申请
// queue; the professional reads the outcome on 用户管理中心, learns the course again in the new round
// (through the study API, the server's test clock standing in for the hours of reading — the learning
// journey covers the chapter pages themselves) and starts a fourth attempt: the exam page opens with
// its questions.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { listItem } from './menu';
import { demo, signIn, signInAsOperator } from './demo';

const YEAR = Number(
  new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);

/** The server's clock, frozen at the real time and moved by hand. */
class ServerClock {
  private at = Date.now();
  constructor(private readonly request: APIRequestContext) {}
  async set() {
    const res = await this.request.post('/api/test/clock', {
      data: { at: new Date(this.at).toISOString(), freeze: true },
    });
    expect(res.ok()).toBe(true);
  }
  async advance(ms: number) {
    this.at += ms;
    await this.set();
  }
  async reset() {
    await this.request.post('/api/test/clock', { data: { at: null } });
  }
}

/** Studies every chapter of the year's compulsory course in the current round, a minute per heartbeat. */
async function studyCompulsory(request: APIRequestContext, clock: ServerClock) {
  const me = await (await request.get('/api/me')).json();
  const headers = { 'x-csrf-token': me.csrfToken as string };
  const overview = await (await request.get(`/api/learning/years/${YEAR}`)).json();
  expect(overview).toMatchObject({ roundKind: 'makeup', compulsory: { completed: false } });
  const course = await (await request.get(`/api/learning/years/${YEAR}/courses/${overview.compulsory.id}`)).json();
  const tabId = `e2e-makeup-${Date.now()}`;
  for (const ch of course.chapters as Array<{ id: number; requiredSeconds: number }>) {
    const open = await request.post(`/api/learning/years/${YEAR}/chapters/${ch.id}/open`, {
      headers,
      data: { tabId },
    });
    expect(open.ok(), await open.text()).toBe(true);
    for (let done = false; !done;) {
      await clock.advance(60_000);
      const beat = await request.post('/api/learning/heartbeat', { headers, data: { tabId, chapterId: ch.id } });
      expect(beat.ok(), await beat.text()).toBe(true);
      done = (await beat.json()).completed;
    }
  }
}

test('a professional applies for a makeup online, the help desk grants it, a fourth attempt starts', async ({
  page,
  browser,
}) => {
  test.setTimeout(600_000);
  const person = demo('专业技术人员（三次未通过');
  const clock = new ServerClock(page.request);
  try {
    // 考试列表: every attempt used; the application form, the phone filled in from 我的信息.
    await signIn(page, '专业技术人员', person.username, person.password);
    await page.goto('/learning?tab=exams');
    await expect(page.getByRole('heading', { name: '申请补考' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('剩余考试机会')).toBeVisible();
    await expect(page.getByLabel('联系电话')).toHaveValue(/^1[3-9]\d{9}$/);
    await page.getByRole('button', { name: '提交补考申请' }).click();
    await expect(page.getByText('请填写申请原因（不少于4个字）')).toBeVisible();
    await page.getByLabel('申请原因').fill('前三次考试均未通过，工作繁忙复习不充分，申请补学补考');
    await page.getByRole('button', { name: '提交补考申请' }).click();
    await expect(page.getByText('补考申请已提交，等待客服处理')).toBeVisible();
    await expect(page.getByRole('heading', { name: '申请补考' })).toHaveCount(0);
    await page.goto('/');
    await expect(page.getByText(new RegExp(`您的${YEAR}年度补考申请已提交`))).toBeVisible({ timeout: 30_000 });

    // The help desk: 补考申请, 待处理 → 同意.
    const desk = await browser.newContext();
    const op = await desk.newPage();
    await signInAsOperator(op);
    await op.getByRole('link', { name: '补考申请' }).first().click();
    await expect(op.getByRole('heading', { level: 1, name: '补考申请' })).toBeVisible({ timeout: 30_000 });
    await op.goto('/exams/makeup-requests?status=pending');
    const row = listItem(op, new RegExp(person.name));
    await expect(row).toContainText('前三次考试均未通过', { timeout: 30_000 });
    await expect(row).toContainText('第3次');
    await expect(row).toContainText('待处理');
    await row.getByRole('button', { name: `同意 ${person.name}` }).click();
    await op.getByRole('button', { name: '同意并开通' }).click();
    await expect(op.getByText('已同意，补学补考已开通')).toBeVisible();
    await op.goto('/exams/makeup-requests?status=granted');
    await expect(listItem(op, new RegExp(person.name))).toContainText('已同意');
    await desk.close();

    // The person is told on 用户管理中心, learns again and starts a fourth attempt.
    await page.goto('/');
    await expect(page.getByText(new RegExp(`您的${YEAR}年度补考申请已同意`))).toBeVisible({ timeout: 30_000 });
    await clock.set();
    await studyCompulsory(page.request, clock);
    await page.goto('/learning?tab=exams');
    await expect(page.getByText(/补考申请已同意/)).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: '开始考试' }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`${YEAR}年度公需科目考试`) })).toBeVisible();
    await expect(page.getByRole('radio').first()).toBeVisible();
    const attempt = await (await page.request.get(`/api/exams/years/${YEAR}`)).json();
    expect(attempt).toMatchObject({ roundNo: 2, roundKind: 'makeup', attemptsUsed: 1 });
    expect(attempt.attempts).toHaveLength(4);
  } finally {
    await clock.reset();
  }
});
