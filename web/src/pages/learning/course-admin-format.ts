import { COURSE_KIND_LABEL, type CoursePlanUse } from '@ptce/contracts';

/** "2026年必修课、2024年必修课" — the plan years that use a course, newest first; null when none. */
export function planUsesText(plans: readonly CoursePlanUse[]): string | null {
  return plans.length ? plans.map((p) => `${p.year}年${COURSE_KIND_LABEL[p.kind]}`).join('、') : null;
}

/** 512 B, 34 KB, 12.5 MB, 1.2 GB. */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
}

/** The server's own wording for a file over the limit (manage-chapters.ts), checked before sending. */
export function tooLargeText(maxBytes: number): string {
  return `文件不能超过${Math.round(maxBytes / 1024 / 1024)}MB`;
}

/** What the file picker offers: the server's content types and their usual extensions. */
export function acceptOf(kind: 'pdf' | 'video', types: readonly string[]): string {
  const extensions = kind === 'pdf' ? ['.pdf'] : ['.mp4', '.m4v', '.webm', '.ogv', '.ogg'];
  return [...extensions, ...types].join(',');
}
