import { z } from 'zod';
import { WechatBinding } from './wechat';
import { AuditEntry } from './audit';
import { CertificateAdminRow } from './certificates';
import { ComplianceStatus } from './compliance';
import { PersonExamStatus } from './learning';

/** 人员查询 (help desk): what the clerk typed — an ID number, a mobile number or (part of) a name. */
export const HelpdeskSearchQuery = z.object({
  q: z.string().trim().min(1, '请输入身份证号码、手机号码或姓名').max(30, '查询内容过长'),
});
export type HelpdeskSearchQuery = z.infer<typeof HelpdeskSearchQuery>;

export const HelpdeskSearchKind = z.enum(['idNumber', 'phone', 'name']);
export type HelpdeskSearchKind = z.infer<typeof HelpdeskSearchKind>;
export const HELPDESK_SEARCH_KIND_LABEL: Record<HelpdeskSearchKind, string> = {
  idNumber: '身份证号码',
  phone: '手机号码',
  name: '姓名',
};

/** How a typed look-up is read: 18 characters of an ID number, an 11-digit mobile number, else a name. */
export function helpdeskSearchKind(q: string): HelpdeskSearchKind {
  const s = q.trim();
  if (/^\d{17}[\dXx]$/.test(s)) return 'idNumber';
  if (/^1\d{10}$/.test(s)) return 'phone';
  return 'name';
}

export const HelpdeskPersonRow = z.object({
  id: z.number().int(),
  name: z.string(),
  idNumberMasked: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  unitName: z.string().nullable(),
  departmentName: z.string().nullable(),
  loginEnabled: z.boolean(),
  newRegistration: z.boolean(),
});
export type HelpdeskPersonRow = z.infer<typeof HelpdeskPersonRow>;

export const HelpdeskSearchResult = z.object({
  kind: HelpdeskSearchKind,
  items: z.array(HelpdeskPersonRow),
  /** more people matched than are listed: the clerk should type more of the name */
  truncated: z.boolean(),
});
export type HelpdeskSearchResult = z.infer<typeof HelpdeskSearchResult>;

/** The password the account has now. */
export const PasswordState = z.enum(['normal', 'must_change', 'temporary', 'expired']);
export type PasswordState = z.infer<typeof PasswordState>;
export const PASSWORD_STATE_LABEL: Record<PasswordState, string> = {
  normal: '本人设置的密码',
  must_change: '须在下次登录时修改',
  temporary: '初始或临时密码（首次登录须修改）',
  expired: '初始或临时密码已过期',
};

export const HelpdeskAccount = z.object({
  /** what the person types at the login page (the ID number) */
  username: z.string(),
  loginEnabled: z.boolean(),
  /** login failures counted now against the username */
  failures: z.number().int(),
  lastFailureAt: z.string().nullable(),
  /** the next login needs the 图形验证码 */
  captchaRequired: z.boolean(),
  /** why: failed logins, or an initial/temporary password (which always needs it) */
  captchaReason: z.enum(['failures', 'initial_password']).nullable(),
  passwordState: PasswordState,
  passwordExpiresAt: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  lastLoginIp: z.string().nullable(),
  createdAt: z.string(),
  /** 微信绑定 (扫码登录), null when none */
  wechat: WechatBinding.nullable(),
});
export type HelpdeskAccount = z.infer<typeof HelpdeskAccount>;

/** 合并账号: what moves from the merged account to the kept one. */
export const AccountMergeCounts = z.object({
  records: z.number().int(),
  evidence: z.number().int(),
  rounds: z.number().int(),
  attempts: z.number().int(),
  progress: z.number().int(),
  completions: z.number().int(),
  publicCredits: z.number().int(),
  certificates: z.number().int(),
  makeupRequests: z.number().int(),
  reopenings: z.number().int(),
});
export type AccountMergeCounts = z.infer<typeof AccountMergeCounts>;
export const ACCOUNT_MERGE_COUNT_LABEL: Record<keyof AccountMergeCounts, string> = {
  records: '学时登记记录',
  evidence: '证明材料',
  rounds: '公需科目考试轮次（含补学补考）',
  attempts: '考试记录',
  progress: '课程章节学习进度',
  completions: '课程完成记录',
  publicCredits: '公需科目学时',
  certificates: '证书（含已撤销）',
  makeupRequests: '补考申请',
  reopenings: '个人延期办理',
};

