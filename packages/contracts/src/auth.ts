import { z } from 'zod';
import { Email, IdNumberInput, MobilePhone, Password } from './common';

/** The three tabs of the login box: 专业技术人员 / 单位管理员 / 管理部门. */
export const LoginRealm = z.enum(['person', 'unit', 'authority']);
export type LoginRealm = z.infer<typeof LoginRealm>;

/** A 图形验证码 from GET /api/auth/captcha and what the person read in it. */
export const CaptchaAnswer = z.object({
  captchaId: z.string().trim().min(1).max(64).optional(),
  captchaAnswer: z.string().trim().max(16, '图形验证码过长').optional(),
});
export type CaptchaAnswer = z.infer<typeof CaptchaAnswer>;

export const CaptchaResponse = z.object({
  captchaId: z.string(),
  /** An SVG image as a data: URL. */
  image: z.string(),
  expiresAt: z.string(),
});
export type CaptchaResponse = z.infer<typeof CaptchaResponse>;

export const LoginRequest = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
  realm: LoginRealm.optional(),
  ...CaptchaAnswer.shape,
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const AccountKind = z.enum([
  'professional', // 专业技术人员
  'unit_account', // 单位账号
  'unit_admin', // 单位管理员（总/二级）
  'authority', // 主管部门 / 行业主管部门
  'hr_bureau', // 市、县人社局
  'base', // 继续教育基地
  'operator', // 人社厅 / 培训中心
  'integration', // 行业学时管理系统 (machine client)
]);
export type AccountKind = z.infer<typeof AccountKind>;

export const Role = z.enum([
  'professional',
  'unit_account',
  'unit_admin', // total admin (no department)
  'dept_admin', // 二级管理员
  'authority',
  'hr_bureau',
  'base',
  'operator',
  'integration',
]);
export type Role = z.infer<typeof Role>;

export const ScopeLevel = z.enum(['self', 'department', 'unit', 'region', 'industry', 'base', 'province']);
export type ScopeLevel = z.infer<typeof ScopeLevel>;

export const Me = z.object({
  id: z.number().int(),
  kind: AccountKind,
  roles: z.array(Role),
  scope: ScopeLevel,
  username: z.string(),
  name: z.string(),
  idNumberMasked: z.string().nullable(),
  gender: z.enum(['male', 'female']).nullable(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  unit: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  department: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  regionCode: z.string().nullable(),
  organizationName: z.string().nullable(),
  mustChangePassword: z.boolean(),
  profileComplete: z.boolean(),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;

export const LoginResponse = z.object({ me: Me });

export const RegisterRequest = z.object({
  idNumber: IdNumberInput,
  name: z.string().trim().min(2, '请输入姓名').max(30, '姓名过长'),
  phone: MobilePhone,
  unitId: z.number().int().positive('请选择人事（劳动）关系所在单位'),
  password: Password,
  ...CaptchaAnswer.shape,
});
export type RegisterRequest = z.infer<typeof RegisterRequest>;

export const ChangePasswordRequest = z.object({
  oldPassword: z.string().min(1, '请输入原密码').max(128),
  newPassword: Password,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const UpdateProfileRequest = z.object({
  phone: MobilePhone.optional(),
  email: Email.optional(),
  /** null = no department (managed by the unit's total admin). */
  departmentId: z.number().int().positive().nullable().optional(),
});
export type UpdateProfileRequest = z.infer<typeof UpdateProfileRequest>;
