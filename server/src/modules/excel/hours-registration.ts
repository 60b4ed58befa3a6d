import {
  ACTIVITY_TYPE_LABEL,
  HALF_DAY_LABEL,
  RECORD_STATUS_LABEL,
  RecordInput,
  type ActivityType,
  type HalfDay,
  type ImportProblem,
  type RecordStatus,
} from '@ptce/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { personScope } from '../../auth/scope';
import { now, shanghaiDate } from '../../clock';
import type { Db } from '../../db/client';
import { accounts } from '../../db/schema/index';
import { idNumberIn } from '../../db/pii-lookup';
import { checkRecord, recordRulesOf, registrationRefusal, ruleMessages, type RecordRules } from '@ptce/rules';
import { planOf, registerRecords, UNIT_IMPORT_LOCK, yearClosedIn } from '../hours/index';
import { idCheckChar, normalizeIdNumber, validateIdNumber } from '../../domain/id-number';
import type { Caller } from '../auth/index';
import { plansSnapshot, type Plan } from '../plans/index';
import { cellDate, cellNumber, type Cell } from './cell-values';
import {
  sortProblems,
  type BatchValidator,
  type ImportColumn,
  type ImportKindDef,
  type RowCheck,
  type SheetRow,
} from './import-kind';
import { importLimits } from './limits';
import { SeenRows } from './seen-rows';
import { columnLines, fileLimitLine, fillInLine } from './instruction-lines';

/**
 * 导入学员培训信息 — the unit's batch registration of professional hours (notice, attachment 2
 * §二(一)2: ① 下载模板 ② 导入模板 ③ 查看导入结果). Each row is checked like the 专业科目学时登记 form:
 * the same zod schema (RecordInput), the same domain rules (checkRecord: dates, 不能跨年登记, 申请学时),
 * the same open-year window, the person within the uploader's scope (personScope — a department admin
 * reaches only their department), plus what only a file can get wrong: the name against the ID number,
 * ID numbers Excel turned into numbers, and duplicates inside the file and against existing records.
 * Imported rows land as 待提交 (source 'import') with a 'create' history entry each.
 */

const ACTIVITY_BY_LABEL = new Map<string, ActivityType>(
  Object.entries(ACTIVITY_TYPE_LABEL).map(([k, v]) => [v, k as ActivityType]),
);
const HALF_BY_LABEL = new Map<string, HalfDay>([
  ['上午', 'am'],
  ['下午', 'pm'],
]);
const ACTIVITY_OPTIONS = Object.values(ACTIVITY_TYPE_LABEL);

const H = {
  idNumber: '身份证号码',
  name: '姓名',
  activityType: '培训类型',
  title: '培训内容',
  organizer: '主办单位',
  place: '培训地点',
  startDate: '开始日期',
  startHalf: '开始时段',
  endDate: '结束日期',
  endHalf: '结束时段',
  hours: '申请学时',
  remarks: '备注',
} as const;
type Key = keyof typeof H;

function exampleIdNumber(): string {
  const first17 = '45010219900307002';
  return first17 + idCheckChar(first17);
}

function exampleDates() {
  const year = shanghaiDate().slice(0, 4);
  return { start: `${year}-03-06`, end: `${year}-03-07` };
}

