import { AnnualPlan, Industry, Region, TrainingBase, UnitSearchQuery, UnitSummary } from '@ptce/contracts';
import { and, asc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publishedPlans } from '../plans/index';
import { industries, regions, trainingBases, units } from '../../db/schema/index';
import { referencePolicy } from './policy';
import { escapeLike } from '../../db/sql-helpers';

export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const read = { policy: referencePolicy.read };

  app.get(
    '/reference/regions',
    { schema: { tags: ['reference'], summary: '行政区划', response: { 200: z.array(Region) } }, config: read },
    async () => app.deps.db.select().from(regions).orderBy(asc(regions.code)),
  );

  app.get(
    '/reference/industries',
    { schema: { tags: ['reference'], summary: '行业', response: { 200: z.array(Industry) } }, config: read },
    async () => app.deps.db.select().from(industries).orderBy(asc(industries.code)),
  );

  app.get(
    '/reference/bases',
    {
      schema: { tags: ['reference'], summary: '继续教育基地', response: { 200: z.array(TrainingBase) } },
      config: read,
    },
    async () => app.deps.db.select().from(trainingBases).orderBy(asc(trainingBases.id)),
  );

  app.get(
    '/reference/plans',
    { schema: { tags: ['reference'], summary: '年度计划', response: { 200: z.array(AnnualPlan) } }, config: read },
    async () =>
      (await publishedPlans(app.deps.db)).map((p) => ({
        year: p.year,
        totalHours: p.totalHours,
        professionalRatioNum: p.professionalRatioNum,
        professionalRatioDen: p.professionalRatioDen,
        compulsoryHours: p.compulsoryHours,
        electiveHours: p.electiveHours,
        passScore: p.passScore,
        maxAttempts: p.maxAttempts,
        hoursPerHalfDay: p.hoursPerHalfDay,
        publicDeadline: p.publicDeadline,
        professionalDeadline: p.professionalDeadline,
        maxRecordHours: p.maxRecordHours,
        activityCaps: p.activityCaps,
      })),
  );

  app.get(
    '/units/search',
    {
      schema: {
        tags: ['reference'],
        summary: '按单位名称或统一社会信用代码搜索单位',
        querystring: UnitSearchQuery,
        response: { 200: z.array(UnitSummary) },
      },
      config: { policy: referencePolicy.searchUnits, rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (req) => {
      const q = req.query.q;
      const code = q.toUpperCase();
      return app.deps.db
        .select({
          id: units.id,
          name: units.name,
          creditCodeMasked: sql<string>`left(${units.creditCode}, 8) || '**********'`,
          regionCode: units.regionCode,
          regionName: sql<string>`coalesce(${regions.name}, '')`,
        })
        .from(units)
        .leftJoin(regions, eq(regions.code, units.regionCode))
        .where(
          and(
            // A disabled (or merged) unit takes no new people: it leaves 注册 and 更改所在单位.
            isNull(units.disabledAt),
            or(ilike(units.name, `%${escapeLike(q)}%`), eq(units.creditCode, code)),
          ),
        )
        .orderBy(asc(sql`length(${units.name})`), asc(units.name))
        .limit(20);
    },
  );
};
