import { z } from 'zod';
import { Email, IdNumberInput, MobilePhone, Page, PageQuery } from './common';

const Name = (label: string, max = 60) => z.string().trim().min(1, `请输入${label}`).max(max, `${label}过长`);
const Id = z.coerce.number().int().positive();

export const UnitType = z.enum(['institution', 'enterprise', 'government', 'social', 'other']);
export const UNIT_TYPE_LABEL: Record<z.infer<typeof UnitType>, string> = {
  institution: '事业单位',
  enterprise: '企业',
  government: '机关',
  social: '社会团体',
  other: '其他',
};

/** A unit's 联系电话: a mobile number or a landline with its area code (0771-5551234, extension allowed). */
export const ContactPhone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/, '联系电话应为11位手机号码或带区号的固定电话，如0771-5551234');
const ContactName = z.string().trim().max(30, '联系人姓名过长');

export const UnitInput = z.object({
  name: Name('单位名称'),
  creditCode: z.string().trim().toUpperCase().length(18, '统一社会信用代码应为18位'),
  regionCode: z.string().regex(/^\d{6}$/, '请选择所在地区'),
  industryCode: z.string().max(4).nullable().default(null),
  supervisingAuthorityId: z.number().int().positive().nullable().default(null),
  unitType: UnitType.default('enterprise'),
  /** 联系人, 联系电话: empty = none. */
  contactName: ContactName.nullable().default(null),
  contactPhone: ContactPhone.nullable().default(null),
});
export type UnitInput = z.infer<typeof UnitInput>;
export const UnitUpdate = z
  .object({
    name: Name('单位名称'),
    regionCode: z.string().regex(/^\d{6}$/, '请选择所在地区'),
    industryCode: z.string().max(4).nullable(),
    supervisingAuthorityId: z.number().int().positive().nullable(),
    unitType: UnitType,
    contactName: ContactName.nullable(),
    contactPhone: ContactPhone.nullable(),
  })
  .partial();
export type UnitUpdate = z.infer<typeof UnitUpdate>;

/** 正常, 已停用, 已合并 (a merged unit is also disabled). */
export const UnitStatus = z.enum(['active', 'disabled', 'merged']);
export type UnitStatus = z.infer<typeof UnitStatus>;
export const UNIT_STATUS_LABEL: Record<UnitStatus, string> = {
  active: '正常',
  disabled: '已停用',
  merged: '已合并',
};

export const UnitRow = z.object({
  id: z.number().int(),
  name: z.string(),
  creditCode: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  industryCode: z.string().nullable(),
  supervisingAuthorityId: z.number().int().nullable(),
  supervisingAuthorityName: z.string().nullable(),
  unitType: UnitType,
  staffCount: z.number().int(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  status: UnitStatus,
  disabledAt: z.string().nullable(),
  /** 已合并至: the unit this one was merged into. */
  mergedInto: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});
export type UnitRow = z.infer<typeof UnitRow>;
/** A password the owner did not choose (a new unit account's, a reset's): shown once, changed at first login. */
export const IssuedPassword = z.object({
  username: z.string(),
  password: z.string(),
  expiresAt: z.string(),
});
export type IssuedPassword = z.infer<typeof IssuedPassword>;
export const UnitCreated = z.object({ id: z.number().int(), account: IssuedPassword });
export type UnitCreated = z.infer<typeof UnitCreated>;
export const UnitListQuery = PageQuery.extend({
  q: z.string().trim().max(60).optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  status: UnitStatus.optional(),
});

/** 停用 / 启用 */
export const UnitEnabledBody = z.object({ enabled: z.boolean() });

/** 合并单位: the unit merged away (B) goes into the target (A). */
export const UnitMergeBody = z.object({ sourceId: z.number().int().positive('请选择被合并的单位') });
/** What a merge moves from B to A — shown before it is confirmed, and audited after. */
export const UnitMergeCounts = z.object({
  people: z.number().int(),
  departments: z.number().int(),
  /** Departments renamed because A already has one of that name at that place. */
  renamedDepartments: z.number().int(),
  admins: z.number().int(),
  records: z.number().int(),
  pendingConfirmations: z.number().int(),
});
export type UnitMergeCounts = z.infer<typeof UnitMergeCounts>;
export const UnitMergePreview = z.object({
  target: z.object({ id: z.number().int(), name: z.string() }),
  source: z.object({ id: z.number().int(), name: z.string() }),
  counts: UnitMergeCounts,
});
export type UnitMergePreview = z.infer<typeof UnitMergePreview>;

export const AuthoritySummary = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(['industry', 'hr']),
  regionCode: z.string(),
});
export type AuthoritySummary = z.infer<typeof AuthoritySummary>;

// 单位部门管理
export const DepartmentInput = z.object({
  name: Name('部门名称', 40),
  parentId: z.number().int().positive().nullable().default(null),
});
export const DepartmentUpdate = z.object({
  name: Name('部门名称', 40).optional(),
  parentId: z.number().int().positive().nullable().optional(),
});
export const DepartmentRow = z.object({
  id: z.number().int(),
  name: z.string(),
  parentId: z.number().int().nullable(),
  staffCount: z.number().int(),
  adminCount: z.number().int(),
});
export type DepartmentRow = z.infer<typeof DepartmentRow>;

// 单位管理员管理
export const AdminInput = z.object({
  idNumber: IdNumberInput,
  name: Name('姓名', 30),
  phone: MobilePhone,
  departmentId: z.number().int().positive().nullable().default(null),
  loginEnabled: z.boolean().default(true), // 允许登录系统
});
export type AdminInput = z.infer<typeof AdminInput>;
export const AdminUpdate = z.object({
  name: Name('姓名', 30).optional(),
  phone: MobilePhone.optional(),
  departmentId: z.number().int().positive().nullable().optional(),
  loginEnabled: z.boolean().optional(),
});
export const AdminRow = z.object({
  id: z.number().int(),
  name: z.string(),
  idNumberMasked: z.string(),
  phone: z.string().nullable(),
  departmentId: z.number().int().nullable(),
  departmentName: z.string().nullable(),
  loginEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
});
export type AdminRow = z.infer<typeof AdminRow>;

// 专业技术人员管理
export const StaffQuery = PageQuery.extend({
  q: z.string().trim().max(30).optional(), // 姓名或身份证号码
  departmentId: z.coerce.number().int().nonnegative().optional(), // 0 = no department
  /** true: only 新注册 people (not yet confirmed by the unit). */
  newRegistration: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const StaffRow = z.object({
  id: z.number().int(),
  name: z.string(),
  idNumberMasked: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  departmentId: z.number().int().nullable(),
  departmentName: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  /** 新注册: registered themselves (or moved themselves) into the unit, not yet confirmed. */
  newRegistration: z.boolean(),
});
export type StaffRow = z.infer<typeof StaffRow>;
export const StaffPage = Page(StaffRow).extend({
  /** 新注册 people in the caller's scope, whatever the filters. */
  newRegistrationCount: z.number().int(),
});
export type StaffPage = z.infer<typeof StaffPage>;
export const StaffUpdate = z.object({
  departmentId: z.number().int().positive().nullable().optional(),
  phone: MobilePhone.optional(),
  email: Email.optional(),
});
export const ReasonBody = z.object({ reason: z.string().trim().max(200).optional() });

export const ChangeOwnUnitRequest = z.object({ unitId: z.number().int().positive('请选择单位') });

export const IdParam = z.object({ id: Id });
