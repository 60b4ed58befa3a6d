/** 年度计划: the only code that reads or writes annual plans. */
export { clearPlansCache, plansSnapshot, type PlanRow, type PlansSnapshot } from './plan-cache';
export { notPublishedReason, planFor, publishedPlans, requirePlan, type Plan } from './plan-for';
export {
  effectiveDeadline,
  effectiveDeadlineIn,
  openYears,
  reopenedForSql,
  reopeningsFor,
  type Concerned,
  type DeadlineKind,
} from './open-years';
export { plansRoutes } from './routes';
export {
  metSql,
  personYearHours,
  personYearHoursRow,
  type PersonYearHoursFilter,
  type PersonYearHoursRow,
} from './person-year-hours';
export { nextYearPlanTodo } from './todo';
export { addCourseToPlan, examConfigFor } from './link-course';
