/**
 * When a plan year is open. Professional hours of year Y are registered and reviewed until the end
 * of the plan's professional deadline (Mar 31 of Y+1, Asia/Shanghai); public subjects until the
 * public deadline (Dec 31 of Y). `deadlineEnd` is the instant the deadline day ends.
 */
export function isOpen(now: Date, deadlineEnd: Date): boolean {
  return now.getTime() < deadlineEnd.getTime();
}

export function closedReason(year: number, deadline: string): string {
  const [y, m, d] = deadline.split('-');
  return `${year}年度专业科目学时登记和审核已于${y}年${Number(m)}月${Number(d)}日截止`;
}
