import {
  CAMPAIGN_STATUS_LABEL,
  SAMPLE_OF_LABEL,
  sampleSizeLabel,
  type SpotCheckDetail,
  type SpotCheckItem,
} from '@ptce/contracts';
import { SPOT_CHECK_FINDING_LABELS, SPOT_CHECK_FINDINGS, type SpotCheckFinding } from '@ptce/rules';
import { formatShanghai } from '../../clock';
import { MARGIN, WIDTH, cards, heading, openReport, table } from '../../pdf/index';

const finding = (i: SpotCheckItem) => (i.finding ? SPOT_CHECK_FINDING_LABELS[i.finding] : '未核查');
const count = (items: SpotCheckItem[], f: SpotCheckFinding | null) => items.filter((i) => i.finding === f).length;
const hours = (n: number) => String(Math.round(n * 10) / 10);

/**
 * 抽查报告 as an A4 PDF: the campaign, how the sample was drawn (seed and algorithm, so anyone can draw it
 * again), the findings in figures, each sampled unit with its inspectors and answer, every sampled record with
 * its finding, and the conclusion once the campaign is finished.
 */
export async function renderSpotCheckReport(c: SpotCheckDetail, generatedAt: Date): Promise<Buffer> {
  const { doc, finish } = openReport(
    c.title.endsWith('抽查') ? `${c.title}报告` : `${c.title}抽查报告`,
    `组织部门：${c.ownerName}    ${c.year}年度    ${CAMPAIGN_STATUS_LABEL[c.status]}`,
    c.ownerName,
  );
  const items = c.parts.flatMap((p) => p.items);
  const removed = items.filter((i) => i.hoursRemovedAt).reduce((sum, i) => sum + i.hours, 0);

  heading(doc, '抽查方案');
  const facts: Array<[string, string]> = [
    ['范围', c.scopeLabel],
    ['抽查对象', SAMPLE_OF_LABEL[c.sampleOf]],
    ['抽查单位数', `${sampleSizeLabel(c.draw.unitSize)}（名单${c.draw.population.units.length}个单位）`],
    ['每个单位抽查数', sampleSizeLabel(c.draw.itemSize)],
    ['每个单位检查人员', `${c.draw.inspectorsPerUnit}名（检查人员库${c.draw.population.pool.length}人）`],
    ['随机种子', c.draw.seed],
    ['抽取算法', c.draw.algorithm],
    ['发起时间', formatShanghai(new Date(c.createdAt))],
    ['答复截止', c.answerDue],
    ['结束时间', c.finishedAt ? formatShanghai(new Date(c.finishedAt)) : '未结束'],
  ];
  for (const [label, value] of facts) {
    const y = doc.y;
    doc.font('cjk-bold').fontSize(9.5).text(label, MARGIN, y, { width: 100 });
    doc.font('cjk').text(value, MARGIN + 100, y, { width: WIDTH - 100 });
    doc.moveDown(0.15);
  }
  doc.x = MARGIN;
  doc.moveDown(0.6);

  heading(doc, '核查结果', 110);
  cards(doc, [
    ['抽查单位', `${c.parts.length}个`],
    ['抽查记录', `${items.length}条`],
    ['已核查', `${items.length - count(items, null)}条`],
    ...SPOT_CHECK_FINDINGS.map((f): [string, string] => [SPOT_CHECK_FINDING_LABELS[f], `${count(items, f)}条`]),
  ]);
  doc
    .font('cjk')
    .fontSize(9.5)
    .text(`不属实的记录已核减学时 ${hours(removed)} 学时。`, MARGIN);
  doc.moveDown(0.8);

  table(
    doc,
    '各单位情况',
    ['顺序', '被抽查单位', '检查人员', '记录', '属实', '不属实', '材料不全', '未核查', '单位答复'],
    [30, 120, 75, 32, 32, 38, 45, 38, 89],
    c.parts.map((p) => [
      String(p.drawOrder),
      p.unitName,
      p.inspectors.map((i) => i.name).join('、'),
      String(p.items.length),
      ...SPOT_CHECK_FINDINGS.map((f) => String(count(p.items, f))),
      String(count(p.items, null)),
      p.answeredAt ? formatShanghai(new Date(p.answeredAt)).slice(0, 10) : '未答复',
    ]),
  );

  table(
    doc,
    '抽查记录',
    ['被抽查单位', '姓名', '培训名称', '起止日期', '学时', '核查结论', '核查意见'],
    [110, 45, 110, 65, 30, 45, 94],
    c.parts.flatMap((p) =>
      p.items.map((i) => [
        p.unitName,
        i.personName,
        i.title,
        `${i.startDate.slice(5)}至${i.endDate.slice(5)}`, // one year: no record spans two
        hours(i.hours),
        finding(i),
        i.findingNote ?? '',
      ]),
    ),
  );

  heading(doc, '抽查结论');
  doc
    .font('cjk')
    .fontSize(10)
    .text(c.conclusion ?? '抽查尚未结束，结论待组织部门填写。', MARGIN, doc.y, { width: WIDTH });
  return finish(generatedAt);
}
