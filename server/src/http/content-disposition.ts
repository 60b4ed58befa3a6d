/**
 * A Content-Disposition header that carries a Chinese file name to Chrome, Firefox and Edge:
 * an ASCII fallback plus the RFC 5987 UTF-8 form.
 */
export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'download';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The extension each stored type downloads with. */
const EXTENSION_OF: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'video/mp4': '.mp4',
  'video/webm': '.webm',
  'video/ogg': '.ogv',
  'text/plain': '.txt',
  'text/csv': '.csv',
  'application/msword': '.doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.ms-excel': '.xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/vnd.ms-powerpoint': '.ppt',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': '.pptx',
  'application/zip': '.zip',
};

/**
 * A download's file name ends with the extension of its type as the server detected it, whatever the
 * uploader called it: a PDF uploaded as `evil.html` downloads as `evil.pdf`, so the saved file opens
 * in a PDF reader and never as a web page. A type without a known extension gets `.bin`.
 */
export function nameByType(fileName: string, mime: string): string {
  const type = mime.split(';')[0]!.trim().toLowerCase();
  const ext = EXTENSION_OF[type] ?? '.bin';
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const stem = (dot > 0 ? base.slice(0, dot) : base).trim() || 'download';
  return `${stem}${ext}`;
}
