import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { nameByType } from '../../http/content-disposition';

/** Bytes to send: a FileStore object or a text kept in the database. */
export interface ByteSource {
  size: number;
  open(range?: { start: number; end: number }): Readable | Buffer;
}

/**
 * One `bytes=` range (RFC 9110 §14.1.2): `a-b`, `a-` or `-n`. Several ranges, or a malformed header,
 * are ignored (the whole file is sent, which the RFC allows); a range outside the file is
 * 'unsatisfiable' (416).
 */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== '' && Number(m[2]) < start) return null;
  }
  if (start >= size || size === 0) return 'unsatisfiable';
  return { start, end };
}

/**
 * Content-Disposition that keeps a Chinese file name: an ASCII fallback for old clients and the
 * UTF-8 name in filename* (RFC 6266 / RFC 5987).
 */
export function contentDisposition(type: 'attachment' | 'inline', fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot).replace(/[^\x20-\x7e]|["\\]/g, '') : '';
  const base = (dot > 0 ? fileName.slice(0, dot) : fileName).replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const fallback = /^_*$/.test(base) ? `download${ext}` : `${base}${ext}`;
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Sends a file with Range support: 200 with Accept-Ranges, 206 with Content-Range, or 416. */
export function sendBytes(
  req: FastifyRequest,
  reply: FastifyReply,
  src: ByteSource,
  opts: { mimeType: string; fileName: string; disposition: 'attachment' | 'inline' },
) {
  reply
    .header('accept-ranges', 'bytes')
    .header('content-type', opts.mimeType)
    .header('content-disposition', contentDisposition(opts.disposition, nameByType(opts.fileName, opts.mimeType)))
    .header('cache-control', 'private, no-cache');
  const range = parseRange(req.headers.range, src.size);
  if (range === 'unsatisfiable') {
    return reply.status(416).header('content-range', `bytes */${src.size}`).send();
  }
  if (range) {
    reply
      .status(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${src.size}`)
      .header('content-length', range.end - range.start + 1);
    return reply.send(req.method === 'HEAD' ? undefined : src.open(range));
  }
  reply.status(200).header('content-length', src.size);
  return reply.send(req.method === 'HEAD' ? undefined : src.open());
}

/** A text kept in the database as a byte source. */
export function textSource(text: string): ByteSource {
  const buf = Buffer.from(text, 'utf8');
  return { size: buf.length, open: (r) => (r ? buf.subarray(r.start, r.end + 1) : buf) };
}
