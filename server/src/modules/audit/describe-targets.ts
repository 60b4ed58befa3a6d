import { auditTargetTypeLabel, COURSE_KIND_LABEL, type AuditEntry } from '@ptce/contracts';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  accounts,
  annualPlans,
  certificates,
  courseChapters,
  courses,
  departments,
  examAttempts,
  hourRecords,
  importJobs,
  integrationClients,
  makeupRequests,
  notices,
  questions,
  spotCheckCampaigns,
  spotCheckItems,
  trainingBases,
  trainingClasses,
  trainingFilings,
  units,
} from '../../db/schema/index';
import { maskIdNumber } from '../../domain/id-number';

type Target = NonNullable<AuditEntry['target']>;
type Named = { name: string | null; owner?: number | null };
type Ref = { targetType: string | null; targetId: string | null };

const ids = (refs: Ref[], type: string) => [
  ...new Set(
    refs
      .filter((r) => r.targetType === type && r.targetId && /^\d{1,15}$/.test(r.targetId))
      .map((r) => Number(r.targetId)),
  ),
];
const short = (s: string, n = 30) => (s.length > n ? `${s.slice(0, n)}…` : s);

/**
 * How each kind of target is named, one query per kind on a page. A kind not listed shows its type and id
 * (describe-targets.test.ts fails when the code writes a kind that is neither here nor `account`).
 */
export const NAMERS: Record<string, (db: Db, ids: number[]) => Promise<Array<[number, Named]>>> = {
  unit: async (db, list) =>
    (await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, list))).map((r) => [
      r.id,
      { name: r.name },
    ]),
  department: async (db, list) =>
    (
      await db
        .select({ id: departments.id, name: departments.name })
        .from(departments)
        .where(inArray(departments.id, list))
    ).map((r) => [r.id, { name: r.name }]),
  hour_record: async (db, list) =>
    (
      await db
        .select({ id: hourRecords.id, title: hourRecords.title, owner: hourRecords.accountId })
        .from(hourRecords)
        .where(inArray(hourRecords.id, list))
    ).map((r) => [r.id, { name: `《${short(r.title)}》`, owner: r.owner }]),
  exam_attempt: async (db, list) =>
    (
      await db
        .select({
          id: examAttempts.id,
          year: examAttempts.planYear,
          no: examAttempts.attemptNo,
          owner: examAttempts.accountId,
        })
        .from(examAttempts)
        .where(inArray(examAttempts.id, list))
    ).map((r) => [r.id, { name: `${r.year}年度公需科目考试第${r.no}次`, owner: r.owner }]),
  certificate: async (db, list) =>
    (
      await db
        .select({ id: certificates.id, serial: certificates.serial, owner: certificates.accountId })
        .from(certificates)
        .where(inArray(certificates.id, list))
    ).map((r) => [r.id, { name: `证书 ${r.serial}`, owner: r.owner }]),
  makeup_request: async (db, list) =>
    (
      await db
        .select({ id: makeupRequests.id, year: makeupRequests.planYear, owner: makeupRequests.accountId })
        .from(makeupRequests)
        .where(inArray(makeupRequests.id, list))
    ).map((r) => [r.id, { name: `${r.year}年度补考申请`, owner: r.owner }]),
  annual_plan: async (db, list) =>
    (await db.select({ year: annualPlans.year }).from(annualPlans).where(inArray(annualPlans.year, list))).map((r) => [
      r.year,
      { name: `${r.year}年度计划` },
    ]),
  question: async (db, list) =>
    (
      await db.select({ id: questions.id, stem: questions.stem }).from(questions).where(inArray(questions.id, list))
    ).map((r) => [r.id, { name: short(r.stem) }]),
  chapter: async (db, list) =>
    (
      await db
        .select({ id: courseChapters.id, title: courseChapters.title })
        .from(courseChapters)
        .where(inArray(courseChapters.id, list))
    ).map((r) => [r.id, { name: r.title }]),
  course: async (db, list) =>
    (
      await db
        .select({ id: courses.id, title: courses.title, year: courses.year, kind: courses.kind })
        .from(courses)
        .where(inArray(courses.id, list))
    ).map((r) => [
      r.id,
      { name: `《${short(r.title)}》（${r.year ? `${r.year}年度` : ''}${COURSE_KIND_LABEL[r.kind]}）` },
    ]),
  notice: async (db, list) =>
    (await db.select({ id: notices.id, title: notices.title }).from(notices).where(inArray(notices.id, list))).map(
      (r) => [r.id, { name: `《${short(r.title)}》` }],
    ),
  integration_client: async (db, list) =>
    (
      await db
        .select({ id: integrationClients.id, name: integrationClients.name })
        .from(integrationClients)
        .where(inArray(integrationClients.id, list))
    ).map((r) => [r.id, { name: r.name }]),
  import_job: async (db, list) =>
    (
      await db
        .select({ id: importJobs.id, fileName: importJobs.fileName })
        .from(importJobs)
        .where(inArray(importJobs.id, list))
    ).map((r) => [r.id, { name: r.fileName }]),
  spot_check: async (db, list) =>
    (
      await db
        .select({ id: spotCheckCampaigns.id, title: spotCheckCampaigns.title })
        .from(spotCheckCampaigns)
        .where(inArray(spotCheckCampaigns.id, list))
    ).map((r) => [r.id, { name: `《${short(r.title)}》` }]),
  spot_check_item: async (db, list) =>
    (
      await db
        .select({ id: spotCheckItems.id, title: spotCheckItems.title, owner: spotCheckItems.accountId })
        .from(spotCheckItems)
        .where(inArray(spotCheckItems.id, list))
    ).map((r) => [r.id, { name: `抽查：《${short(r.title)}》`, owner: r.owner }]),
  training_base: async (db, list) =>
    (
      await db
        .select({ id: trainingBases.id, name: trainingBases.name })
        .from(trainingBases)
        .where(inArray(trainingBases.id, list))
    ).map((r) => [r.id, { name: r.name }]),
  training_filing: async (db, list) =>
    (
      await db
        .select({ id: trainingFilings.id, name: trainingFilings.name, filingNo: trainingFilings.filingNo })
        .from(trainingFilings)
        .where(inArray(trainingFilings.id, list))
    ).map((r) => [r.id, { name: `《${short(r.name)}》${r.filingNo ? ` ${r.filingNo}` : ''}` }]),
  training_class: async (db, list) =>
    (
      await db
        .select({ id: trainingClasses.id, title: trainingClasses.title, organiser: trainingClasses.organiserName })
        .from(trainingClasses)
        .where(inArray(trainingClasses.id, list))
    ).map((r) => [r.id, { name: `《${short(r.title)}》（${r.organiser}）` }]),
};

