import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProfessional, buildUnit } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/helpers';
import { personYearHours } from './index';

let t: TestApp;
let people: number[];
beforeAll(async () => {
  t = await createTestApp();
  const unit = await buildUnit(t.db, { name: '桂林市人民医院' });
  people = [];
  for (const name of ['莫春燕', '覃国栋', '蒙丽萍'])
    people.push((await buildProfessional(t.db, { unitId: unit.id, name })).id);
});
afterAll(async () => t.close());

/** What the records and credits themselves say, summed now: the figures person_year_hours must equal. */
async function recomputed() {
  const { rows } = await t.db.execute(sql`
    SELECT coalesce(prof.account_id, pub.account_id) AS account_id, coalesce(prof.year, pub.year) AS year,
           coalesce(pub.compulsory, 0)::float AS compulsory, coalesce(pub.elective, 0)::float AS elective,
           coalesce(prof.professional, 0)::float AS professional, coalesce(prof.pending, 0)::int AS pending,
           coalesce(prof.pending_hours, 0)::float AS pending_hours, coalesce(prof.drafts, 0)::int AS drafts,
           coalesce(prof.records, 0)::int AS records
    FROM (
      SELECT account_id, year, sum(hours) FILTER (WHERE status = 'approved') AS professional,
             count(*) FILTER (WHERE status = 'pending') AS pending,
             sum(hours) FILTER (WHERE status = 'pending') AS pending_hours,
             count(*) FILTER (WHERE status = 'draft') AS drafts, count(*) AS records
      FROM hour_records GROUP BY account_id, year) prof
    FULL JOIN (
      SELECT account_id, year, sum(hours) FILTER (WHERE kind = 'compulsory') AS compulsory,
             sum(hours) FILTER (WHERE kind = 'elective') AS elective
      FROM public_credits GROUP BY account_id, year) pub
      ON pub.account_id = prof.account_id AND pub.year = prof.year
    ORDER BY 1, 2`);
  return rows as Array<Record<string, unknown>>;
}

/** What personYearHours answers for everyone. */
async function kept() {
  const { rows } = await t.db.execute(sql`
    SELECT account_id, year, compulsory::float, elective::float, professional::float, pending::int,
           pending_hours::float, drafts::int, records::int
    FROM (${personYearHours({ accounts: sql`SELECT id FROM accounts` })}) h ORDER BY 1, 2`);
  return rows as Array<Record<string, unknown>>;
}

async function records(account: number, year: number, statuses: string[], hours: number) {
  await t.db.execute(sql`
    INSERT INTO hour_records (account_id, year, activity_type, title, organizer, place, start_date, start_half, end_date,
      end_half, hours, remarks, declared_at, status, opinion, source, unit_id, review_target, created_by, created_at, updated_at)
    SELECT ${account}, ${year}, 'training', '临床护理培训', '桂林市卫生健康委员会', '桂林市', make_date(${year}, 5, 6), 'am',
      make_date(${year}, 5, 6), 'pm', ${hours}, '', now(), s,
      CASE WHEN s = 'rejected' THEN '培训内容与专业无关' END, 'self', a.unit_id, 'unit', ${account}, now(), now()
    FROM unnest(${`{${statuses.join(',')}}`}::text[]) AS s, accounts a WHERE a.id = ${account}`);
}

describe('person_year_hours: a person-year as the records and credits make it, kept in the writing transaction', () => {
  it('follows inserts, reviews, corrections, moves, deletions and public credits', async () => {
    const [mo, qin, meng] = people as [number, number, number];
    const steps: Array<[string, () => Promise<unknown>]> = [
      [
        'records of several people and years in one statement',
        () => records(mo, 2024, ['draft', 'pending', 'approved', 'approved'], 8),
      ],
      ['another person and year', () => records(qin, 2025, ['pending', 'rejected', 'approved'], 12)],
      ['a third year for the first person', () => records(mo, 2023, ['approved'], 4)],
      [
        'approvals of pending records',
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
      [
        'an update that changes no figure',
        () => t.db.execute(sql`UPDATE hour_records SET title = '临床护理培训（更正）', remarks = '已核实'`),
      ],
      [
        'records moved to another year',
        () => t.db.execute(sql`UPDATE hour_records SET year = 2026 WHERE account_id = ${qin} AND status = 'rejected'`),
      ],
      [
        'a merge: every record of one person moves to another',
        () => t.db.execute(sql`UPDATE hour_records SET account_id = ${meng} WHERE account_id = ${qin}`),
      ],
      [
        'public credits of a course and an elective',
        () =>
          t.db.execute(sql`
        INSERT INTO public_credits (account_id, year, kind, hours, credited_at, source)
        VALUES (${mo}, 2024, 'compulsory', 15, now(), 'exam'), (${mo}, 2024, 'elective', 10, now(), 'course'),
               (${qin}, 2022, 'elective', 6, now(), 'course')`),
      ],
      [
        'a credit corrected and one moved',
        () =>
          t.db.execute(
            sql`UPDATE public_credits SET hours = hours + 2, account_id = ${meng} WHERE account_id = ${qin}`,
          ),
      ],
      [
        'a record deleted (a year left with credits only)',
        () => t.db.execute(sql`DELETE FROM hour_records WHERE account_id = ${mo} AND year = 2024`),
      ],
      [
        'a year emptied of everything',
        () => t.db.execute(sql`DELETE FROM hour_records WHERE account_id = ${mo} AND year = 2023`),
      ],
      ['credits revoked', () => t.db.execute(sql`DELETE FROM public_credits WHERE account_id = ${meng}`)],
    ];
    for (const [what, step] of steps) {
      await step();
      expect(await kept(), what).toEqual(await recomputed());
    }
    // The emptied year is gone from the answer; the year with credits only stays.
    const years = (await kept()).filter((r) => r.account_id === mo).map((r) => r.year);
    expect(years).toEqual([2024]);
  });

  it('is unchanged by a statement that is rolled back', async () => {
    const before = await kept();
    await expect(
      t.db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE hour_records SET hours = hours * 2`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await kept()).toEqual(before);
    expect(before.length).toBeGreaterThan(0);
  });
});
