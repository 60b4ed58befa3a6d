/** 培训班: organisers' classes and their trainees, whose hours land as approved records of source 'class'. */
export { classesRoutes } from './routes';
export { classesPolicy } from './policy';
export { classScope } from './class-scope';
export { createClass } from './create-class';
export { assertTraineesFit, followFiling } from './follow-filing';
export { findClass, type ClassRecord } from './find-class';
export { assertTraineesOpen } from './importable';
export {
  RESULT_BY_LABEL,
  resolveTrainees,
  type ResolvedTrainee,
  type TraineeEntry,
  type TraineeProblem,
} from './trainee-checks';
export { flagOverlaps, writeTrainees } from './write-trainees';
