// The one registry of the 用户管理中心: every entry under the centre layout, who may open it,
// where it sits in the left menu, and which shortcut cards the landing page shows.
// It describes entries only; routes.tsx maps each key to its page, so pages may import the menu
// without a cycle. A new area adds its entry here (or flips `ready`) and its page in routes.tsx —
// the menu, the routes, the role guard and the shortcut cards all follow.
import type { Role } from '@ptce/contracts';

/** Sub-menus, labelled as in the notice's operating manual (附件2). */
export const MENU_GROUPS = {
  myHours: '我的学时',
  hoursAdmin: '学时管理',
} as const;
export type MenuGroup = keyof typeof MENU_GROUPS;

export interface MenuEntry {
  key: string;
  label: string;
  /** Absolute path inside the centre layout. */
  path: string;
  /** Who sees the entry and may open the page; everyone else gets 无权访问. */
  roles: readonly Role[];
  group?: MenuGroup;
  /** false: the area is not built yet — no menu item, no route; shortcut cards show 即将开放. */
  ready?: boolean;
  /** Reached from the landing page's cards only, not listed in the left menu. */
  hideInMenu?: boolean;
}

// Role sets, named after who they are in the notice.
const PEOPLE: readonly Role[] = [
  'professional',
  'unit_account',
  'unit_admin',
  'dept_admin',
  'authority',
  'hr_bureau',
  'base',
  'operator',
];
const PROFESSIONAL: readonly Role[] = ['professional'];
/** 单位账号 and 单位管理员 (总管理员 and 二级管理员). */
const UNIT_ADMINS: readonly Role[] = ['unit_account', 'unit_admin', 'dept_admin'];
/** Only the unit's own account and its total admin manage admins and departments (附件2 二(四)). */
const UNIT_TOTAL: readonly Role[] = ['unit_account', 'unit_admin'];
/** Supervising / industry authorities review records submitted to them (附件2 一(三)2). */
const REVIEWERS: readonly Role[] = [...UNIT_ADMINS, 'authority'];
const OPERATOR: readonly Role[] = ['operator'];
/** Units are created by the operator or a city/county HR bureau; an authority may list its units read-only. */
const UNIT_MANAGERS: readonly Role[] = ['operator', 'hr_bureau', 'authority'];

const ENTRIES = [
  {
    key: 'center',
    label: '用户管理中心',
    path: '/',
    roles: PEOPLE,
  },

  // 专业技术人员
  {
    key: 'learning',
    label: '前往学习',
    path: '/learning',
    roles: PROFESSIONAL,
    hideInMenu: true,
  },
  {
    key: 'learning-history',
    label: '历年培训',
    path: '/learning/history',
    roles: PROFESSIONAL,
    hideInMenu: true,
  },
  {
    key: 'learning-course',
    label: '学习课程',
    path: '/learning/:year/courses/:courseId',
    roles: PROFESSIONAL,
    hideInMenu: true,
  },
  {
    key: 'learning-chapter',
    label: '进入学习',
    path: '/learning/:year/chapters/:chapterId',
    roles: PROFESSIONAL,
    hideInMenu: true,
  },
  {
    key: 'exam-attempt',
    label: '考试',
    path: '/exams/attempts/:attemptId',
    roles: PROFESSIONAL,
    hideInMenu: true,
  },
  {
    key: 'hours-mine',
    label: '学时登记',
    path: '/hours/mine',
    roles: PROFESSIONAL,
    group: 'myHours',
  },
  {
    key: 'hours-query',
    label: '学时查询',
    path: '/hours/query',
    roles: PROFESSIONAL,
    group: 'myHours',
  },
  {
    key: 'certificates',
    label: '打印证书',
    path: '/certificates',
    roles: PROFESSIONAL,
  },

  // 单位管理员 / 主管部门
  {
    key: 'unit-hours-register',
    label: '专业科目学时登记',
    path: '/hours/unit/register',
    roles: UNIT_ADMINS,
    group: 'hoursAdmin',
  },
  {
    key: 'unit-hours-import',
    label: '导入学员培训信息',
    path: '/hours/unit/import',
    roles: UNIT_ADMINS,
    group: 'hoursAdmin',
    hideInMenu: true,
  },
  {
    key: 'unit-hours-review',
    label: '专业科目学时审核',
    path: '/hours/unit/review',
    roles: REVIEWERS,
    group: 'hoursAdmin',
  },
  {
    key: 'unit-hours-results',
    label: '专业科目学时审核结果',
    path: '/hours/unit/results',
    roles: REVIEWERS,
    group: 'hoursAdmin',
  },
  {
    key: 'unit-hours-query',
    label: '专业科目学时查询',
    path: '/hours/unit/query',
    roles: UNIT_ADMINS,
    group: 'hoursAdmin',
  },
  {
    key: 'org-admins',
    label: '单位管理员管理',
    path: '/org/admins',
    roles: UNIT_TOTAL,
  },
  {
    key: 'org-departments',
    label: '单位部门管理',
    path: '/org/departments',
    roles: UNIT_TOTAL,
  },
  {
    key: 'org-staff',
    label: '专业技术人员管理',
    path: '/org/staff',
    roles: UNIT_ADMINS,
  },

  // 人社厅 / 培训中心、市县人社局 (主管部门 may look at the units under it)
  {
    key: 'org-units',
    label: '单位管理',
    path: '/org/units',
    roles: UNIT_MANAGERS,
  },

  {
    key: 'unit-compliance',
    label: '年度学时达标情况',
    path: '/compliance/unit',
    roles: [...UNIT_ADMINS, 'authority', 'hr_bureau', 'operator'],
    group: 'hoursAdmin',
  },

  // 人社厅 / 培训中心
  {
    key: 'plans',
    label: '年度计划管理',
    path: '/plans',
    roles: OPERATOR,
  },
  {
    key: 'exam-makeups',
    label: '补学补考',
    path: '/exams/makeups',
    roles: OPERATOR,
  },
  {
    key: 'course-admin',
    label: '课程管理',
    path: '/learning/admin',
    roles: OPERATOR,
  },
  {
    key: 'certificate-admin',
    label: '证书管理',
    path: '/certificates/admin',
    roles: OPERATOR,
  },
  {
    key: 'exam-bank',
    label: '题库管理',
    path: '/exams/bank',
    roles: OPERATOR,
  },
  {
    key: 'audit',
    label: '审计日志',
    path: '/audit',
    roles: OPERATOR,
  },

  // Everyone
  {
    key: 'profile',
    label: '我的信息',
    path: '/profile',
    roles: PEOPLE,
  },
  {
    key: 'password',
    label: '修改密码',
    path: '/password',
    roles: PEOPLE,
  },
] as const satisfies readonly MenuEntry[];

