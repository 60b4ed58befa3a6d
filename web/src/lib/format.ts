import { HALF_DAY_LABEL, type HalfDay, type Me, type Role } from '@ptce/contracts';

const dateTimeFmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** All times are shown in Asia/Shanghai, whatever the browser's zone. */
/** A record's or a class's span with its half days: "2024-05-06 上午 至 2024-05-07 下午". */
export function spanText(r: { startDate: string; startHalf: HalfDay; endDate: string; endHalf: HalfDay }): string {
  return `${r.startDate} ${HALF_DAY_LABEL[r.startHalf]} 至 ${r.endDate} ${HALF_DAY_LABEL[r.endHalf]}`;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFmt.format(d);
}

export function genderLabel(g: Me['gender'] | undefined): string {
  return g === 'male' ? '男' : g === 'female' ? '女' : '—';
}

export const ROLE_LABELS: Record<Role, string> = {
  professional: '专业技术人员',
  unit_account: '单位账号',
  unit_admin: '单位管理员',
  dept_admin: '二级管理员',
  authority: '主管部门',
  hr_bureau: '人社局',
  base: '继续教育基地',
  operator: '平台管理员',
  integration: '行业学时管理系统',
};

/** The role shown next to the user's name; an account rarely has more than one. */
export function roleLabel(roles: readonly Role[]): string {
  return roles.length ? roles.map((r) => ROLE_LABELS[r]).join('、') : '—';
}

export function hasAnyRole(me: Pick<Me, 'roles'>, roles: readonly Role[]): boolean {
  return me.roles.some((r) => roles.includes(r));
}

/** Only same-site paths may be used as the post-login destination. */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next.startsWith('/login') || next.startsWith('/register') || next.startsWith('/setup')) return null;
  return next;
}

/** Where a freshly signed-in account goes: the forced steps first, then `next` or 用户管理中心. */
export function landingPath(me: Pick<Me, 'mustChangePassword' | 'profileComplete'>, next?: string | null): string {
  const tail = next ? `?next=${encodeURIComponent(next)}` : '';
  if (me.mustChangePassword) return `/setup/password${tail}`;
  if (!me.profileComplete) return `/setup/profile${tail}`;
  return next ?? '/';
}

/** When the statistics were computed (统计分析, and the summary of a province-, region- or industry-wide list). */
export const asOfText = (at: string | null | undefined) =>
  at
    ? `数据时间：${new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(new Date(at))}`
    : '数据尚未统计';
