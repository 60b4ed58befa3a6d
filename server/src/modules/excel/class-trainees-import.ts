import { TRAINEE_RESULT_LABEL, type ImportProblem, type TraineeResult } from '@ptce/contracts';
import { now, shanghaiDate } from '../../clock';
import { idCheckChar, normalizeIdNumber, validateIdNumber } from '../../domain/id-number';
import { AppError } from '../../errors';
import type { Caller } from '../auth/index';
import {
  assertTraineesOpen,
  findClass,
  flagOverlaps,
  resolveTrainees,
  RESULT_BY_LABEL,
  writeTrainees,
  type ClassRecord,
  type ResolvedTrainee,
  type TraineeProblem,
} from '../classes/index';
import { cellNumber } from './cell-values';
import {
  sortProblems,
  type BatchValidator,
  type ImportColumn,
  type ImportKindDef,
  type RowCheck,
  type SheetRow,
} from './import-kind';
import { importLimits } from './limits';
import { ALL_OR_NOTHING_LINE, columnLines, fileLimitLine, fillInLine } from './instruction-lines';

/**
 * 导入学员学时 — after a class, its organiser imports the trainees (姓名, 身份证号码, 工作单位, 实际学时 ≤ 项目学时,
 * 考核结果). All or nothing: one bad row and nothing is imported. Each 合格 trainee's hours land as an approved
 * record with the class as its source; a person not yet in the system is created for their 注册 to claim
 * (classes writeTrainees). Trainees who also attend another class at the same time are flagged in the result.
 */
const H = {
  name: '姓名',
  idNumber: '身份证号码',
  unit: '工作单位',
  hours: '实际学时',
  result: '考核结果',
} as const;
type Key = keyof typeof H;
const RESULT_OPTIONS = Object.values(TRAINEE_RESULT_LABEL);

export const CLASS_TRAINEE_COLUMNS: readonly (ImportColumn & { key: Key })[] = [
  { key: 'name', header: H.name, required: true, width: 12, hint: '学员姓名，须与身份证号码一致' },
  {
    key: 'idNumber',
    header: H.idNumber,
    required: true,
    width: 22,
    text: true,
    hint: '18位公民身份号码（末位可为X），请以文本格式填写；同一人在本文件中只能出现一次',
  },
  {
    key: 'unit',
    header: H.unit,
    required: true,
    width: 32,
    hint: '学员的工作单位全称；尚未在系统中注册的学员，须填写系统中已有单位的全称或统一社会信用代码',
  },
  {
    key: 'hours',
    header: H.hours,
    required: true,
    width: 10,
    hint: '学员实际获得的学时，大于0且不超过培训班的项目学时，最多1位小数',
  },
  {
    key: 'result',
    header: H.result,
    required: true,
    width: 10,
    options: RESULT_OPTIONS,
    hint: `从下拉列表中选择：${RESULT_OPTIONS.join('、')}；考核合格的学员学时直接通过认定`,
  },
];
const COL = Object.fromEntries(CLASS_TRAINEE_COLUMNS.map((c, i) => [c.key, i])) as Record<Key, number>;

export interface TraineeParsedRow {
  name: string;
  idNumber: string;
  unit: string;
  hours: number;
  result: TraineeResult;
}
export type TraineeImportRow = ResolvedTrainee;

function parseRow(row: SheetRow, today: string): { value: TraineeParsedRow } | { problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const cell = (k: Key) => row.cells[COL[k]]!;
  const add = (k: Key, reason: string) => problems.push({ column: H[k], reason });
  for (const c of CLASS_TRAINEE_COLUMNS) {
    const v = cell(c.key);
    if (v.kind === 'error') add(c.key, `单元格是错误值${v.text}，请填写实际内容`);
    else if (c.required && v.kind === 'empty') add(c.key, `请填写${c.header}`);
  }
  const failed = new Set(problems.map((p) => p.column));
  const ok = (k: Key) => !failed.has(H[k]);
  const name = cell('name').text.trim();
  if (ok('name') && name.length > 30) add('name', '姓名不能超过30个字');
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
  const unit = cell('unit').text.trim();
  if (ok('unit') && unit.length > 100) add('unit', '工作单位不能超过100个字');
  const hours = cellNumber(cell('hours'));
  if (ok('hours')) {
    if (hours === null) add('hours', '实际学时应为数字，如24或3.5');
    else if (!(hours > 0)) add('hours', '实际学时必须大于0');
    else if (Math.round(hours * 10) !== hours * 10) add('hours', '实际学时最多保留1位小数');
  }
  const result = RESULT_BY_LABEL.get(cell('result').text.replace(/\s+/g, ''));
  if (ok('result') && !result) add('result', `考核结果应为：${RESULT_OPTIONS.join('、')}`);
  if (problems.length) return { problems: sortProblems(CLASS_TRAINEE_COLUMNS, problems) };
  return { value: { name, idNumber, unit, hours: hours!, result: result! } };
}

