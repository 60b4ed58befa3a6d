/** 考试: exam rounds, attempts, grading and makeup grants. */
export { examsRoutes } from './routes';
export { submitExam } from './submit-exam';