export const AccountMergeSide = z.object({
  id: z.number().int(),
  name: z.string(),
  idNumberMasked: z.string(),
  unitName: z.string().nullable(),
  loginEnabled: z.boolean(),
});
export type AccountMergeSide = z.infer<typeof AccountMergeSide>;

export const AccountMergeQuery = z.object({
  mergedId: z.coerce.number().int().positive('请选择要合并的账号'),
});
export type AccountMergeQuery = z.infer<typeof AccountMergeQuery>;

/** Before 确认合并: both accounts, what would move, and why it cannot (empty when it can). */
export const AccountMergePreview = z.object({
  kept: AccountMergeSide,
  merged: AccountMergeSide,
  counts: AccountMergeCounts,
  conflicts: z.array(z.string()),
});
export type AccountMergePreview = z.infer<typeof AccountMergePreview>;

export const AccountMergeRequest = z.object({
  mergedId: z.number().int().positive('请选择要合并的账号'),
  reason: z.string().trim().min(2, '请填写合并原因').max(200, '合并原因不能超过200个字'),
});
export type AccountMergeRequest = z.infer<typeof AccountMergeRequest>;

export const UndoMergeRequest = z.object({
  reason: z.string().trim().min(2, '请填写撤销原因').max(200, '撤销原因不能超过200个字'),
});
export type UndoMergeRequest = z.infer<typeof UndoMergeRequest>;

export const AccountMergeRow = z.object({
  id: z.number().int(),
  kept: AccountMergeSide,
  merged: AccountMergeSide,
  reason: z.string(),
  counts: AccountMergeCounts,
  mergedAt: z.string(),
  mergedByName: z.string().nullable(),
  /** 撤销合并 is possible until then */
  undoUntil: z.string(),
  undoneAt: z.string().nullable(),
  undoneByName: z.string().nullable(),
  undoReason: z.string().nullable(),
  canUndo: z.boolean(),
});
export type AccountMergeRow = z.infer<typeof AccountMergeRow>;

export const AccountMergeResult = z.object({ mergeId: z.number().int(), counts: AccountMergeCounts });
export type AccountMergeResult = z.infer<typeof AccountMergeResult>;

export const HelpdeskPerson = z.object({
  id: z.number().int(),
  name: z.string(),
  /** in full: the help desk reads it back to the caller */
  idNumber: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  unit: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  department: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  /** 新注册: not yet confirmed by the unit */
  newRegistration: z.boolean(),
  account: HelpdeskAccount,
  years: z.array(ComplianceStatus),
  exams: z.array(PersonExamStatus),
  certificates: z.array(CertificateAdminRow),
  audit: z.array(AuditEntry),
  /** 已合并: this account was merged into another (it is disabled) */
  mergedInto: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  /** merges this account took part in, kept or merged, newest first */
  merges: z.array(AccountMergeRow),
});
export type HelpdeskPerson = z.infer<typeof HelpdeskPerson>;

export const UnlockResult = z.object({
  /** failures forgotten on the account */
  failuresCleared: z.number().int(),
  /** client addresses whose delay was lifted (they had failed on this account only) */
  addressesCleared: z.number().int(),
  /** addresses that also failed on other accounts: their delay stays */
  addressesKept: z.number().int(),
});
export type UnlockResult = z.infer<typeof UnlockResult>;

export const HelpdeskMakeupRequest = z.object({
  year: z.number().int().min(2000).max(2100),
  reason: z.string().trim().min(4, '请填写开通原因（不少于4个字）').max(500, '开通原因不能超过500个字'),
});
export type HelpdeskMakeupRequest = z.infer<typeof HelpdeskMakeupRequest>;

export const TransferRequest = z.object({
  unitId: z.number().int().positive('请选择调入单位'),
  departmentId: z.number().int().positive().nullable().default(null),
  reason: z.string().trim().min(2, '请填写调动原因').max(200, '调动原因不能超过200个字'),
});
export type TransferRequest = z.infer<typeof TransferRequest>;
