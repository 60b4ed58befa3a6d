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
import { MARGIN, WIDTH, cards, heading, openReport, table } from '../../pdf/index';
import { registerGuangxiMap, renderChartSvg } from './report-charts';

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
  const { doc, finish } = openReport(
    `${o.year}年度继续教育统计报告`,
    `范围：${r.scopeName}    数据时间：${o.dataAsOf ? formatShanghai(new Date(o.dataAsOf)) : '—'}`,
    r.scopeName,
  );
  figures(doc, o.totals);

  const chart = (title: string, option: Record<string, unknown>, h: number) => {
    heading(doc, title, h + 30);
    const y = doc.y;
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
  return finish(r.generatedAt);
}

function figures(doc: PDFKit.PDFDocument, t: StatsCounts) {
  cards(doc, [
    ['专业技术人员', `${t.people}人`],
    ['达标率', `${t.metRate}%`],
    ['公需必修完成率', `${t.compulsoryRate}%`],
    ['人均专业科目学时', `${t.avgProfessional}`],
    ['待审核记录', `${t.pending}条`],
    ['待审核超过30天', `${t.pendingOld}条`],
  ]);
}

function areaTable(doc: PDFKit.PDFDocument, title: string, rows: StatsOverview['areas']) {
  table(
    doc,
    title,
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
