import { ContactPhone, UNIT_TYPE_LABEL, UnitInput, type ImportProblem } from '@ptce/contracts';

type UnitType = UnitInput['unitType'];
import { sql } from 'drizzle-orm';
import { regionPrefix } from '../../auth/scope';
import type { Db } from '../../db/client';
import { authorities, industries, regions } from '../../db/schema/index';
import { creditCodeCheckChar, normalizeCreditCode, validateCreditCode } from '../../domain/credit-code';
import type { Caller } from '../auth/index';
import { insertUnits, regionAllowed, type NewUnit } from '../org/index';
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
 * 批量导入单位 — the operator (province-wide) or an HR bureau (its region) creates units from Excel,
 * each with its 单位账号 as 新增单位 does (org insertUnits). Every row is checked like the form: the name,
 * the 统一社会信用代码 (GB 32100, not yet in the system, not twice in the file), 所在地区 (a city or county,
 * by name or code; an HR bureau's own region only), 行业 and 主管部门 (known by name), the contact.
 * All or nothing: a file with any bad row creates no unit. The new accounts' initial passwords are
 * offered once to the importer (run-import stores them encrypted on the job until downloaded).
 */

const H = {
  name: '单位名称',
  creditCode: '统一社会信用代码',
  region: '所在地区',
  industry: '行业',
  authority: '主管部门',
  contactName: '联系人',
  contactPhone: '联系电话',
  unitType: '单位类型',
} as const;
type Key = keyof typeof H;

const TYPE_BY_LABEL = new Map(Object.entries(UNIT_TYPE_LABEL).map(([k, v]) => [v, k as UnitType]));
const TYPE_OPTIONS = Object.values(UNIT_TYPE_LABEL);

export const UNIT_COLUMNS: readonly (ImportColumn & { key: Key })[] = [
  { key: 'name', header: H.name, required: true, width: 32, hint: '单位全称，不超过60个字' },
  {
    key: 'creditCode',
    header: H.creditCode,
    required: true,
    width: 22,
    text: true,
    hint: '18位统一社会信用代码（含校验码），将作为单位账号的用户名；不能与系统中已有单位或本文件其他行重复',
  },
  {
    key: 'region',
    header: H.region,
    required: true,
    width: 18,
    text: true,
    hint: '市或县（区）的名称或6位行政区划代码，如“南宁市”“南宁市青秀区”或450103；县区名称重名时请写上所属市',
  },
  { key: 'industry', header: H.industry, required: false, width: 16, hint: '行业名称或代码，须为系统中已有的行业' },
  {
    key: 'authority',
    header: H.authority,
    required: false,
    width: 30,
    hint: '主管部门全称，须为系统中已有的主管部门',
  },
  { key: 'contactName', header: H.contactName, required: false, width: 12, hint: '不超过30个字' },
  {
    key: 'contactPhone',
    header: H.contactPhone,
    required: false,
    width: 16,
    text: true,
    hint: '11位手机号码或带区号的固定电话，如0771-5551234',
  },
  {
    key: 'unitType',
    header: H.unitType,
    required: false,
    width: 12,
    options: TYPE_OPTIONS,
    hint: `从下拉列表中选择：${TYPE_OPTIONS.join('、')}；不填为“企业”`,
  },
];
const COL = Object.fromEntries(UNIT_COLUMNS.map((c, i) => [c.key, i])) as Record<Key, number>;

/** A row that passed the checks it can pass on its own. */
export interface UnitParsedRow {
  name: string;
  creditCode: string;
  region: string;
  industry: string;
  authority: string;
  contactName: string | null;
  contactPhone: string | null;
  unitType: UnitType;
}

/** A row ready to be written: what the names resolved to. */
export interface UnitImportRow extends UnitParsedRow {
  rowNumber: number;
  regionCode: string;
  industryCode: string | null;
  supervisingAuthorityId: number | null;
}

const squash = (s: string) => s.replace(/\s+/g, '');

function parseRow(row: SheetRow): { value: UnitParsedRow } | { problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const cell = (k: Key) => row.cells[COL[k]]!;
  const add = (k: Key, reason: string) => problems.push({ column: H[k], reason });
  for (const c of UNIT_COLUMNS) {
    const v = cell(c.key);
    if (v.kind === 'error') add(c.key, `单元格是错误值${v.text}，请填写实际内容`);
    else if (c.required && v.kind === 'empty') add(c.key, `请填写${c.header}`);
  }
  const failed = new Set(problems.map((p) => p.column));
  const ok = (k: Key) => !failed.has(H[k]);

  const name = UnitInput.shape.name.safeParse(cell('name').text);
  if (ok('name') && !name.success) add('name', name.error.issues[0]!.message);
  const creditCode = normalizeCreditCode(squash(cell('creditCode').text));
  if (ok('creditCode')) {
    const r = validateCreditCode(creditCode);
    if (!r.ok) add('creditCode', r.reason);
  }
  const contactName = cell('contactName').text.trim() || null;
  if (ok('contactName') && contactName && contactName.length > 30) add('contactName', '联系人姓名过长');
  let contactPhone: string | null = squash(cell('contactPhone').text) || null;
  if (ok('contactPhone') && contactPhone) {
    const r = ContactPhone.safeParse(contactPhone);
    if (!r.success) add('contactPhone', r.error.issues[0]!.message);
    else contactPhone = r.data;
  }
  let unitType: UnitType = 'enterprise';
  if (ok('unitType') && cell('unitType').kind !== 'empty') {
    const t = TYPE_BY_LABEL.get(squash(cell('unitType').text));
    if (!t) add('unitType', `单位类型应为：${TYPE_OPTIONS.join('、')}`);
    else unitType = t;
  }
  if (problems.length) return { problems: sortProblems(UNIT_COLUMNS, problems) };
  return {
    value: {
      name: name.success ? name.data : '',
      creditCode,
      region: squash(cell('region').text),
      industry: squash(cell('industry').text),
      authority: cell('authority').text.trim(),
      contactName,
      contactPhone,
      unitType,
    },
  };
}

interface Refs {
  /** Region by code, by name and by city name + county name (ambiguous names → null). */
  region: Map<string, { code: string; name: string } | null>;
  industry: Map<string, string>;
  authority: Map<string, number>;
}

async function loadRefs(db: Db): Promise<Refs> {
  const [regionRows, industryRows, authorityRows] = await Promise.all([
    db.select().from(regions),
    db.select().from(industries),
    db.select({ id: authorities.id, name: authorities.name }).from(authorities),
  ]);
  const region = new Map<string, { code: string; name: string } | null>();
  const byCode = new Map(regionRows.map((r) => [r.code, r]));
  const put = (key: string, v: { code: string; name: string }) =>
    region.set(key, region.has(key) && region.get(key)?.code !== v.code ? null : v);
  for (const r of regionRows) {
    if (r.level === 'province') continue;
    const v = { code: r.code, name: r.name };
    region.set(r.code, v);
    put(r.name, v);
    const parent = r.parentCode ? byCode.get(r.parentCode) : undefined;
    if (r.level === 'county' && parent) put(parent.name + r.name, v);
  }
  const industry = new Map<string, string>();
  for (const i of industryRows) {
    industry.set(i.code, i.code);
    industry.set(squash(i.name), i.code);
  }
  return { region, industry, authority: new Map(authorityRows.map((a) => [a.name, a.id])) };
}

/** The credit codes of this list already taken by a unit. */
async function takenCodes(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const { rows } = await db.execute<{ credit_code: string; name: string }>(
    sql`SELECT credit_code, name FROM units WHERE credit_code = ANY(${`{${codes.join(',')}}`}::text[])`,
  );
  const taken = new Map<string, string>();
  for (const r of rows) taken.set(r.credit_code, r.name);
  return taken;
}

const takenReason = (name: string) => `系统中已有该统一社会信用代码的单位：${name}`;

class UnitsValidator implements BatchValidator<UnitParsedRow, UnitImportRow> {
  private refs: Refs | null = null;
  private readonly seen = new Map<string, number>();
  constructor(private readonly ctx: Caller) {}

  async check(rows: Array<{ rowNumber: number; value: UnitParsedRow }>): Promise<Array<RowCheck<UnitImportRow>>> {
    this.refs ??= await loadRefs(this.ctx.db);
    const refs = this.refs;
    const taken = await takenCodes(this.ctx.db, [...new Set(rows.map((r) => r.value.creditCode))]);
    const actor = this.ctx.actor;
    return rows.map(({ rowNumber, value: p }): RowCheck<UnitImportRow> => {
      const problems: ImportProblem[] = [];
      const region = refs.region.get(p.region);
      if (region === null)
        problems.push({
          column: H.region,
          reason: `有多个地区名为“${p.region}”，请写上所属市（如“南宁市青秀区”）或填写6位代码`,
        });
      else if (!region)
        problems.push({ column: H.region, reason: `系统中没有地区“${p.region}”，请填写市或县（区）的名称或代码` });
      else if (!regionAllowed(actor, region.code))
        problems.push({
          column: H.region,
          reason: `“${region.name}”不在本辖区内：只能导入所在地区为本辖区（代码以${regionPrefix(actor.regionCode ?? '')}开头）的单位`,
        });
      const industryCode = p.industry ? (refs.industry.get(p.industry) ?? undefined) : null;
      if (industryCode === undefined) problems.push({ column: H.industry, reason: `系统中没有行业“${p.industry}”` });
      const authorityId = p.authority ? (refs.authority.get(p.authority) ?? undefined) : null;
      if (authorityId === undefined)
        problems.push({ column: H.authority, reason: `系统中没有主管部门“${p.authority}”，请填写主管部门全称` });
      const first = this.seen.get(p.creditCode);
      if (first !== undefined) problems.push({ column: H.creditCode, reason: `与第${first}行的统一社会信用代码重复` });
      else if (taken.has(p.creditCode))
        problems.push({ column: H.creditCode, reason: takenReason(taken.get(p.creditCode)!) });
      else this.seen.set(p.creditCode, rowNumber);
      if (problems.length || !region) return { rowNumber, problems: sortProblems(UNIT_COLUMNS, problems) };
      return {
        rowNumber,
        value: {
          rowNumber,
          ...p,
          regionCode: region.code,
          industryCode: industryCode ?? null,
          supervisingAuthorityId: authorityId ?? null,
        },
      };
    });
  }
}

// Serializes unit imports (and their re-check of the credit codes) across the province.
const UNITS_IMPORT_LOCK = 7306;

function exampleCreditCode(): string {
  const first17 = '12450100MB0A12345';
  return first17 + creditCodeCheckChar(first17);
}

export const unitsImport: ImportKindDef<UnitParsedRow, UnitImportRow> = {
  kind: 'units',
  title: '批量导入单位',
  templateFileName: '批量导入单位模板.xlsx',
  sheetName: '单位信息',
  columns: UNIT_COLUMNS,
  allOrNothing: true,
  instructions: () => [
    '本模板用于【单位管理】的批量导入：①下载模板并按提示填写完整；②导入模板；③查看导入结果，下载新单位账号的初始密码。',
    fillInLine('单位信息', '一个单位'),
    ...columnLines(UNIT_COLUMNS),
    '市、县人社局只能导入所在地区在本辖区内的单位。',
    fileLimitLine(),
    ALL_OR_NOTHING_LINE,
    '导入成功后，每个单位同时创建单位账号（用户名为统一社会信用代码），初始密码随机生成，7日内有效，首次登录须修改。初始密码清单只能下载一次，请妥善保管并告知各单位。',
  ],
  exampleRow: () => [
    '南宁市青秀区第一人民医院',
    exampleCreditCode(),
    '南宁市青秀区',
    '卫生和社会工作',
    '',
    '韦丽华',
    '0771-5551234',
    UNIT_TYPE_LABEL.institution,
  ],
  parseRow: (row) => parseRow(row),
  cellsOf: (r) => [
    r.name,
    r.creditCode,
    r.region,
    r.industry,
    r.authority,
    r.contactName ?? '',
    r.contactPhone ?? '',
    UNIT_TYPE_LABEL[r.unitType],
  ],
  createValidator: (ctx) => new UnitsValidator(ctx),

  async recheck(tx, _ctx, rows) {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${UNITS_IMPORT_LOCK}, 0)`);
    const late = new Map<number, ImportProblem[]>();
    for await (const batch of rows.batches(importLimits().batchSize)) {
      const taken = await takenCodes(
        tx,
        batch.map((r) => r.creditCode),
      );
      for (const r of batch)
        if (taken.has(r.creditCode))
          late.set(r.rowNumber, [{ column: H.creditCode, reason: takenReason(taken.get(r.creditCode)!) }]);
    }
    return late;
  },

  async write(tx, ctx, rows, progress, out) {
    let written = 0;
    for await (const batch of rows.batches(importLimits().batchSize)) {
      const units: NewUnit[] = batch.map((r) => ({
        name: r.name,
        creditCode: r.creditCode,
        regionCode: r.regionCode,
        industryCode: r.industryCode,
        supervisingAuthorityId: r.supervisingAuthorityId,
        unitType: r.unitType,
        contactName: r.contactName,
        contactPhone: r.contactPhone,
      }));
      const created = await insertUnits(tx, ctx, units, { importJobId: out.jobId });
      for (const c of created)
        out.credentials.push({
          name: c.name,
          username: c.account.username,
          password: c.account.password,
          expiresAt: c.account.expiresAt,
        });
      written += created.length;
      await progress(written);
    }
    return written;
  },
};
