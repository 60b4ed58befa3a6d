import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setNow } from '../../clock';
import { buildProfessional, buildUnit } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/helpers';
import { personYearHours } from '../plans/index';
import { refreshStats } from '../stats/index';
import { keptPersonYear, keptPersonYearHours } from './person-years';

const YEAR = 2024;
let t: TestApp;
let people: number[];
beforeAll(async () => {
  setNow('2024-10-15T10:00:00+08:00');
  t = await createTestApp();
  const unit = await buildUnit(t.db, { name: '桂林市人民医院' });
  people = [];
  for (const name of ['莫春燕', '覃国栋', '蒙丽萍'])
    people.push((await buildProfessional(t.db, { unitId: unit.id, name })).id);
});
afterAll(async () => t.close());
beforeEach(() => setNow('2024-10-15T10:00:00+08:00'));

type Figures = Record<number, string>;
const ours = () => sql`SELECT id FROM accounts WHERE id IN (${sql.join(people, sql`, `)})`;

/** Each person's figures for the year as one text; a person without a row has zeros. */
function figures(rows: Array<Record<string, unknown>>): Figures {
  const out: Figures = {};
  for (const id of people) out[id] = '0/0/0/0/0/0';
  for (const r of rows)
    out[Number(r.account_id)] = ['compulsory', 'elective', 'professional', 'pending', 'pending_hours', 'drafts']
      .map((k) => Number(r[k] ?? 0))
      .join('/');
  return out;
}

/** What the records and credits say now. */
const summed = async () =>
  figures((await t.db.execute(sql`${personYearHours({ accounts: ours(), year: YEAR })}`)).rows as never);
/** What 达标情况 reads: the kept rows where they are current, the records where not. */
const kept = async () => {
  const all = figures((await t.db.execute(keptPersonYearHours(ours(), YEAR))).rows as never);
  // The one-person form (the province-wide list's, joined LATERAL to each account) answers the same, every time.
  const one = figures(
    (
      await t.db.execute(sql`
        SELECT accounts.id AS account_id, v.* FROM accounts
        CROSS JOIN LATERAL (${keptPersonYear(sql`accounts.id`, YEAR)}) v
        WHERE accounts.id IN (${sql.join(people, sql`, `)})`)
    ).rows as never,
  );
  expect(one).toEqual(all);
  return all;
};

async function records(account: number, statuses: string[], hours: number) {
  await t.db.execute(sql`
    INSERT INTO hour_records (account_id, year, activity_type, title, organizer, place, start_date, start_half, end_date,
      end_half, hours, remarks, declared_at, status, opinion, source, unit_id, review_target, created_by, created_at, updated_at)
    SELECT ${account}, ${YEAR}, 'training', '临床护理培训', '桂林市卫生健康委员会', '桂林市', make_date(${YEAR}, 5, 6), 'am',
      make_date(${YEAR}, 5, 6), 'pm', ${hours}, '', now(), s,
      CASE WHEN s = 'rejected' THEN '培训内容与专业无关' END, 'self', a.unit_id, 'unit', ${account}, now(), now()
    FROM unnest(${`{${statuses.join(',')}}`}::text[]) AS s, accounts a WHERE a.id = ${account}`);
}

const marks = async () =>
  Number(
    ((await t.db.execute(sql`SELECT count(*) AS n FROM stats_dirty WHERE year = ${YEAR}`)).rows[0] as { n: unknown }).n,
  );

describe('keptPersonYearHours: 达标情况 reads the kept year, and the records of whoever changed since', () => {
  it('equals the sums of the records after every change, before and after the refresh', async () => {
    const [mo, qin, meng] = people as [number, number, number];
    const steps: Array<[string, () => Promise<unknown>]> = [
      ['records of one person', () => records(mo, ['draft', 'pending', 'approved', 'approved'], 8)],
      ['records of another', () => records(qin, ['pending', 'rejected', 'approved'], 12)],
      [
        'approvals',
        () =>
          t.db.execute(
            sql`UPDATE hour_records SET status = 'approved' WHERE status = 'pending' AND account_id = ${mo}`,
          ),
      ],
      [
        'a correction of hours',
        () =>
          t.db.execute(
            sql`UPDATE hour_records SET hours = hours + 4 WHERE account_id = ${qin} AND status = 'approved'`,
          ),
      ],
      ['a merge', () => t.db.execute(sql`UPDATE hour_records SET account_id = ${meng} WHERE account_id = ${qin}`)],
      [
        'public credits',
        () =>
          t.db.execute(sql`
            INSERT INTO public_credits (account_id, year, kind, hours, credited_at, source)
            VALUES (${mo}, ${YEAR}, 'compulsory', 15, now(), 'exam'), (${meng}, ${YEAR}, 'elective', 10, now(), 'course')`),
      ],
      [
        'a record deleted',
        () => t.db.execute(sql`DELETE FROM hour_records WHERE account_id = ${mo} AND status = 'draft'`),
      ],
      ['credits revoked', () => t.db.execute(sql`DELETE FROM public_credits WHERE account_id = ${meng}`)],
    ];
    let refreshed = 0;
    for (const [what, step] of steps) {
      await step();
      expect(await marks(), `${what}: marked`).toBeGreaterThan(0);
      expect(await kept(), `${what}, before the refresh`).toEqual(await summed());
      const out = await refreshStats(t.db, { year: YEAR });
      refreshed += out?.length ?? 0;
      expect(await marks(), `${what}: the refresh took the marks`).toBe(0);
      expect(await kept(), `${what}, after the refresh`).toEqual(await summed());
    }
    expect(refreshed).toBe(steps.length);
    expect(Object.values(await summed()).some((f) => f !== '0/0/0/0/0/0')).toBe(true);
  });

  it('reads the kept row of a person not marked, and the records again once the person is marked', async () => {
    const [mo] = people as [number];
    await refreshStats(t.db, { year: YEAR, full: true });
    const truth = await summed();
    // A kept row changed behind the refresh's back shows: the list really reads the kept rows.
    await t.db.execute(
      sql`UPDATE stats_person_year SET professional = 999 WHERE account_id = ${mo} AND year = ${YEAR}`,
    );
    expect((await kept())[mo]).toMatch(/^\d+\/\d+\/999\//);
    // Any change of the person's hours marks the person: the records are summed again.
    await records(mo, ['draft'], 4);
    expect(await kept()).toEqual(await summed());
    expect((await summed())[mo]).not.toBe(truth[mo]);
  });

  it('sums everyone live for a year the statistics have not computed', async () => {
    await t.db.execute(sql`DELETE FROM stats_refresh WHERE year = ${YEAR}`);
    await t.db.execute(sql`UPDATE stats_person_year SET professional = 999 WHERE year = ${YEAR}`);
    expect(await kept()).toEqual(await summed());
  });
});
