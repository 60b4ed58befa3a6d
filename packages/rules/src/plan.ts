/**
 * The numbers of an annual plan (年度计划) the rules need. The notice's numbers are the default plan
 * of any year; the operator edits them per year, and every rule reads them from the plan.
 */
export type ActivityType = 'training' | 'practice' | 'distance' | 'academic' | 'other';

export interface ExamComposition {
  minutes: number;
  single: { count: number; points: number };
  multiple: { count: number; points: number };
  judge: { count: number; points: number };
}

/** An industry's credit type (学分类型) and the 学时 of one credit, as the year's plan defines them. */
export interface CreditConversion {
  type: string;
  hoursPerCredit: number;
}

export interface PlanRules {
  year: number;
  totalHours: number;
  professionalRatioNum: number;
  professionalRatioDen: number;
  compulsoryHours: number;
  electiveHours: number;
  passScore: number;
  maxAttempts: number;
  hoursPerHalfDay: number;
  /** Compulsory course and exam by this day (Shanghai date). */
  publicDeadline: string;
  /** Professional hours registered and reviewed by this day (Shanghai date). */
  professionalDeadline: string;
  examConfig: ExamComposition;
  /** Cap of 申请学时 of a hand-typed record when its type has no cap of its own. */
  maxRecordHours: number;
  /** Cap of 申请学时 per activity type that may be typed by hand (桂人社规〔2019〕4号). */
  activityCaps: Partial<Record<ActivityType, number>>;
  /** 学分折算学时 for records pushed in credits (行业学时对接); the notice defines none. */
  creditConversions: CreditConversion[];
}

/** The notice's paper: 20 single (2 points), 10 multiple (3), 15 true/false (2) in 60 minutes. */
export const DEFAULT_EXAM: ExamComposition = {
  minutes: 60,
  single: { count: 20, points: 2 },
  multiple: { count: 10, points: 3 },
  judge: { count: 15, points: 2 },
};

/** Last day of a calendar year: the public deadline of that year's plan by default. */
export function lastDayOfYear(year: number): string {
  return `${year}-12-31`;
}

/** Mar 31 of the next year: the professional deadline of a year's plan by default. */
export function defaultProfessionalDeadline(year: number): string {
  return `${year + 1}-03-31`;
}

/**
 * The notice's numbers (2024 notice and its attachments): 90 hours, professional ≥ 2/3,
 * compulsory 15, electives 10, pass at 60, 3 attempts, 4 hours per half day, public subjects by
 * Dec 31, professional hours registered and reviewed by Mar 31 of the next year.
 */
export function defaultPlan(year: number): PlanRules {
  return {
    year,
    totalHours: 90,
    professionalRatioNum: 2,
    professionalRatioDen: 3,
    compulsoryHours: 15,
    electiveHours: 10,
    passScore: 60,
    maxAttempts: 3,
    hoursPerHalfDay: 4,
    publicDeadline: lastDayOfYear(year),
    professionalDeadline: defaultProfessionalDeadline(year),
    examConfig: DEFAULT_EXAM,
    maxRecordHours: 90,
    activityCaps: { practice: 60, distance: 60, academic: 30, other: 30 },
    creditConversions: [],
  };
}