const problemsOf = (ps: TraineeProblem[]): ImportProblem[] =>
  sortProblems(
    CLASS_TRAINEE_COLUMNS,
    ps.map((p) => ({ column: H[p.field], reason: p.reason })),
  );

const classOf = async (ctx: Caller, target: number | null): Promise<ClassRecord> => {
  if (target === null) throw new AppError('NOT_FOUND', '培训班不存在或无权访问');
  return findClass(ctx, ctx.db, target);
};

class TraineesValidator implements BatchValidator<TraineeParsedRow, TraineeImportRow> {
  private cls: ClassRecord | null = null;
  /** ID number (keyed hash) → the row that had it first. */
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly ctx: Caller,
    private readonly target: number | null,
  ) {}

  async check(rows: Array<{ rowNumber: number; value: TraineeParsedRow }>): Promise<Array<RowCheck<TraineeImportRow>>> {
    this.cls ??= await classOf(this.ctx, this.target);
    const checked = await resolveTrainees(
      this.ctx.db,
      this.ctx.actor,
      this.cls,
      rows.map((r) => ({ rowNumber: r.rowNumber, ...r.value })),
      shanghaiDate(),
      this.seen,
    );
    return checked.map((c) =>
      'problems' in c
        ? { rowNumber: c.rowNumber, problems: problemsOf(c.problems) }
        : { rowNumber: c.rowNumber, value: c.value },
    );
  }
}

/** The class can take trainees now (ended, its year open): checked before the file is accepted. */
export async function assertClassImportable(ctx: Caller, classId: number): Promise<void> {
  await assertTraineesOpen(ctx.db, await findClass(ctx, ctx.db, classId));
}

function exampleIdNumber(): string {
  const first17 = '45010219850611002';
  return first17 + idCheckChar(first17);
}

export const classTraineesImport: ImportKindDef<TraineeParsedRow, TraineeImportRow> = {
  kind: 'class-trainees',
  title: '导入学员学时',
  templateFileName: '导入学员学时模板.xlsx',
  sheetName: '学员学时',
  columns: CLASS_TRAINEE_COLUMNS,
  allOrNothing: true,
  instructions: () => [
    '本模板用于培训班结束后【导入学员学时】：①下载模板并按提示填写；②在培训班页面导入模板；③查看导入结果。',
    fillInLine('学员学时', '一名学员'),
    ...columnLines(CLASS_TRAINEE_COLUMNS),
    '考核合格的学员，其学时作为专业科目学时直接通过认定，来源为本培训班（含举办机构和备案号），学员无需登记、单位无需审核。',
    '尚未注册的学员由系统建立人员信息；学员日后以同一身份证号码和姓名注册时，即可在学时查询中看到本培训班的学时。',
    '同一学员不能在同一培训班重复登记；与其本人其他培训班时间重叠的，导入结果中会提示并在学员名单中标记。',
    fileLimitLine(),
    ALL_OR_NOTHING_LINE,
  ],
  exampleRow: () => ['黄志强', exampleIdNumber(), '南宁市第一人民医院', 24, TRAINEE_RESULT_LABEL.passed],
  parseRow: (row, today) => parseRow(row, today),
  cellsOf: (r) => [r.name, r.idNumber, r.unit, String(r.hours), TRAINEE_RESULT_LABEL[r.result]],
  createValidator: (ctx, target) => new TraineesValidator(ctx, target),

  async recheck(tx, ctx, rows, target) {
    // The class locked for the write: two imports (or 添加学员) of one class run one after the other.
    if (target === null) throw new AppError('NOT_FOUND', '培训班不存在或无权访问');
    const cls = await findClass(ctx, tx, target, { lock: true });
    await assertTraineesOpen(tx, cls);
    const late = new Map<number, ImportProblem[]>();
    const seen = new Map<string, number>();
    for await (const batch of rows.batches(importLimits().batchSize)) {
      const checked = await resolveTrainees(tx, ctx.actor, cls, batch, shanghaiDate(), seen);
      for (const c of checked) if ('problems' in c) late.set(c.rowNumber, problemsOf(c.problems));
    }
    return late;
  },

  async write(tx, ctx, rows, progress, out, target) {
    const cls = await findClass(ctx, tx, target!);
    const at = now();
    let written = 0;
    const rowOf = new Map<number, number>();
    for await (const batch of rows.batches(importLimits().batchSize)) {
      const ids = await writeTrainees(tx, ctx.actor, cls, batch, at);
      for (const [rowNumber, accountId] of ids) rowOf.set(accountId, rowNumber);
      written += batch.length;
      await progress(written);
    }
    const overlaps = await flagOverlaps(tx, cls, [...rowOf.keys()]);
    if (overlaps.size) {
      const rowsText = [...overlaps.keys()]
        .map((a) => rowOf.get(a)!)
        .sort((a, b) => a - b)
        .slice(0, 20)
        .join('、');
      out.note = `其中${overlaps.size}人与本人参加的其他培训班时间重叠（第${rowsText}${overlaps.size > 20 ? '等' : ''}行），已在学员名单中标记，请核实`;
    }
    return written;
  },
};
