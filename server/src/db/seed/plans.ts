/**
 * The notice's numbers are the default plan of any year (an operator edits them per year); they
 * live with the rules in @ptce/rules. The demo plans carry per-activity-type caps for the
 * activities whose hours are typed by hand.
 */
export { DEFAULT_EXAM, defaultPlan } from '@ptce/rules';

/** 2023 and 2024 (the notice's years), last year (prior-year makeup) and this year: the demo works on any date. */
export function plannedYears(currentYear: number): number[] {
  return [...new Set([2023, 2024, currentYear - 1, currentYear])].sort();
}
