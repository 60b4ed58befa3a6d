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
  /**
   * The 帮助中心 section about this page (/help#<help>): an anchor of web/src/pages/help/content/*.md
   * (write the page's section there; help.test.ts checks it exists). The header's 帮助 opens it.
   */
  help: string;
  /** A different section for some roles (e.g. an authority's view of a page units share). */
  helpByRole?: Partial<Record<Role, string>>;
  /** Served by a public route outside the login (it shows the centre's frame to a signed-in user). */
  publicRoute?: boolean;
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
/** 统计分析 and 抽查: 市、县人社局, 行业主管部门 and the operator, each in its scope (notice 四(三)). */
const SUPERVISORS: readonly Role[] = ['hr_bureau', 'authority', 'operator'];
/** 继续教育基地 (their own filings). */
const BASE: readonly Role[] = ['base'];
/** 培训备案审核: the operator, and an industry authority for the bases it supervises. */
const FILING_REVIEWERS: readonly Role[] = ['operator', 'authority'];
/** Organisers of classes (培训班); the operator reads them too. */
const ORGANISERS: readonly Role[] = ['base', 'unit_account', 'unit_admin', 'authority'];
const ORGANISERS_AND_OPERATOR: readonly Role[] = [...ORGANISERS, 'operator'];

const ENTRIES = [
  {
    key: 'center',
    label: '用户管理中心',
    path: '/',
    roles: PEOPLE,
    help: 'center',
  },

  // 专业技术人员
  {
    key: 'learning',
    label: '前往学习',
    path: '/learning',
    roles: PROFESSIONAL,
    hideInMenu: true,
    help: 'professional-learning',
  },
  {
    key: 'learning-history',
    label: '历年培训',
    path: '/learning/history',
    roles: PROFESSIONAL,
    hideInMenu: true,
    help: 'professional-history',
  },
  {
    key: 'learning-course',
    label: '学习课程',
    path: '/learning/:year/courses/:courseId',
    roles: PROFESSIONAL,
    hideInMenu: true,
    help: 'professional-learning',
  },
  {
    key: 'learning-chapter',
    label: '进入学习',
    path: '/learning/:year/chapters/:chapterId',
    roles: PROFESSIONAL,
    hideInMenu: true,
    help: 'professional-learning',
  },
  {
    key: 'exam-attempt',
    label: '考试',
    path: '/exams/attempts/:attemptId',
    roles: PROFESSIONAL,
    hideInMenu: true,
    help: 'professional-exam',
  },
  {
    key: 'hours-mine',
    label: '学时登记',
    path: '/hours/mine',
    roles: PROFESSIONAL,
    group: 'myHours',
    help: 'professional-hours',
  },
  {
    key: 'hours-query',
    label: '学时查询',
    path: '/hours/query',
    roles: PROFESSIONAL,
    group: 'myHours',
    help: 'professional-query',
  },
  {
    key: 'certificates',
    label: '打印证书',
    path: '/certificates',
    roles: PROFESSIONAL,
    help: 'professional-certificates',
  },

  // 单位管理员 / 主管部门
  {
    key: 'unit-hours-register',
    label: '专业科目学时登记',
    path: '/hours/unit/register',
    roles: UNIT_ADMINS,
    group: 'hoursAdmin',
    help: 'unit-register',
  },
  {
    key: 'unit-hours-import',
    label: '导入学员培训信息',
    path: '/hours/unit/import',
    roles: UNIT_ADMINS,
    group: 'hoursAdmin',
    hideInMenu: true,
    help: 'unit-import',
  },
  {
    key: 'unit-hours-review',
    label: '专业科目学时审核',
    path: '/hours/unit/review',
    roles: REVIEWERS,
    group: 'hoursAdmin',
    help: 'unit-review',
    helpByRole: { authority: 'authority-review' },
  },
  {
    key: 'unit-hours-results',
    label: '专业科目学时审核结果',
    path: '/hours/unit/results',
    roles: REVIEWERS,
    group: 'hoursAdmin',
    help: 'unit-results',
  },
  {
    key: 'unit-hours-query',
    label: '专业科目学时查询',
    path: '/hours/unit/query',
    roles: UNIT_ADMINS,
    group: 'hoursAdmin',
    help: 'unit-query',
  },
  {
    key: 'org-admins',
    label: '单位管理员管理',
    path: '/org/admins',
    roles: UNIT_TOTAL,
    help: 'unit-admins',
  },
  {
    key: 'org-departments',
    label: '单位部门管理',
    path: '/org/departments',
    roles: UNIT_TOTAL,
    help: 'unit-departments',
  },
  {
    key: 'org-staff',
    label: '专业技术人员管理',
    path: '/org/staff',
    roles: UNIT_ADMINS,
    help: 'unit-staff',
  },

  // 人社厅 / 培训中心、市县人社局 (主管部门 may look at the units under it)
  {
    key: 'org-units',
    label: '单位管理',
    path: '/org/units',
    roles: UNIT_MANAGERS,
    help: 'operator-units',
    helpByRole: { hr_bureau: 'authority-units', authority: 'authority-units' },
  },
  {
    key: 'org-units-import',
    label: '批量导入单位',
    path: '/org/units/import',
    roles: ['operator', 'hr_bureau'],
    hideInMenu: true,
    help: 'units-import',
  },

  {
    key: 'unit-compliance',
    label: '年度学时达标情况',
    path: '/compliance/unit',
    roles: [...UNIT_ADMINS, 'authority', 'hr_bureau', 'operator'],
    group: 'hoursAdmin',
    help: 'unit-compliance',
    helpByRole: {
      authority: 'authority-compliance',
      hr_bureau: 'authority-compliance',
      operator: 'authority-compliance',
    },
  },

  // 统计分析 — notice 四(三): HR bureaus, industry authorities and the operator, each in its scope
  {
    key: 'stats',
    label: '统计分析',
    path: '/stats',
    roles: SUPERVISORS,
    help: 'authority-stats',
  },
  {
    key: 'stats-unit',
    label: '单位人员学时',
    path: '/stats/units/:unitId',
    roles: SUPERVISORS,
    hideInMenu: true,
    help: 'authority-stats',
  },
  {
    key: 'stats-person',
    label: '个人年度学时',
    path: '/stats/people/:accountId',
    roles: SUPERVISORS,
    hideInMenu: true,
    help: 'authority-stats',
  },

  // 培训班: 继续教育基地 (filed classes), units (单位账号, 总管理员) and industry authorities organise; the operator reads.
  {
    key: 'classes',
    label: '培训班',
    path: '/classes',
    roles: ORGANISERS_AND_OPERATOR,
    help: 'classes',
  },
  {
    key: 'class-trainees',
    label: '学员',
    path: '/classes/trainees',
    roles: ORGANISERS,
    help: 'class-trainees',
  },
  {
    key: 'class-detail',
    label: '培训班学员',
    path: '/classes/:id',
    roles: ORGANISERS_AND_OPERATOR,
    hideInMenu: true,
    help: 'classes',
  },

  // 继续教育基地 and 培训备案: the operator keeps the directory; a base files its classes; the operator and the
  // supervising authority review the filings.
  {
    key: 'bases',
    label: '继续教育基地',
    path: '/bases',
    roles: OPERATOR,
    help: 'operator-bases',
  },
  {
    key: 'filings',
    label: '培训备案',
    path: '/filings',
    roles: BASE,
    help: 'base-filings',
  },
  {
    key: 'filing-new',
    label: '新建培训备案',
    path: '/filings/new',
    roles: BASE,
    hideInMenu: true,
    help: 'base-filings',
  },
  {
    key: 'filing-edit',
    label: '修改培训备案',
    path: '/filings/:id/edit',
    roles: BASE,
    hideInMenu: true,
    help: 'base-filings',
  },
  {
    key: 'filing-change',
    label: '申请变更',
    path: '/filings/:id/change',
    roles: BASE,
    hideInMenu: true,
    help: 'base-filing-change',
  },
  {
    key: 'filing-review',
    label: '培训备案审核',
    path: '/filings/review',
    roles: FILING_REVIEWERS,
    help: 'filing-review',
  },
  {
    key: 'filing-detail',
    label: '培训备案详情',
    path: '/filings/:id',
    roles: [...BASE, ...FILING_REVIEWERS],
    hideInMenu: true,
    help: 'base-filings',
    helpByRole: { operator: 'filing-review', authority: 'filing-review' },
  },

  // 人社厅 / 培训中心
  {
    key: 'plans',
    label: '年度计划管理',
    path: '/plans',
    roles: OPERATOR,
    help: 'operator-plans',
  },
  {
    key: 'helpdesk-people',
    label: '人员查询',
    path: '/helpdesk/people',
    roles: OPERATOR,
    help: 'operator-people',
  },
  {
    key: 'helpdesk-person',
    label: '人员详情',
    path: '/helpdesk/people/:id',
    roles: OPERATOR,
    help: 'operator-people',
    hideInMenu: true,
  },
  {
    key: 'exam-makeups',
    label: '补学补考',
    path: '/exams/makeups',
    roles: OPERATOR,
    help: 'operator-makeups',
  },
  {
    key: 'exam-makeup-requests',
    label: '补考申请',
    path: '/exams/makeup-requests',
    roles: OPERATOR,
    help: 'operator-makeups',
  },
  {
    key: 'course-admin',
    label: '课程管理',
    path: '/learning/admin',
    roles: OPERATOR,
    help: 'operator-courses',
  },
  {
    key: 'course-preview',
    label: '课程预览',
    path: '/learning/admin/preview/:courseId',
    roles: OPERATOR,
    hideInMenu: true,
    help: 'operator-courses',
  },
  {
    key: 'certificate-admin',
    label: '证书管理',
    path: '/certificates/admin',
    roles: OPERATOR,
    help: 'operator-certificates',
  },
  {
    key: 'exam-bank',
    label: '题库管理',
    path: '/exams/bank',
    roles: OPERATOR,
    help: 'operator-bank',
  },
  {
    key: 'integration-clients',
    label: '行业接口管理',
    path: '/integration/clients',
    roles: OPERATOR,
    help: 'operator-integration',
  },
  {
    key: 'audit',
    label: '审计日志',
    path: '/audit',
    roles: OPERATOR,
    help: 'operator-audit',
  },

  {
    key: 'notice-admin',
    label: '通知公告管理',
    path: '/notices/manage',
    roles: OPERATOR,
    help: 'operator-notices',
  },

  // 抽查（双随机、一公开）
  {
    key: 'spot-checks',
    label: '抽查管理',
    path: '/spot-checks',
    roles: SUPERVISORS,
    help: 'spot-checks-campaign',
  },
  {
    key: 'spot-check',
    label: '抽查详情',
    path: '/spot-checks/:id',
    roles: SUPERVISORS,
    hideInMenu: true,
    help: 'spot-checks-inspect',
  },
  {
    key: 'unit-spot-checks',
    label: '抽查答复',
    path: '/spot-checks/unit',
    roles: UNIT_TOTAL,
    help: 'spot-checks-unit',
  },
  {
    key: 'unit-spot-check',
    label: '答复抽查',
    path: '/spot-checks/unit/:id',
    roles: UNIT_TOTAL,
    hideInMenu: true,
    help: 'spot-checks-unit',
  },
  {
    key: 'my-spot-checks',
    label: '抽查核减的学时',
    path: '/spot-checks/mine',
    roles: PROFESSIONAL,
    hideInMenu: true,
    help: 'spot-checks-mine',
  },

  // Everyone
  {
    key: 'help-center',
    label: '帮助中心',
    path: '/help',
    roles: PEOPLE,
    help: 'center',
    publicRoute: true,
  },
  {
    key: 'notices',
    label: '通知公告',
    path: '/notices',
    roles: PEOPLE,
    help: 'center-notices',
  },
  {
    key: 'profile',
    label: '我的信息',
    path: '/profile',
    roles: PEOPLE,
    help: 'account-profile',
  },
  {
    key: 'password',
    label: '修改密码',
    path: '/password',
    roles: PEOPLE,
    help: 'account-password',
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
  { entry: 'filings', description: '举办培训班前提交培训备案，审核通过取得备案号' },
  { entry: 'filing-review', description: '审核继续教育基地提交的培训备案和变更：通过给出备案号，或退回' },
  { entry: 'bases', description: '继续教育基地的级别、批次、有效期、联系人和状态，基地登录账号' },
  { entry: 'classes', description: '举办的培训班：培训结束后导入学员学时，合格学员学时直接通过认定' },
  { entry: 'org-units', description: '查询、新增、批量导入、修改、合并、停用单位' },
  { entry: 'stats', description: '达标率地图、行业与单位排名、月度趋势，逐级查看到单位和个人，导出年度统计报告' },
  { entry: 'exam-makeups', description: '按身份证号查询考试情况，为考试机会用完仍不合格者开通补学补考' },
  { entry: 'exam-makeup-requests', description: '处理专业技术人员在线提交的补考申请：同意或拒绝' },
  { entry: 'audit', description: '按操作、操作人、对象和日期检索系统操作记录' },
  { entry: 'notice-admin', description: '撰写、发布、撤回和置顶通知，查看单位阅读情况' },
  { entry: 'notices', description: '人社厅、培训中心发布的通知公告' },
  { entry: 'profile', description: '手机号、电子邮箱、所属部门' },
  { entry: 'password', description: '定期修改密码，保障账号安全' },
];

/** The 帮助中心 anchor of an entry for these roles. */
export function helpAnchor(e: MenuEntry, roles: readonly Role[]): string {
  for (const r of roles) {
    const byRole = e.helpByRole?.[r];
    if (byRole) return byRole;
  }
  return e.help;
}

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
