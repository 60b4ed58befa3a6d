import type { TodoItem } from '@ptce/contracts';
import type { Caller } from '../auth/index';
import { compulsoryExamTodo, makeupRequestsTodo } from '../exams/index';
import { ownRecordsTodo, reviewQueueTodo } from '../hours/index';
import { nextYearCoursesTodo } from '../learning/index';
import { newRegistrationsTodo } from '../org/index';
import { nextYearPlanTodo } from '../plans/index';
import { inspectorTodo, personSpotCheckTodo, unitSpotChecksTodo } from '../spot-checks/index';

/**
 * Something that may wait for a caller: the owning module's query, exported from its index.ts. It returns
 * nothing for roles it does not concern (before any query), counts only within the caller's scope, and
 * keeps to one cheap COUNT on an indexed condition — it runs on every visit of the 用户管理中心.
 */
export type TodoProvider = (caller: Caller) => Promise<TodoItem[]>;

/**
 * The one registry of 待办, in display order. A new kind of to-do is one line here.
 */
export const TODO_PROVIDERS: readonly TodoProvider[] = [
  // 单位账号、单位管理员、二级管理员、主管部门
  reviewQueueTodo,
  newRegistrationsTodo,
  unitSpotChecksTodo,
  // 人社局、主管部门、平台运营: drawn inspectors
  inspectorTodo,
  // 专业技术人员
  compulsoryExamTodo,
  ownRecordsTodo,
  personSpotCheckTodo,
  // 平台运营
  nextYearPlanTodo,
  nextYearCoursesTodo,
  makeupRequestsTodo,
];
