import { randomBytes } from 'node:crypto';
import type { SpotCheckCreate } from '@ptce/contracts';
import { DRAW_ALGORITHM, drawCampaign, drawUnits, sampleSizeProblem, type CampaignDrawInput } from '@ptce/rules';
import { sql } from 'drizzle-orm';
import { now, shanghaiDate, shanghaiYear } from '../../clock';
import type { DrawPopulation } from '../../db/schema/index';
import { AppError, invalid } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { ownerOf } from './campaign-scope';
import { inspectorPool, itemPopulation, scopeLabel, unitPopulation } from './population';

/** A seed nobody chose: 16 hex digits from the system's random source. */
export const newSeed = () => randomBytes(8).toString('hex');

/**
 * 新建抽查: the first random (units of the caller's scope, then records or people within each), the second
 * (inspectors from the organisation's staff, at least two per unit), all from one seed that is stored with
 * the lists drawn from and the algorithm's name — so the sample can be recomputed by anyone. One transaction:
 * the campaign, its units, inspectors and sampled records, and the audit entry.
 */
export async function createCampaign(ctx: Caller, input: SpotCheckCreate): Promise<{ id: number; seed: string }> {
  const owner = ownerOf(ctx.actor);
  if (!owner) throw new AppError('FORBIDDEN', '只有人社局、行业主管部门和平台运营方可以组织抽查');
  for (const [field, size] of [
    ['unitSize', input.unitSize],
    ['itemSize', input.itemSize],
  ] as const) {
    const problem = sampleSizeProblem(size);
    if (problem) throw invalid(`${field}.value`, problem);
  }
  if (input.year > shanghaiYear()) throw invalid('year', '只能抽查本年度及以前年度的学时');
  if (input.answerDue < shanghaiDate()) throw invalid('answerDue', '答复截止日期不能早于今天');
  const seed = input.seed || newSeed();

  return ctx.db.transaction(async (tx) => {
    const pool = await inspectorPool(tx, ctx.actor);
    if (pool.length < input.inspectorsPerUnit)
      throw invalid(
        'inspectorsPerUnit',
        `检查人员库只有${pool.length}人，不足每个单位${input.inspectorsPerUnit}名检查人员`,
      );
    const population: DrawPopulation = {
      units: await unitPopulation(tx, ctx.actor, input.year),
      pool: pool.map((p) => p.id),
      items: {},
    };
    if (population.units.length === 0)
      throw invalid('year', `${input.year}年度范围内没有可抽查的单位（没有通过认定的专业科目学时）`);
    for (const unitId of drawUnits({ seed, unitSize: input.unitSize, population }))
      population.items[String(unitId)] = await itemPopulation(tx, unitId, input.year, input.sampleOf);
    const drawInput: CampaignDrawInput = {
      seed,
      unitSize: input.unitSize,
      itemSize: input.itemSize,
      inspectorsPerUnit: input.inspectorsPerUnit,
      population,
    };
    const drawn = drawCampaign(drawInput);
    const label = await scopeLabel(tx, ctx.actor);
    const at = now();

    const c = await tx.execute(sql`
      INSERT INTO spot_check_campaigns (title, year, owner_authority_id, owner_name, scope_label, sample_of,
        unit_size_mode, unit_size_value, item_size_mode, item_size_value, inspectors_per_unit, seed, algorithm,
        population, answer_due, created_by, created_at)
      VALUES (${input.title}, ${input.year}, ${owner.authorityId}, ${label.owner}, ${label.scope}, ${input.sampleOf},
        ${input.unitSize.mode}, ${input.unitSize.value}, ${input.itemSize.mode}, ${input.itemSize.value},
        ${input.inspectorsPerUnit}, ${seed}, ${DRAW_ALGORITHM}, ${JSON.stringify(population)}::jsonb,
        ${input.answerDue}, ${ctx.actor.id}, ${at})
      RETURNING id`);
    const id = Number((c.rows as Array<{ id: number }>)[0]!.id);
    const names = new Map(pool.map((p) => [p.id, p.name]));
    let items = 0;
    for (const [order, d] of drawn.entries()) {
      const u = await tx.execute(sql`
        INSERT INTO spot_check_units (campaign_id, unit_id, unit_name, draw_order)
        SELECT ${id}, u.id, u.name, ${order + 1} FROM units u WHERE u.id = ${d.unitId}
        RETURNING id`);
      const partId = Number((u.rows as Array<{ id: number }>)[0]!.id);
      for (const [i, accountId] of d.inspectors.entries())
        await tx.execute(sql`INSERT INTO spot_check_inspectors (campaign_unit_id, account_id, name, draw_order)
          VALUES (${partId}, ${accountId}, ${names.get(accountId)!}, ${i + 1})`);
      if (d.items.length === 0) continue;
      const ids = sql.join(
        d.items.map((x) => sql`${x}`),
        sql`, `,
      );
      const which =
        input.sampleOf === 'records'
          ? sql`r.id IN (${ids})`
          : sql`r.account_id IN (${ids}) AND r.unit_id = ${d.unitId} AND r.year = ${input.year} AND r.status = 'approved' AND r.source <> 'integration'`;
      const ins = await tx.execute(sql`
        INSERT INTO spot_check_items (campaign_unit_id, record_id, account_id, person_name, title, organizer,
          start_date, end_date, hours)
        SELECT ${partId}, r.id, r.account_id, a.name, r.title, r.organizer, r.start_date, r.end_date, r.hours
        FROM hour_records r JOIN accounts a ON a.id = r.account_id
        WHERE ${which}
        ORDER BY r.id
        RETURNING id`);
      items += ins.rows.length;
    }
    await writeAudit(tx, ctx, {
      action: 'spotcheck.campaign.create',
      targetType: 'spot_check',
      targetId: id,
      detail: {
        title: input.title,
        year: input.year,
        seed,
        algorithm: DRAW_ALGORITHM,
        units: drawn.map((d) => d.unitId),
        items,
      },
    });
    return { id, seed };
  });
}