export const HOURS_COLUMNS: readonly (ImportColumn & { key: Key })[] = [
  {
    key: 'idNumber',
    header: H.idNumber,
    required: true,
    width: 22,
    text: true,
    hint: '18位身份证号码（末位X大小写均可）。须为本单位（二级管理员为本部门）的专业技术人员。本列已设为文本格式，请勿改为数字格式',
  },
  { key: 'name', header: H.name, required: true, width: 12, hint: '须与身份证号码对应人员的姓名一致' },
  {
    key: 'activityType',
    header: H.activityType,
    required: true,
    width: 22,
    options: ACTIVITY_OPTIONS,
    hint: `从下拉列表中选择：${ACTIVITY_OPTIONS.join('、')}`,
  },
  { key: 'title', header: H.title, required: true, width: 36, hint: '培训、活动的名称或内容，不超过200个字' },
  { key: 'organizer', header: H.organizer, required: true, width: 30, hint: '不超过100个字' },
  { key: 'place', header: H.place, required: true, width: 16, hint: '不超过100个字' },
  {
    key: 'startDate',
    header: H.startDate,
    required: true,
    width: 14,
    text: true,
    hint: '格式如2024-05-06，也可填2024/5/6或Excel日期',
  },
  {
    key: 'startHalf',
    header: H.startHalf,
    required: true,
    width: 10,
    options: ['上午', '下午'],
    hint: '从下拉列表中选择：上午、下午',
  },
  {
    key: 'endDate',
    header: H.endDate,
    required: true,
    width: 14,
    text: true,
    hint: '与开始日期在同一年度（不能跨年登记），且不能晚于今天',
  },
  {
    key: 'endHalf',
    header: H.endHalf,
    required: true,
    width: 10,
    options: ['上午', '下午'],
    hint: '从下拉列表中选择：上午、下午',
  },
  {
    key: 'hours',
    header: H.hours,
    required: false,
    width: 10,
    hint: '可不填：按每半天4学时（以年度计划为准）自动计算。培训班/研修班/进修班须按此计算；其他类型可填实际学时，最多一位小数',
  },
  { key: 'remarks', header: H.remarks, required: false, width: 24, hint: '选填，不超过500个字' },
];
const COL = Object.fromEntries(HOURS_COLUMNS.map((c, i) => [c.key, i])) as Record<Key, number>;

/** A row that passed the checks a row can pass on its own. Made of the strings already read (no copies). */
export interface HoursParsedRow {
  idNumber: string;
  name: string;
  activityType: ActivityType;
  title: string;
  organizer: string;
  place: string;
  startDate: string;
  startHalf: HalfDay;
  endDate: string;
  endHalf: HalfDay;
  /** 申请学时 as filled in; absent = 4 × half days. */
  appliedHours?: number;
  remarks: string;
}

/** A row that passed every check, ready to be written; 100,000 of these are held until the write. */
export interface HoursImportRow extends HoursParsedRow {
  rowNumber: number;
  accountId: number;
  unitId: number | null;
  year: number;
  hours: number;
}

/** The row on its own (no I/O): required cells, types, ID check digit, the form's schema. */
function parseRow(row: SheetRow, today: string): { value: HoursParsedRow } | { problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const cell = (k: Key): Cell => row.cells[COL[k]]!;
  const add = (k: Key, reason: string) => problems.push({ column: H[k], reason });

  for (const c of HOURS_COLUMNS) {
    const v = cell(c.key);
    if (v.kind === 'error') add(c.key, `单元格是错误值${v.text}，请填写实际内容`);
    else if (c.required && v.kind === 'empty') add(c.key, `请填写${c.header}`);
  }
  const failed = new Set(problems.map((p) => p.column));
  const ok = (k: Key) => !failed.has(H[k]);

  let idNumber = '';
  if (ok('idNumber')) {
    const v = cell('idNumber');
    if (v.kind === 'number')
      add(
        'idNumber',
        '身份证号码须以文本格式填写：该单元格是数字，Excel可能已改写了末几位。请将该列设为文本后重新输入',
      );
    else {
      idNumber = normalizeIdNumber(v.text.replace(/\s+/g, ''));
      const r = validateIdNumber(idNumber, today);
      if (!r.ok) add('idNumber', r.reason);
    }
  }
  let activityType: ActivityType | undefined;
  if (ok('activityType')) {
    activityType = ACTIVITY_BY_LABEL.get(cell('activityType').text.replace(/\s+/g, ''));
    if (!activityType) add('activityType', `培训类型应为：${ACTIVITY_OPTIONS.join('、')}`);
  }
  const half = (k: 'startHalf' | 'endHalf'): HalfDay | undefined => {
    if (!ok(k)) return undefined;
    const h = HALF_BY_LABEL.get(cell(k).text.replace(/\s+/g, ''));
    if (!h) add(k, `${H[k]}应为“上午”或“下午”`);
    return h;
  };
  const date = (k: 'startDate' | 'endDate'): string | undefined => {
    if (!ok(k)) return undefined;
    const d = cellDate(cell(k));
    if (!d) add(k, `${H[k]}不是有效日期，请按2024-05-06的格式填写`);
    return d ?? undefined;
  };
  const startDate = date('startDate');
  const startHalf = half('startHalf');
  const endDate = date('endDate');
  const endHalf = half('endHalf');
  let hours: number | undefined;
  if (ok('hours') && cell('hours').kind !== 'empty') {
    const n = cellNumber(cell('hours'));
    if (n === null) add('hours', '申请学时须为数字，可不填（按每半天学时自动计算）');
    else hours = n;
  }
  if (problems.length) return { problems: sortProblems(HOURS_COLUMNS, problems) };

  // The form's schema: lengths, 申请学时 > 0 — messages as the form shows them.
  const parsed = RecordInput.safeParse({
    activityType,
    title: cell('title').text,
    organizer: cell('organizer').text,
    place: cell('place').text,
    startDate,
    startHalf,
    endDate,
    endHalf,
    hours,
    remarks: cell('remarks').text,
    declared: true,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const k = String(issue.path[0] ?? '') as Key;
      problems.push({ column: H[k] ?? null, reason: issue.message });
    }
    return { problems: sortProblems(HOURS_COLUMNS, problems) };
  }
  const d = parsed.data;
  return {
    value: {
      idNumber,
      name: cell('name').text.replace(/\s+/g, ''),
      activityType: d.activityType,
      title: d.title,
      organizer: d.organizer,
      place: d.place,
      startDate: d.startDate,
      startHalf: d.startHalf,
      endDate: d.endDate,
      endHalf: d.endHalf,
      appliedHours: d.hours,
      remarks: d.remarks,
    },
  };
}

