import type { SpotCheckItem, SpotCheckUnitPart } from '@ptce/contracts';
import { SPOT_CHECK_FINDING_LABELS } from '@ptce/rules';
import { formatShanghai, now } from '../../clock';
import { AppError } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { preparePagedExport, type XlsxColumn } from '../excel/index';
import { findCampaign } from './campaign-scope';
import { campaignDetail } from './campaign-view';
import { renderSpotCheckReport } from './report-pdf';

type Row = { part: SpotCheckUnitPart; item: SpotCheckItem };
const when = (v: string | null) => (v ? formatShanghai(new Date(v)) : '');

const COLUMNS: XlsxColumn<Row>[] = [
  { header: '抽取顺序', width: 8, value: (r) => r.part.drawOrder },
  { header: '被抽查单位', width: 30, value: (r) => r.part.unitName },
  { header: '检查人员', width: 22, value: (r) => r.part.inspectors.map((i) => i.name).join('、') },
  { header: '单位答复', width: 30, value: (r) => r.part.answerNote ?? '未答复' },
  { header: '答复时间', width: 17, value: (r) => when(r.part.answeredAt) },
  { header: '姓名', width: 10, value: (r) => r.item.personName },
  { header: '培训名称', width: 30, value: (r) => r.item.title },
  { header: '主办单位', width: 24, value: (r) => r.item.organizer },
  { header: '起止日期', width: 22, value: (r) => `${r.item.startDate} 至 ${r.item.endDate}` },
  { header: '学时', width: 8, value: (r) => r.item.hours, numFmt: '0.0' },
  { header: '单位材料（个）', width: 10, value: (r) => r.item.files.filter((f) => f.kind === 'answer').length },
  {
    header: '核查结论',
    width: 10,
    value: (r) => (r.item.finding ? SPOT_CHECK_FINDING_LABELS[r.item.finding] : '未核查'),
  },
  { header: '核查意见', width: 30, value: (r) => r.item.findingNote },
  { header: '核查人', width: 12, value: (r) => r.item.foundByName },
  { header: '核查时间', width: 17, value: (r) => when(r.item.foundAt) },
  { header: '核减学时', width: 10, value: (r) => (r.item.hoursRemovedAt ? r.item.hours : 0), numFmt: '0.0' },
];

export const reportName = (title: string, seed: string, ext: 'xlsx' | 'pdf') => `抽查报告_${title}_${seed}.${ext}`;

/** The whole campaign, for the department that runs it only. */
async function ownedCampaign(ctx: Caller, id: number) {
  const c = await findCampaign(ctx.db, ctx.actor, id);
  if (!c.owner) throw new AppError('FORBIDDEN', '只有组织抽查的部门可以导出抽查报告');
  return campaignDetail(ctx.db, id, { accountId: ctx.actor.id, owner: true });
}

/** 抽查报告 → PDF (report-pdf.ts), audited. */
export async function reportPdf(ctx: Caller, id: number) {
  const detail = await ownedCampaign(ctx, id);
  const pdf = await renderSpotCheckReport(detail, now());
  await writeAudit(ctx.db, ctx, {
    action: 'spotcheck.report.pdf',
    targetType: 'spot_check',
    targetId: id,
    detail: { items: detail.items, bytes: pdf.length },
  });
  return { name: reportName(detail.title, detail.draw.seed, 'pdf'), pdf };
}

/** 抽查报告 → Excel: every sampled record with its unit, inspectors, answer and finding. The export is audited. */
export async function exportReport(ctx: Caller, id: number) {
  const detail = await ownedCampaign(ctx, id);
  const rows = detail.parts.flatMap((part) => part.items.map((item) => ({ part, item })));
  const write = await preparePagedExport<Row, null>({
    sheetName: '抽查报告',
    columns: COLUMNS,
    page: async () => ({ rows, next: null }),
    done: (count) =>
      writeAudit(ctx.db, ctx, {
        action: 'spotcheck.report.export',
        targetType: 'spot_check',
        targetId: id,
        detail: { rows: count },
      }),
  });
  return { name: reportName(detail.title, detail.draw.seed, 'xlsx'), write };
}
