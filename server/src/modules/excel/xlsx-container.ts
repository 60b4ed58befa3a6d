import zlib from 'node:zlib';
import { AppError, type ErrorCode } from '../../errors';
import { mb, type ImportLimits } from './limits';

/**
 * The checks an uploaded workbook passes before any XML parser sees it. An .xlsx is a zip of XML
 * parts; everything here works on the raw bytes:
 *
 * - the type comes from the signature, never the name: a zip (PK\3\4) is a candidate; an OLE compound
 *   file (D0 CF 11 E0) is either a password-protected workbook (Office wraps encrypted .xlsx in one,
 *   with an "EncryptedPackage" stream) or an old .xls; anything else is refused;
 * - the zip's central directory is read and every entry must sit where the directory says, one after
 *   the other, with the same name and sizes in its local header — so the sequential reader ExcelJS
 *   uses (unzipper) sees exactly the entries checked here, no hidden ones;
 * - zip bomb: the declared uncompressed size of each part must stay under its own limit (the shared
 *   strings and the other parts read whole are limited far below the worksheets, which are streamed) and
 *   the total under the overall limit, and then every entry is
 *   actually inflated (streamed and discarded, never held) with a byte counter that stops at its
 *   declared size: an entry that inflates to more (or less) than it declares is refused, as is one
 *   with an absurd compression ratio;
 * - while inflating, the worksheets' <row> elements are counted, so the row limit is enforced and the
 *   progress bar knows its 100% before parsing starts.
 */

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  dataStart: number;
}

export interface XlsxInspection {
  entries: ZipEntry[];
  /** <row> elements per worksheet part (xl/worksheets/sheetN.xml), header and blank rows included. */
  rowsBySheet: Map<string, number>;
  uncompressedBytes: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_DESCRIPTOR = 0x08074b50;
const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
const MAX_ENTRIES = 10_000;
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
const SHARED_STRINGS = 'xl/sharedStrings.xml';

/**
 * The largest a part may be uncompressed. Worksheets are read row by row and bounded by the total and
 * the row limit; the shared strings and every other part are read whole into memory, so each has its own.
 */
export function partLimit(name: string, limits: ImportLimits): number {
  if (WORKSHEET.test(name)) return limits.maxUncompressedBytes;
  if (name === SHARED_STRINGS) return limits.maxSharedStringsBytes;
  return limits.maxPartBytes;
}

function refuse(code: ErrorCode, message: string): AppError {
  return new AppError(code, message, [{ field: 'file', reason: message }]);
}

export const NOT_XLSX = '文件不是Excel工作簿（.xlsx）。请下载模板，填写后以.xlsx格式导入';
export const ENCRYPTED = '文件设置了打开密码（已加密），系统无法读取。请在Excel中取消密码保护，另存为.xlsx后再导入';
export const LEGACY_XLS = '文件是Excel 97-2003（.xls）格式。请在Excel中另存为“Excel工作簿（*.xlsx）”后再导入';
export const CORRUPT = '文件已损坏或不完整，无法读取。请在Excel中重新保存后再导入';
const bombMessage = (limits: ImportLimits) =>
  `文件解压后的内容超过${mb(limits.maxUncompressedBytes)}或压缩比异常（可能是“压缩炸弹”），已拒绝。请只保留需要导入的数据后再导入`;
const partMessage = (name: string, limit: number) =>
  name === SHARED_STRINGS
    ? `文件中的文字内容（共享字符串）解压后超过${mb(limit)}，已拒绝（可能是“压缩炸弹”）。请只保留需要导入的数据，或拆分后分批导入`
    : `文件中的“${name.slice(0, 60)}”部分解压后超过${mb(limit)}，已拒绝（可能是“压缩炸弹”）。请在Excel中另存为新的.xlsx，只保留需要导入的数据后再导入`;
export const rowLimitMessage = (limits: ImportLimits) =>
  `数据行数超过上限：每个文件最多${limits.maxRows}行，请拆分后分批导入`;

/** The signature checks alone: what kind of file this is, or why it is refused. */
export function sniffWorkbook(buf: Buffer, limits: ImportLimits): void {
  if (buf.length === 0) throw refuse('VALIDATION', '文件为空，请选择填写好的模板文件');
  if (buf.length > limits.maxFileBytes)
    throw refuse('PAYLOAD_TOO_LARGE', `文件超过${mb(limits.maxFileBytes)}，请拆分后分批导入`);
  if (buf.length >= 8 && buf.subarray(0, 8).equals(CFB_SIGNATURE)) {
    throw refuse('UNSUPPORTED_MEDIA', buf.includes(ENCRYPTED_PACKAGE) ? ENCRYPTED : LEGACY_XLS);
  }
  if (buf.length < 22 || buf.readUInt32LE(0) !== SIG_LOCAL) throw refuse('UNSUPPORTED_MEDIA', NOT_XLSX);
}

function findEnd(buf: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === SIG_END) return i;
  }
  return -1;
}