const FIELD_HEADER: Record<string, string> = {
  startDate: H.startDate,
  endDate: H.endDate,
  hours: H.hours,
  startHalf: H.startHalf,
  endHalf: H.endHalf,
};
const recordKey = (accountId: number, r: { startDate: string; startHalf: string; endDate: string; endHalf: string }) =>
  `${accountId}|${r.startDate}|${r.startHalf}|${r.endDate}|${r.endHalf}`;

/**
 * A list as one array parameter, written as an array literal (`= ANY('{…}'::integer[])`): one bind
 * parameter instead of 1,000 (far cheaper for Drizzle to build), the same text on PostgreSQL and PGlite,
 * and the planner still sees the list's length and uses the index. Only digits (and X) go in.
 */
const anyId = (values: number[]) => sql`ANY(${`{${values.map((v) => Math.trunc(v)).join(',')}}`}::integer[])`;

/** The non-rejected records of these people by key (person + start + end) → the refusal naming the record. */
async function existingKeys(db: Db, accountIds: number[]): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  const batch = importLimits().batchSize;
  for (let i = 0; i < accountIds.length; i += batch) {
    const ids = accountIds.slice(i, i + batch);
    const { rows } = await db.execute<{
      id: number;
      account_id: number;
      title: string;
      status: RecordStatus;
      start_date: string;
      start_half: string;
      end_date: string;
      end_half: string;
    }>(sql`
      SELECT id, account_id, title, status, start_date::text AS start_date, start_half, end_date::text AS end_date, end_half FROM hour_records
      WHERE account_id = ${anyId(ids)} AND status <> 'rejected'`);
    for (const r of rows) {
      const key = recordKey(Number(r.account_id), {
        startDate: r.start_date,
        startHalf: r.start_half,
        endDate: r.end_date,
        endHalf: r.end_half,
      });
      if (!keys.has(key)) {
        keys.set(
          key,
          ruleMessages.DUPLICATE_RECORD({
            id: Number(r.id),
            title: r.title,
            startDate: r.start_date,
            endDate: r.end_date,
            statusLabel: RECORD_STATUS_LABEL[r.status as RecordStatus],
          }),
        );
      }
    }
  }
  return keys;
}

class HoursValidator implements BatchValidator<HoursParsedRow, HoursImportRow> {
  private readonly plans = new Map<number, Plan | null>();
  /** Person + start + end of the good rows so far → their row number (duplicates inside the file). */
  private readonly seen = new SeenRows();
  private readonly today = shanghaiDate();
  constructor(private readonly ctx: Caller) {}

  private readonly rules = new Map<Plan, RecordRules>();
  private rulesOf(plan: Plan): RecordRules {
    if (!this.rules.has(plan)) this.rules.set(plan, recordRulesOf(plan, this.today));
    return this.rules.get(plan)!;
  }