/**
 * 对象 of a page of entries: the target's kind in Chinese, its name, and for a person (an account, or what a
 * person owns: a record, an attempt, a certificate) the person's name and masked ID number.
 */
export async function describeTargets(db: Db, refs: Ref[]): Promise<Array<AuditEntry['target']>> {
  const named = new Map<string, Named>();
  await Promise.all(
    Object.entries(NAMERS).map(async ([type, namer]) => {
      const list = ids(refs, type);
      if (!list.length) return;
      for (const [id, n] of await namer(db, list)) named.set(`${type}:${id}`, n);
    }),
  );
  const personIds = new Set<number>(ids(refs, 'account'));
  for (const n of named.values()) if (n.owner) personIds.add(n.owner);
  const people = new Map<number, { name: string; idNumber: string | null }>();
  if (personIds.size) {
    const rows = await db
      .select({ id: accounts.id, name: accounts.name, idNumber: accounts.idNumber })
      .from(accounts)
      .where(inArray(accounts.id, [...personIds]));
    for (const r of rows) people.set(r.id, { name: r.name, idNumber: r.idNumber });
  }
  return refs.map((r): Target | null => {
    if (!r.targetType) return null;
    const typeLabel = auditTargetTypeLabel(r.targetType);
    const id = r.targetId && /^\d{1,15}$/.test(r.targetId) ? Number(r.targetId) : null;
    if (r.targetType === 'account') {
      const p = id !== null ? people.get(id) : undefined;
      return p
        ? { typeLabel, name: p.name, idNumberMasked: p.idNumber ? maskIdNumber(p.idNumber) : null }
        : { typeLabel, name: r.targetId ? `#${r.targetId}` : null, idNumberMasked: null };
    }
    const n = id !== null ? named.get(`${r.targetType}:${id}`) : undefined;
    if (!n) return { typeLabel, name: r.targetId ? `#${r.targetId}` : null, idNumberMasked: null };
    const owner = n.owner ? people.get(n.owner) : undefined;
    return {
      typeLabel,
      name: owner ? `${owner.name} ${n.name ?? ''}`.trim() : n.name,
      idNumberMasked: owner?.idNumber ? maskIdNumber(owner.idNumber) : null,
    };
  });
}