function readDirectory(buf: Buffer): { entries: ZipEntry[]; cdOffset: number } {
  const end = findEnd(buf);
  if (end < 0) throw refuse('VALIDATION', CORRUPT);
  const count = buf.readUInt16LE(end + 10);
  const cdSize = buf.readUInt32LE(end + 12);
  const cdOffset = buf.readUInt32LE(end + 16);
  // Zip64 markers: no workbook within the size limit needs them.
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw refuse('VALIDATION', CORRUPT);
  if (count === 0 || count > MAX_ENTRIES || cdOffset + cdSize > end) throw refuse('VALIDATION', CORRUPT);
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || buf.readUInt32LE(p) !== SIG_CENTRAL) throw refuse('VALIDATION', CORRUPT);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (flags & 0x1) throw refuse('UNSUPPORTED_MEDIA', ENCRYPTED);
    if (method !== 0 && method !== 8) throw refuse('VALIDATION', CORRUPT);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff)
      throw refuse('VALIDATION', CORRUPT);
    if (names.has(name)) throw refuse('VALIDATION', CORRUPT);
    names.add(name);
    entries.push({ name, flags, method, compressedSize, size, localOffset, dataStart: -1 });
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (p !== cdOffset + cdSize) throw refuse('VALIDATION', CORRUPT);
  return { entries, cdOffset };
}

/** Every entry's local header agrees with the directory, and the entries tile the file up to the directory. */
function checkLocalHeaders(buf: Buffer, entries: ZipEntry[], cdOffset: number): void {
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let pos = 0;
  for (const e of byOffset) {
    if (e.localOffset !== pos || pos + 30 > cdOffset || buf.readUInt32LE(pos) !== SIG_LOCAL)
      throw refuse('VALIDATION', CORRUPT);
    const flags = buf.readUInt16LE(pos + 6);
    const nameLen = buf.readUInt16LE(pos + 26);
    const extraLen = buf.readUInt16LE(pos + 28);
    if (flags & 0x1) throw refuse('UNSUPPORTED_MEDIA', ENCRYPTED);
    if (buf.readUInt16LE(pos + 8) !== e.method) throw refuse('VALIDATION', CORRUPT);
    if (buf.toString('utf8', pos + 30, pos + 30 + nameLen) !== e.name) throw refuse('VALIDATION', CORRUPT);
    if (!(flags & 0x8) && (buf.readUInt32LE(pos + 18) !== e.compressedSize || buf.readUInt32LE(pos + 22) !== e.size)) {
      throw refuse('VALIDATION', CORRUPT);
    }
    e.dataStart = pos + 30 + nameLen + extraLen;
    pos = e.dataStart + e.compressedSize;
    if (flags & 0x8) pos += pos + 4 <= cdOffset && buf.readUInt32LE(pos) === SIG_DESCRIPTOR ? 16 : 12;
    if (pos > cdOffset) throw refuse('VALIDATION', CORRUPT);
  }
  if (pos !== cdOffset) throw refuse('VALIDATION', CORRUPT);
}