  private async plan(year: number) {
    if (!this.plans.has(year)) this.plans.set(year, await planOf(this.ctx.db, year));
    return this.plans.get(year)!;
  }

  async check(rows: Array<{ rowNumber: number; value: HoursParsedRow }>): Promise<Array<RowCheck<HoursImportRow>>> {
    const idNumbers = [...new Set(rows.map((r) => r.value.idNumber))];
    const people = idNumbers.length
      ? await this.ctx.db
          .select({ id: accounts.id, name: accounts.name, unitId: accounts.unitId, idNumber: accounts.idNumber })
          .from(accounts)
          .where(and(eq(accounts.kind, 'professional'), idNumberIn(idNumbers), personScope(this.ctx.actor)))
      : [];
    const byId = new Map(people.map((p) => [normalizeIdNumber(p.idNumber ?? ''), p]));
    const existing = await existingKeys(
      this.ctx.db,
      people.map((p) => p.id),
    );
    const years = new Set(rows.map((r) => Number(r.value.startDate.slice(0, 4))));
    for (const y of years) await this.plan(y);
    const snap = await plansSnapshot(this.ctx.db);

    return rows.map(({ rowNumber, value: p }): RowCheck<HoursImportRow> => {
      const problems: ImportProblem[] = [];
      const person = byId.get(p.idNumber);
      if (!person)
        problems.push({
          column: H.idNumber,
          reason: '系统中没有该身份证号码的专业技术人员，或该人员不在您的管理范围内',
        });
      else if (person.name.replace(/\s+/g, '') !== p.name)
        problems.push({ column: H.name, reason: '姓名与身份证号码不一致' });

      const year = Number(p.startDate.slice(0, 4));
      const plan = this.plans.get(year) ?? null;
      const closed = yearClosedIn(snap, year, person ? { personId: person.id, unitId: person.unitId } : {});
      let hours = 0;
      if (closed) problems.push({ column: H.startDate, reason: registrationRefusal(closed) });
      else {
        const r = checkRecord(
          {
            activityType: p.activityType,
            startDate: p.startDate,
            startHalf: p.startHalf,
            endDate: p.endDate,
            endHalf: p.endHalf,
            hours: p.appliedHours,
          },
          this.rulesOf(plan!),
        );
        if (r.ok) hours = r.hours;
        else for (const v of r.violations) problems.push({ column: FIELD_HEADER[v.field] ?? null, reason: v.reason });
      }
      if (!problems.length && person) {
        const first = this.seen.get(person.id, p);
        if (first !== undefined) problems.push({ column: null, reason: `与第${first}行重复：同一人员、相同起止时间` });
        else if (existing.has(recordKey(person.id, p)))
          problems.push({ column: null, reason: existing.get(recordKey(person.id, p))! });
        else this.seen.add(person.id, p, rowNumber);
      }
      if (problems.length) return { rowNumber, problems: sortProblems(HOURS_COLUMNS, problems) };
      // Spelled out rather than spread: a literal keeps V8's compact object layout (a spread copy of
      // this many properties takes ~4 times the memory, and 100,000 of them are held).
      return {
        rowNumber,
        value: {
          rowNumber,
          accountId: person!.id,
          unitId: person!.unitId,
          year,
          hours,
          idNumber: p.idNumber,
          name: p.name,
          activityType: p.activityType,
          title: p.title,
          organizer: p.organizer,
          place: p.place,
          startDate: p.startDate,
          startHalf: p.startHalf,
          endDate: p.endDate,
          endHalf: p.endHalf,
          appliedHours: p.appliedHours,
          remarks: p.remarks,
        },
      };
    });
  }
}

// Serializes imports into one unit, so two files (or two clicks) cannot both pass the duplicate check.
const IMPORT_LOCK_CLASS = UNIT_IMPORT_LOCK;

