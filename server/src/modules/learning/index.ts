/** 学习: courses, chapters, study time (heartbeats) and the learning window of a plan year. */
export { learningRoutes } from './routes';
export { learningPolicy } from './policy';
export { completeCourseIfDone } from './complete-course';
export { creditCtes } from './public-hours';
export {
  assertOpen,
  compulsoryCourseOf,
  ensureRound,
  hasPassedCompulsory,
  latestRound,
  loadPlan,
  windowFor,
  windowView,
  type AnnualPlanRow,
  type ExamRound,
} from './plan-context';
export { recordHeartbeat, runBeat } from './record-heartbeat';
export { nextYearCoursesTodo } from './todo';
export { copyCourse } from './copy-course';
