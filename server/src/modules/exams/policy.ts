import { allow } from '../../auth/policy';

/**
 * 考试列表 is for professionals, on their own attempts only (an attempt of someone else is 404).
 * 补学补考 and the question bank belong to the help desk / training centre (operator).
 */
export const examsPolicy = {
  takeExam: allow('exams.take', ['professional']),
  helpDesk: allow('exams.makeup', ['operator']),
  manageBank: allow('exams.bank', ['operator']),
} as const;
