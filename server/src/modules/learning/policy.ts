import { allow } from '../../auth/policy';

/** 公需科目学习: professionals study for themselves; the operator (培训中心) manages course content. */
export const learningPolicy = {
  /** Every read and write here is about the caller's own learning (scope: self). */
  study: allow('learning.study', ['professional']),
  /** Chapter files and materials: the learner, and the operator who maintains them. */
  readContent: allow('learning.content', ['professional', 'operator']),
  manageContent: allow('learning.manage', ['operator']),
} as const;
