import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';

export interface ReceivedFile {
  fileName: string;
  data: Buffer;
}

export const MALFORMED_UPLOAD_MESSAGE = '上传的内容不完整或格式不正确，请重新选择文件上传';

function malformed(reason: string): AppError {
  return new AppError('MALFORMED_UPLOAD', MALFORMED_UPLOAD_MESSAGE, [{ field: 'file', reason }]);
}

/**
 * The one file of a multipart/form-data upload, read into memory within `maxBytes`. Every upload
 * route reads its file here, so a body that is not multipart answers 415, one over the size 413 with
 * the route's own message, and one the multipart parser cannot read (a missing or wrong boundary,
 * broken part headers, a body cut short, more than one file) 400 MALFORMED_UPLOAD — never 500.
 * A request the browser abandoned is left to the error handler (499).
 */
export async function receiveFile(
  req: FastifyRequest,
  opts: { maxBytes: number; tooLarge: string; missing: string },
): Promise<ReceivedFile> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA', '请以multipart/form-data上传文件');
  const fail = (e: unknown): never => {
    if (e instanceof AppError) throw e;
    if (req.raw.destroyed && !req.raw.complete) throw e;
    const err = e as { code?: string; message?: string };
    if (err.code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('PAYLOAD_TOO_LARGE', opts.tooLarge, [{ field: 'file', reason: '文件过大' }]);
    if (err.code === 'FST_FILES_LIMIT') throw malformed('一次只能上传一个文件');
    if (err.code === 'FST_PARTS_LIMIT' || err.code === 'FST_FIELDS_LIMIT') throw malformed('表单字段过多');
    throw malformed(err.message ? `multipart: ${err.message}` : 'multipart body could not be parsed');
  };
  const file = await req.file({ limits: { fileSize: opts.maxBytes, files: 1 } }).catch(fail);
  if (!file) throw new AppError('VALIDATION', opts.missing, [{ field: 'file', reason: opts.missing }]);
  const data = await file.toBuffer().catch(fail);
  // The parser reports a limit hit after the file as a flag, not an error.
  if (file.file.truncated)
    throw new AppError('PAYLOAD_TOO_LARGE', opts.tooLarge, [{ field: 'file', reason: '文件过大' }]);
  return { fileName: file.filename, data };
}
