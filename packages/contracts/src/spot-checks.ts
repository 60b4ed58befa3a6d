import { z } from 'zod';
import { MIN_INSPECTORS_PER_UNIT, SPOT_CHECK_FINDINGS } from '@ptce/rules';

// 抽查（双随机、一公开）: campaigns, the unit's answer, findings, the public outcomes.

export const SpotCheckFinding = z.enum(SPOT_CHECK_FINDINGS);
export type SpotCheckFinding = z.infer<typeof SpotCheckFinding>;
export const SampleOf = z.enum(['records', 'people']);
export const SAMPLE_OF_LABEL: Record<z.infer<typeof SampleOf>, string> = {
  records: '学时记录',
  people: '人员（其当年全部学时记录）',
};
export const SizeMode = z.enum(['percent', 'count']);
export const SampleSizeInput = z.object({ mode: SizeMode, value: z.number().int().min(1).max(100000) });
/** 抽查单位数 / 每个单位抽查数 as shown: "5%" or "3个". */
export const sampleSizeLabel = (s: z.infer<typeof SampleSizeInput>) =>
  s.mode === 'percent' ? `${s.value}%` : `${s.value}个`;
export const CAMPAIGN_STATUS_LABEL: Record<'open' | 'finished', string> = { open: '进行中', finished: '已结束' };

export const SpotCheckCreate = z.object({
  title: z.string().trim().min(1, '请填写抽查名称').max(100, '抽查名称不能超过100个字'),
  year: z.number().int().min(2000).max(2100),
  sampleOf: SampleOf,
  unitSize: SampleSizeInput,
  itemSize: SampleSizeInput,
  inspectorsPerUnit: z
    .number()
    .int()
    .min(MIN_INSPECTORS_PER_UNIT, `每个被抽查单位至少${MIN_INSPECTORS_PER_UNIT}名检查人员`)
    .max(10),
  answerDue: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请选择答复截止日期'),
  /** Empty: the server draws a random seed. Given: the draw is repeated with it. */
  seed: z
    .string()
    .trim()
    .max(64)
    .regex(/^[0-9A-Za-z_-]*$/, '随机种子只能包含字母、数字、下划线和短横线')
    .optional(),
});
export type SpotCheckCreate = z.infer<typeof SpotCheckCreate>;

export const SpotCheckPreviewQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const SpotCheckPreview = z.object({
  scopeLabel: z.string(),
  units: z.number().int(),
  pool: z.array(z.object({ id: z.number().int(), name: z.string(), username: z.string() })),
});
export type SpotCheckPreview = z.infer<typeof SpotCheckPreview>;

export const SpotCheckFile = z.object({
  id: z.number().int(),
  kind: z.enum(['answer', 'finding']),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
});
export type SpotCheckFile = z.infer<typeof SpotCheckFile>;

export const SpotCheckItem = z.object({
  id: z.number().int(),
  recordId: z.number().int(),
  personName: z.string(),
  title: z.string(),
  organizer: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  hours: z.number(),
  finding: SpotCheckFinding.nullable(),
  findingNote: z.string().nullable(),
  foundByName: z.string().nullable(),
  foundAt: z.string().nullable(),
  hoursRemovedAt: z.string().nullable(),
  files: z.array(SpotCheckFile),
});
export type SpotCheckItem = z.infer<typeof SpotCheckItem>;

export const SpotCheckUnitPart = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  drawOrder: z.number().int(),
  inspectors: z.array(z.object({ id: z.number().int(), name: z.string(), username: z.string() })),
  answerNote: z.string().nullable(),
  answeredAt: z.string().nullable(),
  /** Whether the caller is one of this unit's inspectors (records findings). */
  mine: z.boolean(),
  items: z.array(SpotCheckItem),
});
export type SpotCheckUnitPart = z.infer<typeof SpotCheckUnitPart>;

