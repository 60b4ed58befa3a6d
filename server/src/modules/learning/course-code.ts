import { like } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { courses } from '../../db/schema/index';
import type { CourseKind } from '../../domain/learning';

/**
 * A new course's code in the shipped courses' style: GX-2027-BX for the year's compulsory course
 * (GX-2027-BX-02 … for another draft), GX-2027-XX-01, -02 … for electives.
 */
export async function nextCourseCode(db: Db, year: number, kind: CourseKind): Promise<string> {
  const prefix = `GX-${year}-${kind === 'compulsory' ? 'BX' : 'XX'}`;
  const taken = new Set(
    (
      await db
        .select({ code: courses.code })
        .from(courses)
        .where(like(courses.code, `${prefix}%`))
    ).map((r) => r.code),
  );
  if (kind === 'compulsory' && !taken.has(prefix)) return prefix;
  for (let n = kind === 'compulsory' ? 2 : 1; ; n++) {
    const code = `${prefix}-${String(n).padStart(2, '0')}`;
    if (!taken.has(code)) return code;
  }
}
