// Test support for the imports area: real workbooks built with ExcelJS, hand-made zips for the
// refusals, and the multipart upload the web page sends. Used by the tests and bench/excel.ts only.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { PassThrough } from 'node:stream';
import ExcelJS, { type CellValue } from 'exceljs';
import { HOURS_COLUMNS } from '../../src/modules/excel/index';

export const HOURS_HEADERS = HOURS_COLUMNS.map((c) => c.header);

export interface HoursRow {
  idNumber: CellValue;
  name: CellValue;
  activityType?: CellValue;
  title?: CellValue;
  organizer?: CellValue;
  place?: CellValue;
  startDate?: CellValue;
  startHalf?: CellValue;
  endDate?: CellValue;
  endHalf?: CellValue;
  hours?: CellValue;
  remarks?: CellValue;
}

export function hoursRowValues(r: HoursRow): CellValue[] {
  return [
    r.idNumber,
    r.name,
    r.activityType ?? '培训班/研修班/进修班',
    r.title ?? '医院感染预防与控制专题培训班',
    r.organizer ?? '广西壮族自治区卫生健康委员会',
    r.place ?? '南宁市',
    r.startDate ?? '2024-05-06',
    r.startHalf ?? '上午',
    r.endDate ?? '2024-05-07',
    r.endHalf ?? '下午',
    r.hours ?? null,
    r.remarks ?? null,
  ];
}

/** A workbook like a filled-in template: one data sheet, header in row 1, ID and date columns as text. */
export async function hoursWorkbook(
  rows: HoursRow[],
  opts: { headers?: string[]; sheetName?: string; instructionsFirst?: boolean } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (opts.instructionsFirst) wb.addWorksheet('说明').addRow(['填写说明']);
  const ws = wb.addWorksheet(opts.sheetName ?? '学员培训信息');
  const headers = opts.headers ?? HOURS_HEADERS;
  ws.addRow(headers);
  for (const c of [1, 7, 9]) ws.getColumn(c).numFmt = '@';
  for (const r of rows) {
    const values = hoursRowValues(r);
    ws.addRow(headers.map((h) => values[HOURS_HEADERS.indexOf(h)] ?? null));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same, written with ExcelJS's streaming writer (inline strings, data descriptors) — for big files. */
export async function hoursWorkbookStreamed(count: number, row: (i: number) => HoursRow): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('学员培训信息');
  ws.addRow(HOURS_HEADERS).commit();
  for (let i = 0; i < count; i++) ws.addRow(hoursRowValues(row(i))).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

export async function readWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

export interface ZipPart {
  name: string;
  data: Buffer;
  /** Override the sizes written in the headers (a lying zip). */
  declaredSize?: number;
  encrypted?: boolean;
  /** Written as a local entry but left out of the central directory. */
  hidden?: boolean;
}

/** A minimal zip writer (deflate, sizes in the local headers), for files no spreadsheet program would write. */
export function buildZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const comp = zlib.deflateRawSync(p.data);
    const crc = zlib.crc32 ? zlib.crc32(p.data) : 0;
    const size = p.declaredSize ?? p.data.length;
    const flags = 0x0800 | (p.encrypted ? 1 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, comp);
    if (!p.hidden) centrals.push(central, name);
    offset += local.length + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const listed = parts.filter((p) => !p.hidden).length;
  end.writeUInt16LE(listed, 8);
  end.writeUInt16LE(listed, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The parts of an .xlsx (as ExcelJS wrote it), to rebuild it with extra or altered entries. */
export function unzipParts(buf: Buffer): ZipPart[] {
  const parts: ZipPart[] = [];
  let end = buf.length - 22;
  while (buf.readUInt32LE(end) !== 0x06054b50) end--;
  let p = buf.readUInt32LE(end + 16);
  const count = buf.readUInt16LE(end + 10);
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const compSize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const off = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const dataStart = off + 30 + buf.readUInt16LE(off + 26) + buf.readUInt16LE(off + 28);
    const raw = buf.subarray(dataStart, dataStart + compSize);
    parts.push({ name, data: method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return parts;
}

/**
 * A password-protected workbook as Office saves it: an OLE compound file holding EncryptionInfo and
 * EncryptedPackage.
 */
export function encryptedWorkbook(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  const dir = Buffer.alloc(512);
  Buffer.from('EncryptionInfo', 'utf16le').copy(dir, 0);
  Buffer.from('EncryptedPackage', 'utf16le').copy(dir, 128);
  return Buffer.concat([header, dir, crypto.randomBytes(2048)]);
}

/** An old .xls: also an OLE compound file, without the encryption streams. */
export function legacyXls(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  const dir = Buffer.alloc(512);
  Buffer.from('Workbook', 'utf16le').copy(dir, 0);
  return Buffer.concat([header, dir]);
}

/** The multipart body a browser sends for <input type=file>. */
export function multipartFile(data: Buffer, fileName: string): { payload: Buffer; contentType: string } {
  const boundary = `----ptce${crypto.randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    'utf8',
  );
  return {
    payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** 批量导入单位: a workbook like the filled-in template (统一社会信用代码 and 联系电话 as text). */
export async function unitsWorkbook(rows: Array<Array<CellValue>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('单位信息');
  ws.addRow(['单位名称', '统一社会信用代码', '所在地区', '行业', '主管部门', '联系人', '联系电话', '单位类型']);
  for (const c of [2, 3, 7]) ws.getColumn(c).numFmt = '@';
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
