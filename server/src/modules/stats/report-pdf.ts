import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import {
  bandsOption,
  rateBarsOption,
  rateMapOption,
  sourcesOption,
  trendOption,
  type StatsCounts,
  type StatsOverview,
  type StatsUnitRow,
} from '@ptce/contracts';
import { formatShanghai } from '../../clock';
import { registerGuangxiMap, renderChartSvg } from './report-charts';

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf');

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const WIDTH = A4.width - 2 * MARGIN;

export interface ReportInput {
  overview: StatsOverview;
  scopeName: string;
  worstUnits: StatsUnitRow[];
  generatedAt: Date;
}

/**
 * 年度继续教育统计报告: the 统计分析 page as an A4 PDF — headline figures, the map, the charts (drawn on the
 * server by ECharts' SVG renderer and placed as vector graphics), the area table and the units most behind.
 */
export async function renderStatsReport(r: ReportInput): Promise<Buffer> {
  const o = r.overview;
  const title = `${o.year}年度继续教育统计报告`;
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: title, Subject: r.scopeName } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('cjk', FONT_REGULAR);
  doc.registerFont('cjk-bold', FONT_BOLD);

  doc.font('cjk-bold').fontSize(18).text(title, { align: 'center' });
  doc.moveDown(0.3);
  doc
    .font('cjk')
    .fontSize(10)
    .fillColor('#555555')
    .text(`范围：${r.scopeName}    数据时间：${o.dataAsOf ? formatShanghai(new Date(o.dataAsOf)) : '—'}`, {
      align: 'center',
    });
  doc.moveDown(0.8).fillColor('#1f1f1f');
  cards(doc, o.totals);

  const chart = (heading: string, option: Record<string, unknown>, h: number) => {
    if (doc.y + h + 30 > A4.height - MARGIN) doc.addPage();
    doc.font('cjk-bold').fontSize(12).text(heading, MARGIN);
    const y = doc.y + 4;
    SVGtoPDF(doc, renderChartSvg(option, Math.round(WIDTH), h), MARGIN, y, {
      width: WIDTH,
      height: h,
      fontCallback: () => 'cjk',
    });
    doc.y = y + h + 12;
  };

  if (o.childLevel) {
    const cityCode = o.childLevel === 'county' ? o.region!.code : null;
    chart(
      `${o.region?.name ?? '全区'}各${o.childLevel === 'city' ? '市' : '县（市、区）'}达标率`,
      rateMapOption(registerGuangxiMap(cityCode), o.areas),
      300,
    );
  }
  areaTable(doc, '各地区', o.areas);
  chart('各行业达标率', rateBarsOption(o.industries), Math.max(120, 22 * o.industries.length + 30));
  chart('专业科目学时来源（通过认定）', sourcesOption(o.sources), 220);
  chart('人均总学时分布', bandsOption(o.bands), 200);
  chart('月度趋势：专业科目审核通过与公需必修完成', trendOption(o), 230);
  unitTable(doc, r.worstUnits);
  doc
    .font('cjk')
    .fontSize(8)
    .fillColor('#888888')
    .text(`生成时间：${formatShanghai(r.generatedAt)}`, MARGIN, A4.height - MARGIN + 12, { lineBreak: false });
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

function cards(doc: PDFKit.PDFDocument, t: StatsCounts) {
  const items: Array<[string, string]> = [
    ['专业技术人员', `${t.people}人`],
    ['达标率', `${t.metRate}%`],
    ['公需必修完成率', `${t.compulsoryRate}%`],
    ['人均专业科目学时', `${t.avgProfessional}`],
    ['待审核记录', `${t.pending}条`],
    ['待审核超过30天', `${t.pendingOld}条`],
  ];
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
  doc.y = top + 2 * 46 + 10;
  doc.x = MARGIN;
}

function table(doc: PDFKit.PDFDocument, heading: string, head: string[], widths: number[], rows: string[][]) {
  if (doc.y + 60 > A4.height - MARGIN) doc.addPage();
  doc.font('cjk-bold').fontSize(12).fillColor('#1f1f1f').text(heading, MARGIN);
  doc.moveDown(0.2);
  const line = (cells: string[], bold: boolean) => {
    if (doc.y + 16 > A4.height - MARGIN) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    doc.font(bold ? 'cjk-bold' : 'cjk').fontSize(8.5);
    cells.forEach((c, i) => {
      doc.text(c, x + 2, y + 3, { width: widths[i]! - 4, lineBreak: false, ellipsis: true });
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

function areaTable(doc: PDFKit.PDFDocument, heading: string, rows: StatsOverview['areas']) {
  table(
    doc,
    heading,
    ['地区', '人数', '达标', '达标率', '必修完成率', '人均专业学时', '待审核', '超30天'],
    [95, 55, 55, 55, 60, 65, 57, 57],
    rows.map((r) => [
      r.name,
      `${r.people}`,
      `${r.met}`,
      `${r.metRate}%`,
      `${r.compulsoryRate}%`,
      `${r.avgProfessional}`,
      `${r.pending}`,
      `${r.pendingOld}`,
    ]),
  );
}

function unitTable(doc: PDFKit.PDFDocument, rows: StatsUnitRow[]) {
  table(
    doc,
    `达标率最低的单位（前${rows.length}名）`,
    ['单位', '地区', '人数', '达标率', '必修完成率', '待审核', '超30天'],
    [175, 70, 45, 50, 60, 50, 49],
    rows.map((r) => [
      r.unitName,
      r.regionName,
      `${r.people}`,
      `${r.metRate}%`,
      `${r.compulsoryRate}%`,
      `${r.pending}`,
      `${r.pendingOld}`,
    ]),
  );
}