/** The key of a MENU entry; routes.tsx gives each one its page. */
export type MenuKey = (typeof ENTRIES)[number]['key'];

export const MENU: readonly (MenuEntry & { key: MenuKey })[] = ENTRIES;

export interface Shortcut {
  /** The MENU entry the card opens; its roles decide who sees the card, its `ready` whether it opens. */
  entry: MenuKey;
  /** Card title when it differs from the menu label. */
  label?: string;
  description: string;
}

/** The landing page's cards, in display order; each user sees those their roles allow. */
export const SHORTCUTS: readonly Shortcut[] = [
  { entry: 'learning', description: '学习公需科目课程，完成后参加考试' },
  { entry: 'hours-mine', label: '我的学时', description: '登记专业科目学时并提交审核' },
  { entry: 'hours-query', description: '查询各年度公需科目、专业科目学时' },
  { entry: 'certificates', description: '生成并打印继续教育证书' },
  { entry: 'unit-hours-review', description: '审核提交的专业科目学时' },
  { entry: 'unit-hours-register', description: '为本单位专业技术人员登记学时' },
  { entry: 'org-staff', description: '查看和管理本单位专业技术人员' },
  { entry: 'org-units', description: '按名称或统一社会信用代码查询、新增单位' },
  { entry: 'exam-makeups', description: '按身份证号查询考试情况，为考试机会用完仍不合格者开通补学补考' },
  { entry: 'audit', description: '按操作、操作人、对象和日期检索系统操作记录' },
  { entry: 'profile', description: '手机号、电子邮箱、所属部门' },
  { entry: 'password', description: '定期修改密码，保障账号安全' },
];

export function isReady(e: MenuEntry): boolean {
  return e.ready !== false;
}

export function entryByKey(key: MenuKey): MenuEntry | undefined {
  return MENU.find((e) => e.key === key);
}

export function canSee(e: MenuEntry, roles: readonly Role[]): boolean {
  return roles.some((r) => e.roles.includes(r));
}

/** The entry a location belongs to: exact match for '/', otherwise the longest path prefix. */
export function entryForPath(pathname: string): MenuEntry | undefined {
  let best: MenuEntry | undefined;
  for (const e of MENU) {
    if (!isReady(e)) continue;
    const hit = e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`);
    if (hit && (!best || e.path.length > best.path.length)) best = e;
  }
  return best;
}
