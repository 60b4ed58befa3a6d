// Issue 6's journey: the demo professional goes 用户管理中心 → 前往学习 → 学习课程 → 进入学习,
// studies every chapter of this year's compulsory course (the server's test clock and the
// browser's fake timers stand in for five hours of reading), opens 考试列表, takes the exam with
// the keyboard and the mouse, passes, and sees the 15 学时 on the result, on 前往学习 and in
// 学时查询 → 培训总体查询.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { BELT_AND_ROAD_COURSE } from '../../server/src/db/seed/content/index';
import { demo } from './demo';

const YEAR = Number(
  new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);

/** The server's clock, frozen mid-year and moved by hand. */
class ServerClock {
  private at = Date.parse(`${YEAR}-06-15T09:00:00+08:00`);
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

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Studies the open chapter page: each step is a minute of reading — the server clock moves a
 * minute, the page's 30-second heartbeat timer fires — and the server credits that minute (one beat
 * credits at most 60 s, so a chapter of n minutes takes n beats).
 */
async function studyChapter(page: Page, clock: ServerClock, minutes: number) {
  for (let i = 0; i < minutes; i++) {
    await clock.advance(60_000);
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/learning/heartbeat') && r.request().method() === 'POST'),
      page.clock.fastForward(30_000),
    ]);
  }
  await expect(page.getByText(/^本章学习已完成/).first()).toBeVisible();
}

test('a professional studies the compulsory course, passes the exam and sees 15 学时', async ({ page }) => {
  test.setTimeout(420_000); // 295 simulated minutes of reading, one heartbeat each
  const person = demo('专业技术人员');
  const clock = new ServerClock(page.request);
  await page.clock.install();
  await clock.set();
  try {
    await page.goto('/login');
    await page.getByRole('tab', { name: '专业技术人员' }).click();
    await page.getByLabel('用户名').fill(person.username);
    await page.getByLabel('密码').fill(person.password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: '用户管理中心' })).toBeVisible();

    // 用户管理中心 → 前往学习 → 学习课程: the compulsory course, not started yet.
    await page.getByRole('link', { name: /前往学习/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: '前往学习' })).toBeVisible();
    await expect(page.getByRole('tab', { name: '学习课程', selected: true })).toBeVisible();
    const course = page.getByRole('article', { name: BELT_AND_ROAD_COURSE.title });
    await expect(course).toContainText('必修课');
    await course.getByRole('link', { name: '进入学习' }).click();
    await expect(page.getByRole('heading', { level: 1, name: BELT_AND_ROAD_COURSE.title })).toBeVisible();

    // 进入学习: the first chapter, then every next one.
    await page.getByRole('link', { name: `进入学习：${BELT_AND_ROAD_COURSE.chapters[0]!.title}` }).click();
    for (const [i, ch] of BELT_AND_ROAD_COURSE.chapters.entries()) {
      await expect(page.getByRole('heading', { level: 1, name: ch.title })).toBeVisible();
      await expect(page.getByText('计时中（页面可见时计时）')).toBeVisible();
      await studyChapter(page, clock, ch.minutes);
      await expect(page.getByText(`已学 ${ch.minutes}分钟 / 需学 ${ch.minutes}分钟`)).toBeVisible();
      if (i < BELT_AND_ROAD_COURSE.chapters.length - 1) await page.getByRole('link', { name: '下一章' }).click();
    }
    await expect(page.getByText('本章学习已完成，课程全部章节已学完。').first()).toBeVisible();

    // 考试列表: the exam is open now.
    await page.getByRole('link', { name: '考试列表' }).first().click();
    await expect(page.getByRole('tab', { name: '考试列表', selected: true })).toBeVisible();
    await expect(page.getByText('3 / 3 次')).toBeVisible();
    await page.getByRole('button', { name: '开始考试' }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`${YEAR}年度公需科目考试`) })).toBeVisible();
    await expect(page.getByRole('timer')).toHaveText(/^(60:00|59:\d\d)$/);

    const questions = page.locator('fieldset.ptce-question');
    await expect(questions).toHaveCount(45);
    for (let i = 0; i < 45; i++) {
      const q = questions.nth(i);
      const legend = (await q.locator('legend').innerText()).trim();
      const stem = legend.slice(legend.indexOf('】') + 1).trim();
      const seed = BELT_AND_ROAD_COURSE.questions.find((x) => x.stem === stem);
      expect(seed, `question in the seed: ${stem}`).toBeTruthy();
      for (const a of seed!.answer) {
        const text = seed!.options[a]!;
        const role = seed!.type === 'multiple' ? 'checkbox' : 'radio';
        const option = q.getByRole(role, { name: new RegExp(`^([A-P]\\. )?${escape(text)}$`) });
        if (i === 0) {
          // keyboard answering: focus the group's first option and move with the arrow keys
          await q.getByRole('radio').first().focus();
          for (let k = 0; k < 8 && !(await option.isChecked()); k++) await page.keyboard.press('ArrowDown');
        } else {
          await option.check();
        }
        await expect(option).toBeChecked();
      }
    }
    await expect(page.getByText('已答 45/45 题')).toBeVisible();
    await page.getByRole('button', { name: '交卷' }).first().click();
    const confirm = page.getByRole('dialog', { name: '确定交卷吗？' });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: '交卷' }).click();

    // The result: score, pass, 15 学时, and the explanations.
    await expect(page.getByRole('heading', { name: /考试成绩：100分/ })).toBeVisible();
    await expect(page.getByText('合格', { exact: true }).first()).toBeVisible();
    await expect(page.getByText(`恭喜您通过${YEAR}年度公需科目必修课考试，已获得15学时。`)).toBeVisible();
    await expect(page.getByText(/^解析：/).first()).toBeVisible();

    // 前往学习 shows the hours; 考试列表 shows the pass.
    await page.getByRole('link', { name: '返回考试列表' }).click();
    await expect(page.getByText(`${YEAR}年度公需科目必修课考试已通过，已获得15学时`)).toBeVisible();
    await expect(page.getByText('必修课：15学时')).toBeVisible();

    // 学时查询 → 培训总体查询: the public hours of the year.
    await page.goto('/hours/query');
    await expect(page.getByRole('tab', { name: '培训总体查询', selected: true })).toBeVisible();
    const yearRow = page.getByRole('row', { name: new RegExp(`${YEAR}年度`) });
    await expect(yearRow.getByRole('cell').nth(1)).toContainText('15');
  } finally {
    await clock.reset();
  }
});
