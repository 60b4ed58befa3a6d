/** 2023 and 2024 (the notice's years), last year (prior-year makeup) and this year: the demo works on any date. */
export function plannedYears(currentYear: number): number[] {
  return [...new Set([2023, 2024, currentYear - 1, currentYear])].sort();
}
