/** 考试: exam rounds, attempts, grading and makeup grants. */
export { examsRoutes } from './routes';
export { submitExam } from './submit-exam';
export { compulsoryExamTodo } from './todo';
export { existingStems, insertQuestions } from './question-bank';
export { grantMakeup } from './grant-makeup';
export { personExamHistory } from './person-exam-history';
export { makeupRequestsTodo } from './makeup-requests-todo';
export { requestMakeup, myMakeupRequest } from './request-makeup';
export { decideMakeupRequest } from './decide-makeup-request';
export { listMakeupRequests } from './list-makeup-requests';
