import type { PersonExamStatus } from '@ptce/contracts';
import { desc, eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { shanghaiYear } from '../../clock';
import type { Db } from '../../db/client';
import { examRounds } from '../../db/schema/index';
import { publishedPlans } from '../plans/index';
import { submitExpiredAttempts } from './finalize-attempt';
import { personInScope, statusOf } from './person-exam-status';

/**
 * 人员查询: a person's rounds, attempts and makeups of every year they have any, and of the current
 * year's plan (whether a makeup may be granted now), newest year first. Call inside a transaction.
 */
export async function personExamHistory(db: Db, actor: Actor, accountId: number): Promise<PersonExamStatus[]> {
  const person = await personInScope(db, actor, accountId);
  await submitExpiredAttempts(db, { accountId });
  const years = new Set(
    (
      await db
        .selectDistinct({ year: examRounds.planYear })
        .from(examRounds)
        .where(eq(examRounds.accountId, accountId))
        .orderBy(desc(examRounds.planYear))
    ).map((r) => r.year),
  );
  const published = new Set((await publishedPlans(db, shanghaiYear())).map((p) => p.year));
  if (published.has(shanghaiYear())) years.add(shanghaiYear());
  const out: PersonExamStatus[] = [];
  for (const year of [...years].filter((y) => published.has(y)).sort((a, b) => b - a))
    out.push(await statusOf(db, person, year));
  return out;
}