export const hoursRegistrationImport: ImportKindDef<HoursParsedRow, HoursImportRow> = {
  kind: 'hours-registration',
  title: '导入学员培训信息',
  templateFileName: '导入学员培训信息模板.xlsx',
  sheetName: '学员培训信息',
  columns: HOURS_COLUMNS,
  instructions: () => [
    '本模板用于【学时管理—专业科目学时登记】的批量登记：①下载模板并按提示填写完整；②导入模板；③查看导入结果。',
    fillInLine('学员培训信息', '一条培训记录'),
    ...columnLines(HOURS_COLUMNS),
    '开始和结束须在同一年度（不能跨年登记），且该年度的专业科目学时仍在登记期内（截止日期以年度计划为准）。',
    '同一人员起止时间相同的记录不能重复登记：文件内重复，或与系统中已有的（未被“不予认定”的）记录重复，均视为错误。',
    `${fileLimitLine()}公式单元格按其显示的值读取。`,
    '文件中有任何一行错误时，默认整个文件都不导入；可在导入结果中下载错误报告（含“错误原因”列）修改后重新导入，或选择“仅导入正确的行”。',
    '导入成功的记录为“待提交”状态，请在【专业科目学时登记】中核对后点击“批量提交审核”。',
  ],
  exampleRow: () => {
    const { start, end } = exampleDates();
    return [
      exampleIdNumber(),
      '刘晓玲',
      ACTIVITY_TYPE_LABEL.training,
      '医院感染预防与控制专题培训班',
      '广西壮族自治区卫生健康委员会',
      '南宁市',
      start,
      '上午',
      end,
      '下午',
      16,
      '',
    ];
  },
  parseRow,
  cellsOf: (r) => [
    r.idNumber,
    r.name,
    ACTIVITY_TYPE_LABEL[r.activityType],
    r.title,
    r.organizer,
    r.place,
    r.startDate,
    HALF_DAY_LABEL[r.startHalf],
    r.endDate,
    HALF_DAY_LABEL[r.endHalf],
    r.appliedHours === undefined ? '' : String(r.appliedHours),
    r.remarks,
  ],
  createValidator: (ctx) => new HoursValidator(ctx),

  async recheck(tx, ctx, rows) {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_CLASS}, ${ctx.actor.unitId ?? 0})`);
    const late = new Map<number, ImportProblem[]>();
    // A batch at a time: the rows come back from disk, and only their own people's records are looked up.
    for await (const batch of rows.batches(importLimits().batchSize)) {
      const snap = await plansSnapshot(tx);
      const existing = await existingKeys(tx, [...new Set(batch.map((r) => r.accountId))]);
      for (const r of batch) {
        const closed = yearClosedIn(snap, r.year, { personId: r.accountId, unitId: r.unitId });
        if (closed) late.set(r.rowNumber, [{ column: H.startDate, reason: closed.reason }]);
        else if (existing.has(recordKey(r.accountId, r)))
          late.set(r.rowNumber, [{ column: null, reason: existing.get(recordKey(r.accountId, r))! }]);
      }
    }
    return late;
  },

  /**
   * A bulk load can multiply a unit's records in seconds, long before autovacuum's next ANALYZE; until
   * then the planner sizes hour_records by its old statistics, and the pages of the lists and exports
   * turn from index range scans into a scan and sort of the whole unit (measured on the embedded
   * database: 1.3 s instead of 5 ms per page of the 100,000-row export). PostgreSQL's advice after a
   * bulk load is ANALYZE; it runs inside the import's transaction (it counts the transaction's own new
   * rows), before the job reports done, so the first list opened afterwards is already planned for
   * them. Best effort: a failure rolls back to the savepoint and the import goes on.
   */
  async afterWrite(tx, imported) {
    if (imported < 5000) return;
    await tx.transaction((sp) => sp.execute(sql`ANALYZE hour_records, hour_record_events`)).catch(() => undefined);
  },

  /**
   * The records through the registration command (hours/register-record.ts registerRecords): one
   * statement per batch writes the rows and their 'create' history entries; the whole file has the one
   * audit entry run-import.ts writes.
   */
  async write(tx, ctx, rows, progress) {
    // Quarter batches: each batch's JSON stays a small, short-lived string instead of a large object.
    const batch = Math.max(50, Math.floor(importLimits().batchSize / 4));
    const at = now();
    let written = 0;
    for await (const part of rows.batches(batch)) {
      written += (await registerRecords(tx, ctx, part, { source: 'import', auditEach: false, at })).length;
      await progress(written);
    }
    return written;
  },
};
