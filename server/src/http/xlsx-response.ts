import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { XLSX_MIME } from '../modules/excel/index';
import { contentDisposition } from './content-disposition';

export function xlsxHeaders(reply: FastifyReply, fileName: string) {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', contentDisposition(fileName))
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff');
}

/** Streams a workbook to the response as it is written; an error midway aborts the download. */
export function streamXlsx(
  req: FastifyRequest,
  reply: FastifyReply,
  fileName: string,
  write: (out: PassThrough) => Promise<unknown>,
) {
  const out = new PassThrough();
  write(out).catch((err: unknown) => {
    req.log.error({ err }, 'xlsx export failed');
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return xlsxHeaders(reply, fileName).send(out);
}
