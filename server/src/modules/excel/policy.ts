import { allow, UNIT_STAFF } from '../../auth/policy';

/**
 * Excel in and out. Which people and records an import or export reaches is decided by the scoped
 * queries (auth/scope.ts personScope, hours/record-scope.ts); these rules say which roles may call each
 * route. Professionals reach none of them.
 */
export const importsPolicy = {
  /** 导入学员培训信息: unit staff register hours for their staff (二级管理员: their department). */
  hoursImport: allow('imports.hours-registration', UNIT_STAFF),
  /** 批量导入单位: the operator (province-wide) and HR bureaus (units of their region, checked per row). */
  unitsImport: allow('imports.units', ['operator', 'hr_bureau']),
  /** 导入题库: the training centre fills a course's question bank. */
  questionImport: allow('imports.question-bank', ['operator']),
  /** 导入学员学时: a class's organiser (a base, a unit's account or total admin, an authority; its classes only). */
  classTraineesImport: allow('imports.class-trainees', ['base', 'unit_account', 'unit_admin', 'authority']),
  /** 培训班学员名单 / 年度汇总 → Excel: organisers (their classes; full ID numbers) and the operator (masked). */
  exportClasses: allow('exports.classes', ['base', 'unit_account', 'unit_admin', 'authority', 'operator']),
  /** An import's progress, bad rows and error report — only the uploader's own jobs (checked in jobs.ts). */
  jobs: allow('imports.jobs', [...UNIT_STAFF, 'operator', 'hr_bureau', 'base', 'authority']),
  /** 专业科目学时审核结果 / 专业科目学时查询 → Excel: whoever may see the list (hours policy unitLists). */
  exportHours: allow('exports.hours', [...UNIT_STAFF, 'authority', 'hr_bureau', 'operator']),
  /** 专业技术人员管理 → Excel: unit staff (hours org policy manageStaff). */
  exportStaff: allow('exports.org.staff', UNIT_STAFF),
} as const;
