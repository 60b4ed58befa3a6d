import { now, shanghaiDate } from '../../../clock';
import type { Db } from '../../client';
import { hourRecordEvents, hourRecords, publicCredits } from '../../schema/index';
import { createRng, pick, randomInt, type Rng } from './people';

/** Activities that look like a real unit's year, by the unit's industry. */
const ACTIVITIES: Record<string, Array<[title: string, organizer: string, place: string]>> = {
  Q: [
    ['医院感染预防与控制专题培训班', '广西壮族自治区卫生健康委员会', '南宁市'],
    ['临床合理用药专题讲座', '广西医学会', '南宁市'],
    ['急危重症救治技术培训班', '南宁市卫生健康委员会', '南宁市'],
    ['护理质量与安全管理研修班', '广西护理学会', '桂林市'],
    ['住院医师规范化培训师资研修班', '广西医科大学', '南宁市'],
  ],
  M: [
    ['城市道路工程设计规范宣贯培训', '广西土木建筑学会', '柳州市'],
    ['BIM技术应用研修班', '广西建设职业技术学院', '南宁市'],
    ['海绵城市建设技术交流会', '柳州市住房和城乡建设局', '柳州市'],
    ['建设工程质量安全管理培训班', '广西住房和城乡建设厅培训中心', '南宁市'],
  ],
  P: [
    ['普通高中新课程新教材实施培训', '广西壮族自治区教育厅', '桂林市'],
    ['班主任专业能力提升研修班', '桂林市教育局', '桂林市'],
    ['信息技术与学科教学融合培训', '广西师范大学', '桂林市'],
  ],
};

const isoDay = (year: number, dayOfYear: number) => new Date(Date.UTC(year, 0, dayOfYear)).toISOString().slice(0, 10);
const DAY = 86_400_000;

/**
 * When things happened, in office hours (09:00–17:59 Asia/Shanghai) on days after one another and never after
 * `at`: a record is registered some days after its class, submitted a few days later and decided one to three
 * weeks after that. Its own random sequence, so the people and records drawn stay what they were.
 */
function officeClock(rng: Rng, at: Date) {
  const limit = at.getTime();
  /** `days` days after the day of `from` (a time or a UTC day start), at an office hour; at least `from`. */
  const after = (from: number, days: number) => {
    const day = Math.floor(from / DAY) * DAY + days * DAY;
    const t = day + randomInt(rng, 60, 599) * 60_000; // 01:00–09:59 UTC = 09:00–17:59 in Shanghai
    return new Date(Math.min(limit, Math.max(from, t)));
  };
  return {
    /** An office hour on one of the `days` days from the day of `from`. */
    within: (from: number, days: number) => after(from, randomInt(rng, 0, days - 1)),
    /** Registered, submitted and decided times of a record whose class ended on `endDay` (a UTC day start). */
    record(endDay: number, submitted: boolean, decided: boolean) {
      const createdAt = after(endDay, randomInt(rng, 1, 10));
      const submittedAt = submitted ? after(createdAt.getTime(), randomInt(rng, 0, 4)) : null;
      const decidedAt = decided && submittedAt ? after(submittedAt.getTime(), randomInt(rng, 1, 20)) : null;
      return { createdAt, submittedAt, decidedAt };
    },
  };
}

interface Person {
  id: number;
}

/**
 * A year and a half of history for the demo units, so every screen has something real: last year
 * mostly complete (public hours credited, professional hours approved), this year in progress
 * (drafts, records awaiting review, approvals and a rejection). Dates never lie in the future.
 */
