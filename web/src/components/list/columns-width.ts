/** Total width of a table's columns, for its horizontal scroll inside a card (120 for a column without a width). */
export function columnsWidth(columns: readonly { width?: unknown }[]): number {
  return columns.reduce<number>((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), 0);
}
