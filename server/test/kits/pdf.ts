import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The text of a PDF, laid out as on the page (poppler's pdftotext). */
export function pdfText(pdf: Buffer): string {
  const file = path.join(
    os.tmpdir(),
    `ptce-pdf-${process.pid}-${Date.now()}-${Math.random().toString(16).slice(2)}.pdf`,
  );
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
  } finally {
    fs.rmSync(file, { force: true });
  }
}