export async function seedDemoHistory(
  tx: Db,
  rng: Rng,
  unit: { id: number; name: string; industryCode: string },
  people: Person[],
  reviewer: { id: number; name: string },
  featured?: number,
) {
  const at = now();
  const today = shanghaiDate(at);
  const year = Number(today.slice(0, 4));
  const dayOfYear = Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.UTC(year, 0, 1)) / DAY) + 1;
  const activities = ACTIVITIES[unit.industryCode] ?? ACTIVITIES.Q!;
  const records: Array<typeof hourRecords.$inferInsert> = [];
  const clock = officeClock(createRng(unit.id * 7919 + year), at);
  // Last year's public courses were finished between April and November.
  const lastYearCourse = () => clock.within(Date.UTC(year - 1, 3, 1), 240);
  const credits: Array<typeof publicCredits.$inferInsert> = [];

  const record = (
    accountId: number,
    y: number,
    startDay: number,
    days: number,
    status: 'draft' | 'pending' | 'approved' | 'rejected',
  ) => {
    const [title, organizer, place] = pick(rng, activities);
    const start = isoDay(y, startDay);
    const end = isoDay(y, startDay + days - 1);
    const decided = status === 'approved' || status === 'rejected';
    const times = clock.record(Date.UTC(y, 0, startDay + days - 1), status !== 'draft', decided);
    records.push({
      accountId,
      year: y,
      activityType: 'training',
      title,
      organizer,
      place,
      startDate: start,
      startHalf: 'am',
      endDate: end,
      endHalf: 'pm',
      hours: days * 8,
      remarks: '',
      declaredAt: times.createdAt,
      status,
      source: 'self',
      unitId: unit.id,
      reviewTarget: status === 'draft' ? null : 'unit',
      submittedAt: times.submittedAt,
      submittedBy: status === 'draft' ? null : accountId,
      decidedAt: times.decidedAt,
      decidedBy: decided ? reviewer.id : null,
      decidedByName: decided ? reviewer.name : null,
      opinion: status === 'rejected' ? '未上传培训通知和结业证明，请补充后重新提交' : null,
      createdBy: accountId,
      createdAt: times.createdAt,
      updatedAt: times.decidedAt ?? times.submittedAt ?? times.createdAt,
    });
  };

  for (const p of people) {
    const star = p.id === featured;
    // Last year: most people finished.
    if (star || rng() < 0.85)
      credits.push({
        accountId: p.id,
        year: year - 1,
        kind: 'compulsory',
        hours: 15,
        creditedAt: lastYearCourse(),
        source: 'demo',
      });
    if (star || rng() < 0.75)
      credits.push({
        accountId: p.id,
        year: year - 1,
        kind: 'elective',
        hours: 10,
        creditedAt: lastYearCourse(),
        source: 'demo',
      });
    // Up to 7 records spread over the year, the last one starting by day 338: none runs into this year.
    const lastYearRecords = star ? 5 : randomInt(rng, 3, 7);
    for (let i = 0; i < lastYearRecords; i++)
      record(
        p.id,
        year - 1,
        20 + i * 48 + randomInt(rng, 0, 30),
        star ? (i === 4 ? 1 : 2) : randomInt(rng, 1, 3),
        'approved',
      );
    // This year, only with dates already past.
    if (dayOfYear > 40) {
      const n = star ? 2 : randomInt(rng, 0, 3);
      for (let i = 0; i < n; i++) {
        const days = star ? 2 - i : randomInt(rng, 1, 2);
        const startDay = randomInt(rng, 5, Math.max(6, dayOfYear - days - 2));
        const status = star
          ? i === 0
            ? 'approved'
            : 'pending'
          : pick(rng, ['draft', 'pending', 'pending', 'approved', 'approved', 'rejected'] as const);
        record(p.id, year, startDay, days, status);
      }
    }
  }
  if (credits.length) await tx.insert(publicCredits).values(credits);
  for (let i = 0; i < records.length; i += 500) {
    const rows = await tx
      .insert(hourRecords)
      .values(records.slice(i, i + 500))
      .returning({
        id: hourRecords.id,
        status: hourRecords.status,
        accountId: hourRecords.accountId,
        createdAt: hourRecords.createdAt,
        submittedAt: hourRecords.submittedAt,
        decidedAt: hourRecords.decidedAt,
      });
    const events: Array<typeof hourRecordEvents.$inferInsert> = [];
    for (const r of rows) {
      events.push({ recordId: r.id, at: r.createdAt, action: 'create', actorId: r.accountId, actorName: null });
      if (r.submittedAt)
        events.push({
          recordId: r.id,
          at: r.submittedAt,
          action: 'submit',
          actorId: r.accountId,
          actorName: null,
          targetName: unit.name,
        });
      if (r.decidedAt) {
        events.push({
          recordId: r.id,
          at: r.decidedAt,
          action: r.status === 'approved' ? 'approve' : 'reject',
          actorId: reviewer.id,
          actorName: reviewer.name,
          opinion: r.status === 'rejected' ? '未上传培训通知和结业证明，请补充后重新提交' : null,
        });
      }
    }
    await tx.insert(hourRecordEvents).values(events);
  }
}
