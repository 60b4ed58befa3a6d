import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetClock, shanghaiYear } from '../../../clock';
import { createTestApp, type TestApp } from '../../../../test/helpers';
import { DEMO_PASSWORD, seedDemoData, type DemoLogin } from './demo-data';

/**
 * The demo, loaded as `npm start` loads it (reference data, shipped courses, then the demo people and
 * their history), checked against its own annual plans: whatever hours a demo person holds, the plan
 * of that year has the courses they come from, and no course of a year reads as another year's.
 */
let t: TestApp;
let logins: DemoLogin[];
beforeAll(async () => {
  resetClock();
  t = await createTestApp();
  logins = await seedDemoData(t.db);
});
afterAll(async () => t.close());

const rows = async <T>(q: ReturnType<typeof sql>) => (await t.db.execute(q)).rows as T[];

describe('the demo against its own plans', () => {
  it('every year and kind of public hours a demo person holds has a plan with a course of that kind', async () => {
    const held = await rows<{ year: number; kind: string; people: number }>(sql`
      SELECT year, kind, count(DISTINCT account_id)::int AS people FROM public_credits GROUP BY year, kind ORDER BY year, kind`);
    const thisYear = shanghaiYear();
    // last year's public hours, compulsory and elective, are what the demo shows as a finished year
    expect(held).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ year: thisYear - 1, kind: 'compulsory' }),
        expect.objectContaining({ year: thisYear - 1, kind: 'elective' }),
      ]),
    );
    const linked = await rows<{ year: number; kind: string; courses: number }>(sql`
      SELECT year, kind, count(*)::int AS courses FROM plan_courses GROUP BY year, kind`);
    const missing = held.filter((h) => !linked.some((l) => l.year === h.year && l.kind === h.kind && l.courses > 0));
    expect(missing, 'public hours without a course of their kind in the year’s plan').toEqual([]);
    // and no more hours of a kind than the year's plan gives for it
    const over = await rows<{ year: number; kind: string }>(sql`
      SELECT c.year, c.kind FROM public_credits c JOIN annual_plans p ON p.year = c.year
       GROUP BY c.year, c.kind, c.account_id, p.compulsory_hours, p.elective_hours
      HAVING sum(c.hours) > CASE c.kind WHEN 'compulsory' THEN p.compulsory_hours ELSE p.elective_hours END`);
    expect(over).toEqual([]);
  });

  it('every professional-hours record of the demo belongs to a year with a plan, within that year', async () => {
    const orphans = await rows<{ id: number }>(sql`
      SELECT r.id FROM hour_records r LEFT JOIN annual_plans p ON p.year = r.year
       WHERE p.year IS NULL OR extract(year FROM r.start_date)::int <> r.year OR extract(year FROM r.end_date)::int <> r.year`);
    expect(orphans).toEqual([]);
    expect((await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM hour_records`))[0]!.n).toBeGreaterThan(100);
  });

  it('its records were registered, submitted and decided on days spread over the year, in office hours, in order', async () => {
    const self = sql`source = 'self' AND created_by = account_id`;
    const disorder = await rows<{ id: number }>(sql`
      SELECT id FROM hour_records
       WHERE ${self} AND ((created_at AT TIME ZONE 'Asia/Shanghai')::date < end_date OR submitted_at < created_at OR decided_at < submitted_at
          OR greatest(created_at, submitted_at, decided_at) > now() + interval '1 minute')`);
    expect(disorder, 'records decided before submitted, submitted before registered, or dated ahead').toEqual([]);
    const [spread] = await rows<{ submitDays: number; decideDays: number; outside: number; total: number }>(sql`
      SELECT count(DISTINCT (submitted_at AT TIME ZONE 'Asia/Shanghai')::date)::int AS "submitDays",
             count(DISTINCT (decided_at AT TIME ZONE 'Asia/Shanghai')::date)::int AS "decideDays",
             count(*) FILTER (WHERE extract(hour FROM decided_at AT TIME ZONE 'Asia/Shanghai') NOT BETWEEN 9 AND 17
                                AND decided_at < now() - interval '1 day')::int AS outside,
             count(*)::int AS total
        FROM hour_records WHERE ${self}`);
    expect(spread!.submitDays).toBeGreaterThan(50);
    expect(spread!.decideDays).toBeGreaterThan(50);
    expect(spread!.outside).toBe(0);
    // Their events carry the same times.
    const events = await rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM hour_records r JOIN hour_record_events e ON e.record_id = r.id
       WHERE r.source = 'self' AND r.created_by = r.account_id
         AND ((e.action = 'submit' AND e.at <> r.submitted_at) OR (e.action IN ('approve', 'reject') AND e.at <> r.decided_at))`);
    expect(events[0]!.n).toBe(0);
  });

  it('every demo person with a mobile can be found by it (its look-up hash is stored)', async () => {
    const unfindable = await rows<{ name: string }>(sql`
      SELECT name FROM accounts WHERE phone IS NOT NULL AND phone_hmac IS NULL`);
    expect(unfindable).toEqual([]);
    expect(
      (await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM accounts WHERE phone_hmac IS NOT NULL`))[0]!.n,
    ).toBeGreaterThan(50);
  });

  it('no text of a course names a plan year other than the one whose plan uses it', async () => {
    const texts = await rows<{ year: number; course: string; text: string }>(sql`
      SELECT pc.year, c.title AS course, t.text
        FROM plan_courses pc
        JOIN courses c ON c.id = pc.course_id
        CROSS JOIN LATERAL (
          SELECT c.title AS text UNION ALL SELECT c.summary
          UNION ALL SELECT ch.title || E'\n' || coalesce(ch.body, '') FROM course_chapters ch WHERE ch.course_id = c.id
          UNION ALL SELECT m.title || E'\n' || coalesce(m.content, '') FROM course_materials m WHERE m.course_id = c.id
          UNION ALL SELECT q.stem || E'\n' || q.options::text || E'\n' || q.explanation FROM questions q WHERE q.course_id = c.id
        ) t`);
    expect(texts.length).toBeGreaterThan(100);
    const wrong: string[] = [];
    for (const { year, course, text } of texts) {
      for (const m of (text ?? '').matchAll(/(\d{4})\s*(?:计划)?年度/g)) {
        if (Number(m[1]) !== year)
          wrong.push(`${year}年度计划《${course}》: …${text.slice(Math.max(0, m.index! - 10), m.index! + 20)}…`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("has a person who failed every attempt of this year's compulsory exam, after completing the course", async () => {
    const year = shanghaiYear();
    const [p] = await rows<{ id: number; attempts: number; failed: number; max: number; completed: number }>(sql`
      SELECT a.id,
             (SELECT count(*)::int FROM exam_attempts e WHERE e.account_id = a.id AND e.plan_year = ${year} AND e.round_no = 1) AS attempts,
             (SELECT count(*)::int FROM exam_attempts e WHERE e.account_id = a.id AND e.plan_year = ${year} AND e.passed = false
                AND e.score < (SELECT pass_score FROM annual_plans WHERE year = ${year})) AS failed,
             (SELECT max_attempts FROM annual_plans WHERE year = ${year}) AS max,
             (SELECT count(*)::int FROM course_completions c WHERE c.account_id = a.id AND c.plan_year = ${year}) AS completed
        FROM accounts a WHERE a.name = '莫海涛'`);
    expect(p).toBeDefined();
    expect(p!.attempts).toBe(p!.max);
    expect(p!.failed).toBe(p!.max);
    expect(p!.completed).toBe(1);
  });
});

describe('the demo logins', () => {
  it('the person listed as 登录失败待解锁 needs the 图形验证码 until the help desk unlocks them', async () => {
    const locked = logins.find((l) => l.role === '专业技术人员（登录失败待解锁）')!;
    const res = await t.client().login(locked.username, DEMO_PASSWORD, 'person', { captcha: false });
    expect(res.json().error.code).toBe('CAPTCHA_REQUIRED');
    expect((await t.client().login(locked.username, DEMO_PASSWORD, 'person', { captcha: true })).statusCode).toBe(200);
  });
});
