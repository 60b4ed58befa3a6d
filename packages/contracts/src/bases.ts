import { z } from 'zod';
import { PageQuery } from './common';
import { IssuedPassword } from './org';

/** 继续教育基地 as the operator manages them: 国家级 / 自治区级 (with its batch) / 双基地, status, logins. */
export const BaseStatus = z.enum(['active', 'suspended']);
export type BaseStatus = z.infer<typeof BaseStatus>;
export const BASE_STATUS_LABEL: Record<BaseStatus, string> = { active: '正常', suspended: '暂停' };

export const BaseLevel = z.enum(['national', 'regional', 'dual']);
export type BaseLevel = z.infer<typeof BaseLevel>;
export const BASE_LEVEL_LABEL: Record<BaseLevel, string> = {
  national: '国家级',
  regional: '自治区级',
  dual: '国家级、自治区级（双基地）',
};

/** The batches of regional accreditation the notice's attachment 3 uses (第一批 … 第十批) and later ones. */
export const BASE_BATCHES = [
  '第一批',
  '第二批',
  '第三批',
  '第四批',
  '第五批',
  '第六批',
  '第七批',
  '第八批',
  '第九批',
  '第十批',
];

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');

export const BaseInput = z
  .object({
    name: z.string().trim().min(2, '请填写基地名称').max(100, '基地名称不能超过100个字'),
    level: BaseLevel,
    /** 批次 of regional accreditation; required for 自治区级 and 双基地. */
    regionalBatch: z.string().trim().max(20, '批次不能超过20个字').nullable(),
    phone: z.string().trim().min(5, '请填写联系电话').max(30, '联系电话不能超过30个字'),
    cityCode: z.string().regex(/^\d{6}$/, '请选择所在城市'),
    validFrom: IsoDate.nullable(),
    validTo: IsoDate.nullable(),
    contactName: z.string().trim().max(30, '联系人不能超过30个字').nullable(),
    contactPhone: z.string().trim().max(30, '联系人电话不能超过30个字').nullable(),
    address: z.string().trim().max(200, '地址不能超过200个字').nullable(),
    supervisingAuthorityId: z.number().int().nullable(),
  })
  .superRefine((b, ctx) => {
    if (b.level !== 'national' && !b.regionalBatch)
      ctx.addIssue({ code: 'custom', path: ['regionalBatch'], message: '自治区级基地请填写批次' });
    if (b.validFrom && b.validTo && b.validFrom > b.validTo)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: '有效期结束日期不能早于开始日期' });
  });
export type BaseInput = z.infer<typeof BaseInput>;

export const BaseLogin = z.object({
  id: z.number().int(),
  username: z.string(),
  name: z.string(),
  loginEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
});
export type BaseLogin = z.infer<typeof BaseLogin>;

export const BaseRow = z.object({
  id: z.number().int(),
  name: z.string(),
  level: BaseLevel,
  regionalBatch: z.string().nullable(),
  phone: z.string(),
  cityCode: z.string(),
  cityName: z.string(),
  status: BaseStatus,
  suspendedReason: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
  supervisingAuthorityId: z.number().int().nullable(),
  supervisingAuthorityName: z.string().nullable(),
  logins: z.number().int(),
  filed: z.number().int(),
});
export type BaseRow = z.infer<typeof BaseRow>;

export const BaseDetail = BaseRow.extend({ accounts: z.array(BaseLogin) });
export type BaseDetail = z.infer<typeof BaseDetail>;

/** 有效期 as the directory filters it, on today's date: 有效期内, 已届满, 未开始. */
export const BaseValidity = z.enum(['current', 'expired', 'future']);
export type BaseValidity = z.infer<typeof BaseValidity>;
export const BASE_VALIDITY_LABEL: Record<BaseValidity, string> = {
  current: '有效期内',
  expired: '已届满',
  future: '未开始',
};

export const BaseListQuery = PageQuery.extend({
  q: z.string().trim().max(60).optional(),
  level: BaseLevel.optional(),
  status: BaseStatus.optional(),
  /** 批次 of regional accreditation (第一批 …). */
  batch: z.string().trim().max(20).optional(),
  validity: BaseValidity.optional(),
});
export type BaseListQuery = z.infer<typeof BaseListQuery>;

export const BaseStatusInput = z
  .object({
    status: BaseStatus,
    reason: z.string().trim().max(200, '原因不能超过200个字').optional(),
  })
  .superRefine((b, ctx) => {
    if (b.status === 'suspended' && !b.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '请填写暂停原因' });
  });
export type BaseStatusInput = z.infer<typeof BaseStatusInput>;

/** 新增登录账号 of a base: a username on the 管理部门 tab and the name of who uses it. */
export const BaseLoginInput = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{2,31}$/, '用户名为3至32位小写字母、数字或“-”，以字母开头'),
  name: z.string().trim().min(1, '请填写使用人').max(30, '使用人不能超过30个字'),
});
export type BaseLoginInput = z.infer<typeof BaseLoginInput>;

export const BaseLoginCreated = z.object({ id: z.number().int(), account: IssuedPassword });
export type BaseLoginCreated = z.infer<typeof BaseLoginCreated>;

/** The base's console: who it is, whether it may file, and its filings by state. */
export const BaseConsole = z.object({
  base: BaseRow,
  canFile: z.boolean(),
  /** Why it cannot file now (暂停, 有效期), null when it can. */
  refusal: z.string().nullable(),
  filings: z.object({
    draft: z.number().int(),
    pending: z.number().int(),
    returned: z.number().int(),
    filed: z.number().int(),
    changePending: z.number().int(),
  }),
  /** The base's classes of the chosen year (by the class's start): 培训班数, 学员人次, 合格人数, 认定学时合计. */
  stats: z.object({
    year: z.number().int(),
    classes: z.number().int(),
    trainees: z.number().int(),
    passed: z.number().int(),
    /** Hours credited to the trainees who passed. */
    creditedHours: z.number(),
  }),
});
export type BaseConsole = z.infer<typeof BaseConsole>;
/** The year of the console's statistics (the current year when absent). */
export const BaseConsoleQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