export const SpotCheckSummary = z.object({
  id: z.number().int(),
  title: z.string(),
  year: z.number().int(),
  ownerName: z.string(),
  scopeLabel: z.string(),
  sampleOf: SampleOf,
  status: z.enum(['open', 'finished']),
  answerDue: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  units: z.number().int(),
  items: z.number().int(),
  found: z.number().int(),
});
export type SpotCheckSummary = z.infer<typeof SpotCheckSummary>;

export const SpotCheckDraw = z.object({
  seed: z.string(),
  algorithm: z.string(),
  unitSize: SampleSizeInput,
  itemSize: SampleSizeInput,
  inspectorsPerUnit: z.number().int(),
  population: z.object({
    units: z.array(z.number().int()),
    pool: z.array(z.number().int()),
    items: z.record(z.string(), z.array(z.number().int())),
  }),
});
export type SpotCheckDraw = z.infer<typeof SpotCheckDraw>;

export const SpotCheckDetail = SpotCheckSummary.extend({
  conclusion: z.string().nullable(),
  draw: SpotCheckDraw,
  /** Whether the caller's organisation owns the campaign (may finish it and export the report). */
  owner: z.boolean(),
  parts: z.array(SpotCheckUnitPart),
});
export type SpotCheckDetail = z.infer<typeof SpotCheckDetail>;

export const SpotCheckAnswer = z.object({
  note: z.string().trim().min(1, '请填写答复说明').max(2000, '答复说明不能超过2000个字'),
});
export const SpotCheckFindingInput = z
  .object({
    finding: SpotCheckFinding,
    note: z.string().trim().max(2000, '核查意见不能超过2000个字').default(''),
  })
  .refine((v) => v.finding === 'true' || v.note.length > 0, {
    path: ['note'],
    message: '结论为不属实或材料不全时须填写核查意见',
  });
export type SpotCheckFindingInput = z.infer<typeof SpotCheckFindingInput>;
export const SpotCheckFinish = z.object({
  conclusion: z.string().trim().min(1, '请填写抽查结论').max(2000, '抽查结论不能超过2000个字'),
});

/** 一公开: a finished campaign as anyone sees it (no person's ID number; names masked). */
export const PublicSpotCheckUnit = z.object({
  unitName: z.string(),
  drawOrder: z.number().int(),
  inspectors: z.array(z.string()),
  checked: z.number().int(),
  trueCount: z.number().int(),
  falseCount: z.number().int(),
  incompleteCount: z.number().int(),
  hoursRemoved: z.number(),
  items: z.array(
    z.object({
      personName: z.string(),
      title: z.string(),
      hours: z.number(),
      finding: SpotCheckFinding.nullable(),
    }),
  ),
});
export const PublicSpotCheck = z.object({
  id: z.number().int(),
  title: z.string(),
  year: z.number().int(),
  ownerName: z.string(),
  scopeLabel: z.string(),
  sampleOf: SampleOf,
  createdAt: z.string(),
  finishedAt: z.string(),
  conclusion: z.string().nullable(),
  draw: SpotCheckDraw,
  /** The units drawn from, by id, so the draw can be checked against names. */
  unitNames: z.record(z.string(), z.string()),
  units: z.array(PublicSpotCheckUnit),
});
export type PublicSpotCheck = z.infer<typeof PublicSpotCheck>;
export const PublicSpotCheckRow = PublicSpotCheck.pick({
  id: true,
  title: true,
  year: true,
  ownerName: true,
  scopeLabel: true,
  finishedAt: true,
}).extend({ units: z.number().int(), checked: z.number().int(), falseCount: z.number().int() });
export type PublicSpotCheckRow = z.infer<typeof PublicSpotCheckRow>;

/** A professional's records found 不属实 (their hours removed). */
export const MySpotCheckFinding = z.object({
  id: z.number().int(),
  campaignTitle: z.string(),
  ownerName: z.string(),
  title: z.string(),
  hours: z.number(),
  year: z.number().int(),
  findingNote: z.string().nullable(),
  foundAt: z.string(),
});
export type MySpotCheckFinding = z.infer<typeof MySpotCheckFinding>;
