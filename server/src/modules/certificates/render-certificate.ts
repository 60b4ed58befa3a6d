import QRCode from 'qrcode';
import type { CertificateKind, CertificateSnapshot } from '../../db/schema/index';
import { newPdf } from '../../pdf/index';

export const CERTIFICATE_TITLE: Record<CertificateKind, string> = {
  public_exam: '专业技术人员继续教育公需科目考试合格证书',
  ce: '专业技术人员继续教育合格证书',
};

const RED = '#9b1c1c';
const INK = '#1f1f1f';
const fmt = (h: number) => (Number.isInteger(h) ? String(h) : h.toFixed(1));

/**
 * Breaks Chinese text into lines that fit `width`, never splitting a number from its unit
 * ("65学时", "2024年度") and never starting a line with closing punctuation. pdfkit alone would break
 * between any two CJK characters.
 */
export function layoutLines(measure: (s: string) => number, text: string, width: number): string[] {
  const tokens = text.match(/\d+(?:\.\d+)?(?:学时|年度|年|月|日|分)?|[A-Za-z*]+|[\s\S]/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    const closing = /^[，。、；：）》”！？]$/.test(tok);
    if (line && measure(line + tok) > width && !closing) {
      lines.push(line);
      line = tok.trimStart();
    } else {
      line += tok;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function bodyText(kind: CertificateKind, s: CertificateSnapshot): string {
  const who = `${s.name}同志（身份证号码：${s.idNumberMasked}${s.unitName ? `，工作单位：${s.unitName}` : ''}）`;
  return kind === 'ce'
    ? `${who}于${s.year}年度参加专业技术人员继续教育，完成公需科目${fmt(s.compulsoryHours + s.electiveHours)}学时、专业科目${fmt(s.professionalHours)}学时，合计${fmt(s.totalHours)}学时，经所在单位审验合格，特发此证。`
    : `${who}完成${s.year}年度专业技术人员继续教育公需科目必修课学习并通过考试，成绩合格，获得${fmt(s.compulsoryHours)}学时，特发此证。`;
}

/** Renders the certificate as an A4 PDF with the Chinese serif font embedded and a QR code of the verification URL. */
export async function renderCertificate(kind: CertificateKind, s: CertificateSnapshot): Promise<Buffer> {
  const { doc, end } = newPdf({
    size: 'A4',
    margin: 0,
    info: { Title: s.title, Author: s.issuer, Subject: `${s.year}年度 ${s.serial}` },
  });
  const W = doc.page.width; // 595.28
  const H = doc.page.height; // 841.89

  // Frame
  doc
    .lineWidth(4)
    .strokeColor(RED)
    .rect(28, 28, W - 56, H - 56)
    .stroke();
  doc
    .lineWidth(1)
    .rect(38, 38, W - 76, H - 76)
    .stroke();

  // Title
  doc
    .font('cjk-bold')
    .fillColor(RED)
    .fontSize(kind === 'ce' ? 28 : 22);
  doc.text(s.title, 50, 110, { width: W - 100, align: 'center', lineBreak: false });
  doc
    .font('cjk')
    .fillColor(INK)
    .fontSize(12)
    .text(`证书编号：${s.serial}`, 50, 168, { width: W - 100, align: 'center', lineBreak: false });

  // Body, laid out line by line
  doc.font('cjk').fontSize(15).fillColor(INK);
  const left = 80;
  const width = W - 160;
  let y = 225;
  const text = bodyText(kind, s);
  const lines = layoutLines((t) => doc.widthOfString(t), '　　' + text, width);
  for (const line of lines) {
    doc.text(line, left, y, { lineBreak: false });
    y += 30;
  }

  // Hours by category
  y += 20;
  const rows: Array<[string, string]> =
    kind === 'ce'
      ? [
          ['年度', `${s.year}年度`],
          ['公需科目（必修课）', `${fmt(s.compulsoryHours)}学时`],
          ['公需科目（选修课）', `${fmt(s.electiveHours)}学时`],
          ['专业科目', `${fmt(s.professionalHours)}学时`],
          ['合计', `${fmt(s.totalHours)}学时`],
        ]
      : [
          ['年度', `${s.year}年度`],
          ['公需科目必修课', `${fmt(s.compulsoryHours)}学时`],
        ];
  const colA = 150;
  const colB = 250;
  doc.lineWidth(0.8).strokeColor('#888');
  for (const [label, value] of rows) {
    doc.rect(left + 20, y, colA, 28).stroke();
    doc.rect(left + 20 + colA, y, colB, 28).stroke();
    doc
      .font('cjk-bold')
      .fontSize(12)
      .text(label, left + 28, y + 7, { width: colA - 16, lineBreak: false });
    doc
      .font('cjk')
      .fontSize(12)
      .text(value, left + 28 + colA, y + 7, { width: colB - 16, lineBreak: false });
    y += 28;
  }

  // Issuer and date, bottom right
  doc
    .font('cjk-bold')
    .fontSize(14)
    .text(s.issuer, W - 340, H - 200, { width: 270, align: 'right', lineBreak: false });
  const [yy, mm, dd] = s.issuedOn.split('-');
  doc
    .font('cjk')
    .fontSize(13)
    .text(`${yy}年${Number(mm)}月${Number(dd)}日`, W - 340, H - 172, { width: 270, align: 'right', lineBreak: false });

  // QR code of the public verification URL, bottom left
  const qr = await QRCode.toBuffer(s.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  doc.image(qr, 70, H - 230, { width: 100 });
  doc
    .font('cjk')
    .fontSize(9)
    .fillColor('#555')
    .text('扫码验证证书真伪', 70, H - 124, { width: 100, align: 'center', lineBreak: false });
  doc.fontSize(7).text(s.verifyUrl, 50, H - 70, { width: W - 100, align: 'center', lineBreak: false });

  return end();
}
