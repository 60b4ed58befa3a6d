import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { formatShanghai } from '../clock';

const require = createRequire(import.meta.url);
// Noto Serif SC (SIL OFL), shipped by an npm package so every install has it; pdfkit embeds only the glyphs used.
const FONT_REGULAR = require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf');

/** A PDF document with the Chinese serif registered as `cjk` and `cjk-bold`; `end()` gives its bytes. */
export function newPdf(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; end: () => Promise<Buffer> } {
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('cjk', FONT_REGULAR);
  doc.registerFont('cjk-bold', FONT_BOLD);
  return {
    doc,
    end: async () => {
      doc.end();
      await ended;
      return Buffer.concat(chunks);
    },
  };
}

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = 48;
/** The width between the margins. */
export const WIDTH = A4.width - 2 * MARGIN;

export interface ReportDocument {
  doc: PDFKit.PDFDocument;
  /** Writes the generation time at the foot of the last page, ends the document and returns its bytes. */
  finish: (generatedAt: Date) => Promise<Buffer>;
}

/**
 * An A4 report with the Chinese fonts registered as `cjk` and `cjk-bold`, its title centred at the top and a
 * grey subtitle under it (scope, data time …).
 */
export function openReport(title: string, subtitle: string, subject: string): ReportDocument {
  const { doc, end } = newPdf({ size: 'A4', margin: MARGIN, info: { Title: title, Subject: subject } });
  doc.font('cjk-bold').fontSize(18).text(title, { align: 'center' });
  doc.moveDown(0.3);
  doc.font('cjk').fontSize(10).fillColor('#555555').text(subtitle, { align: 'center' });
  doc.moveDown(0.8).fillColor('#1f1f1f');
  return {
    doc,
    finish: async (generatedAt) => {
      doc
        .font('cjk')
        .fontSize(8)
        .fillColor('#888888')
        .text(`生成时间：${formatShanghai(generatedAt)}`, MARGIN, A4.height - MARGIN + 12, { lineBreak: false });
      return end();
    },
  };
}

/** A section heading, on a new page when fewer than `room` points are left on this one. */
export function heading(doc: PDFKit.PDFDocument, text: string, room = 60): void {
  if (doc.y + room > A4.height - MARGIN) doc.addPage();
  doc.font('cjk-bold').fontSize(12).fillColor('#1f1f1f').text(text, MARGIN);
  doc.moveDown(0.2);
}

/**
 * A table under a heading: a bold header line, then one line per row, each cell cut with an ellipsis to its
 * column's width; it continues on a new page when the page is full.
 */
export function table(doc: PDFKit.PDFDocument, title: string, head: string[], widths: number[], rows: string[][]) {
  heading(doc, title);
  const line = (cells: string[], bold: boolean) => {
    if (doc.y + 16 > A4.height - MARGIN) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    doc.font(bold ? 'cjk-bold' : 'cjk').fontSize(8.5);
    cells.forEach((c, i) => {
      doc.text(c, x + 2, y + 3, { width: widths[i]! - 4, height: 12, ellipsis: true });
      x += widths[i]!;
    });
    doc
      .moveTo(MARGIN, y + 15)
      .lineTo(MARGIN + WIDTH, y + 15)
      .strokeColor('#e8e8e8')
      .stroke();
    doc.y = y + 16;
  };
  line(head, true);
  for (const r of rows) line(r, false);
  doc.x = MARGIN;
  doc.moveDown(0.8);
}

/** Figures in boxed cards, three to a line: a grey label over a bold value. */
export function cards(doc: PDFKit.PDFDocument, items: Array<[label: string, value: string]>): void {
  const w = WIDTH / 3;
  const top = doc.y;
  items.forEach(([label, value], i) => {
    const x = MARGIN + (i % 3) * w;
    const y = top + Math.floor(i / 3) * 46;
    doc
      .rect(x + 2, y, w - 4, 40)
      .strokeColor('#d9d9d9')
      .stroke();
    doc
      .font('cjk')
      .fontSize(9)
      .fillColor('#666666')
      .text(label, x + 10, y + 5, { width: w - 20, lineBreak: false });
    doc
      .font('cjk-bold')
      .fontSize(14)
      .fillColor('#1f1f1f')
      .text(value, x + 10, y + 19, { width: w - 20, lineBreak: false });
  });
  doc.y = top + Math.ceil(items.length / 3) * 46 + 10;
  doc.x = MARGIN;
}
