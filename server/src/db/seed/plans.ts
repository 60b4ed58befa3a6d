import type { ExamConfig } from '../schema/plans';

/**
 * The notice's numbers, used as the default plan of any year (an operator edits them per year):
 * 90 hours, professional ≥ 2/3, compulsory 15, electives 10, pass at 60, 3 attempts,
 * public subjects by Dec 31, professional hours registered and reviewed by Mar 31 of the next year.
 */
export const DEFAULT_EXAM: ExamConfig = {
  minutes: 60,
  single: { count: 20, points: 2 },
  multiple: { count: 10, points: 3 },
  judge: { count: 15, points: 2 },
};

export function defaultPlan(year: number) {
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
    publicDeadline: `${year}-12-31`,
    professionalDeadline: `${year + 1}-03-31`,
    examConfig: DEFAULT_EXAM,
    maxRecordHours: 90,
  };
}

/** 2023 and 2024 (the notice's years), last year (prior-year makeup) and this year: the demo works on any date. */
export function plannedYears(currentYear: number): number[] {
  return [...new Set([2023, 2024, currentYear - 1, currentYear])].sort();
}
