import { PASSWORD_RULE_TEXT } from '@ptce/contracts';
import { ACCOUNT_RULES, HELP_DESK, MIN_INSPECTORS_PER_UNIT, MIN_SAMPLE_PERCENT, defaultPlan } from '@ptce/rules';

/** "MM-DD" of an ISO date as 月日 (e.g. the plan's deadlines). */
function monthDay(iso: string): string {
  const [, m, d] = iso.split('-');
  return `${Number(m)}月${Number(d)}日`;
}

/**
 * The numbers and facts the help pages quote ({{name}} in content/*.md), from @ptce/rules: the notice's
 * default plan (each year's annual plan may change them — the pages say so), the help-desk facts and the password
 * rule the forms show (@ptce/contracts).
 */
export function helpFacts(year: number): Record<string, string | number> {
  const plan = defaultPlan(year);
  const ratio =
    plan.professionalRatioNum === 2 && plan.professionalRatioDen === 3
      ? '三分之二'
      : `${plan.professionalRatioNum}/${plan.professionalRatioDen}`;
  const professionalYear = Number(plan.professionalDeadline.slice(0, 4));
  return {
    totalHours: plan.totalHours,
    ratio,
    compulsoryHours: plan.compulsoryHours,
    electiveHours: plan.electiveHours,
    passScore: plan.passScore,
    maxAttempts: plan.maxAttempts,
    examMinutes: plan.examConfig.minutes,
    hoursPerHalfDay: plan.hoursPerHalfDay,
    fullDayHours: plan.hoursPerHalfDay * 2,
    publicDeadline: monthDay(plan.publicDeadline),
    professionalDeadline: `${professionalYear > year ? '次年' : ''}${monthDay(plan.professionalDeadline)}`,
    deskHours: HELP_DESK.hours,
    phone: HELP_DESK.phone,
    email: HELP_DESK.email,
    browsers: HELP_DESK.browsers,
    os: HELP_DESK.operatingSystem,
    captchaAfter: ACCOUNT_RULES.captchaAfterFailures,
    tempPasswordHours: ACCOUNT_RULES.temporaryPasswordHours,
    initialPasswordDays: ACCOUNT_RULES.initialPasswordDays,
    mergeUndoDays: ACCOUNT_RULES.mergeUndoDays,
    passwordRule: PASSWORD_RULE_TEXT,
    minSamplePercent: MIN_SAMPLE_PERCENT,
    minInspectors: MIN_INSPECTORS_PER_UNIT,
  };
}
