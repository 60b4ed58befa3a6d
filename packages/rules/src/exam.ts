import { HELP_DESK } from './help-desk';
import type { PlanRules } from './plan';

/** Pass: score ≥ the plan's pass mark (of 100). */
export function examPassed(score: number, plan: Pick<PlanRules, 'passScore'>): boolean {
  return score >= plan.passScore;
}

export function attemptsLeft(used: number, plan: Pick<PlanRules, 'maxAttempts'>, extra = 0): number {
  return Math.max(0, plan.maxAttempts + extra - used);
}

/** 补学补考 (notice 附件1 二(三)): who failed every attempt phones the help desk. */
export function makeupHint(maxAttempts: number): string {
  return `${maxAttempts}次考试均不合格者，可在培训期间致电${HELP_DESK.phone}申请补学补考`;
}

export function attemptsUsedUpMessage(maxAttempts: number): string {
  return `${maxAttempts}次考试机会已用完。${makeupHint(maxAttempts)}`;
}

export function examRuleText(plan: Pick<PlanRules, 'maxAttempts' | 'passScore'>): string {
  return `公需科目必修课考试共${plan.maxAttempts}次机会，${plan.passScore}分及格`;
}