/** Counts row elements (`<row …>`, also namespace-prefixed `<x:row …>`; not `<rowBreaks>`) across chunk boundaries. */
class RowCounter {
  count = 0;
  private tail = '';
  private static readonly ROW = /<(?:[\w.-]+:)?row[\s>/]/g;
  push(chunk: Buffer): void {
    // Tags are ASCII, so latin1 is a faithful (and the cheapest) view for finding them.
    const text = this.tail + chunk.toString('latin1');
    RowCounter.ROW.lastIndex = 0;
    let last = 0;
    for (let m = RowCounter.ROW.exec(text); m; m = RowCounter.ROW.exec(text)) {
      this.count++;
      last = m.index + m[0].length;
    }
    // Keep a short tail (past the last match) so a tag split across chunks is found with the next one.
    this.tail = text.slice(Math.max(last, text.length - 32));
  }
}

/** Inflates one entry, discarding the output, and fails as soon as it passes `limit` bytes. */
function inflateEntry(
  buf: Buffer,
  e: ZipEntry,
  limit: number,
  onChunk: ((c: Buffer) => boolean) | null,
  limits: ImportLimits,
): Promise<number> {
  const data = buf.subarray(e.dataStart, e.dataStart + e.compressedSize);
  if (e.method === 0) {
    if (data.length > limit) return Promise.reject(refuse('PAYLOAD_TOO_LARGE', bombMessage(limits)));
    onChunk?.(data);
    return Promise.resolve(data.length);
  }
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
    let n = 0;
    let settled = false;
    const fail = (err: AppError) => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      reject(err);
    };
    inflate.on('data', (c: Buffer) => {
      n += c.length;
      if (n > limit) return fail(refuse('PAYLOAD_TOO_LARGE', bombMessage(limits)));
      if (onChunk && !onChunk(c)) return fail(refuse('PAYLOAD_TOO_LARGE', rowLimitMessage(limits)));
    });
    inflate.on('error', () => fail(refuse('VALIDATION', CORRUPT)));
    inflate.on('end', () => {
      if (settled) return;
      settled = true;
      // The deflate stream must use exactly the entry's bytes — no trailing data a reader could misparse.
      if (inflate.bytesWritten !== e.compressedSize) reject(refuse('VALIDATION', CORRUPT));
      else resolve(n);
    });
    inflate.end(data);
  });
}

/**
 * Refuses (AppError, nothing written) a file that is empty, too big, not an .xlsx, password-protected,
 * damaged, a zip bomb, or has more rows than allowed. Returns the entries and row counts.
 */
export async function inspectXlsx(buf: Buffer, limits: ImportLimits): Promise<XlsxInspection> {
  sniffWorkbook(buf, limits);
  const { entries, cdOffset } = readDirectory(buf);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw refuse('UNSUPPORTED_MEDIA', NOT_XLSX);
  checkLocalHeaders(buf, entries, cdOffset);

  let declared = 0;
  for (const e of entries) {
    const own = partLimit(e.name, limits);
    if (e.size > own) throw refuse('PAYLOAD_TOO_LARGE', partMessage(e.name, own));
    declared += e.size;
    const ratio = e.size / Math.max(e.compressedSize, 1);
    if (declared > limits.maxUncompressedBytes || (e.size > 1024 * 1024 && ratio > limits.maxRatio)) {
      throw refuse('PAYLOAD_TOO_LARGE', bombMessage(limits));
    }
  }

  const rowsBySheet = new Map<string, number>();
  let actual = 0;
  for (const e of entries) {
    const counter = WORKSHEET.test(e.name) ? new RowCounter() : null;
    // The header row plus at most maxRows data rows.
    const maxRowTags = limits.maxRows + 1;
    const n = await inflateEntry(
      buf,
      e,
      Math.min(e.size, limits.maxUncompressedBytes - actual),
      counter ? (c) => (counter.push(c), counter.count <= maxRowTags) : null,
      limits,
    );
    if (n !== e.size) throw refuse('VALIDATION', CORRUPT);
    actual += n;
    if (counter) rowsBySheet.set(e.name, counter.count);
  }
  return { entries, rowsBySheet, uncompressedBytes: actual };
}
