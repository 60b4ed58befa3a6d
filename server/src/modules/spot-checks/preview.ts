import type { SpotCheckPreview } from '@ptce/contracts';
import type { Caller } from '../auth/index';
import { inspectorPool, scopeLabel, unitPopulation } from './population';

/** Before a draw: how many units of the scope have records of the year, and who is in the inspectors' pool. */
export async function previewCampaign(ctx: Caller, year: number): Promise<SpotCheckPreview> {
  const [units, pool, label] = [
    await unitPopulation(ctx.db, ctx.actor, year),
    await inspectorPool(ctx.db, ctx.actor),
    await scopeLabel(ctx.db, ctx.actor),
  ];
  return { scopeLabel: label.scope, units: units.length, pool };
}
