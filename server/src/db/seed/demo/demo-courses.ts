import { eq } from 'drizzle-orm';
import { shanghaiYear } from '../../../clock';
import { rolesOf } from '../../../auth/actor';
import { copyCourse } from '../../../modules/learning/index';
import type { FileStore } from '../../../storage/file-store';
import type { Db } from '../../client';
import { accounts, courses } from '../../schema/index';
import { ELECTIVE_COURSES } from '../content/index';

/** The shipped courses keep their texts in the database: copying them never touches a file store. */
const NO_FILES: FileStore = new Proxy({} as FileStore, {
  get: () => () => Promise.reject(new Error('demo courses have no files')),
});

/**
 * 课程管理 for a new year: next year's draft of this year's digital-technology elective, copied by the demo
 * operator with 复制上年课程 — the operator finds a draft to preview, edit and publish.
 */
export async function seedDemoCourses(db: Db): Promise<void> {
  const [op] = await db.select().from(accounts).where(eq(accounts.username, 'operator'));
  const source = ELECTIVE_COURSES.find((c) => c.area === '数字技术') ?? ELECTIVE_COURSES[0]!;
  const [src] = await db.select({ id: courses.id }).from(courses).where(eq(courses.code, source.code));
  if (!op || !src) return;
  const actor = {
    id: op.id,
    kind: op.kind,
    name: op.name,
    ...rolesOf(op.kind, null),
    unitId: null,
    departmentId: null,
    departmentScopeIds: null,
    authorityId: null,
    baseId: null,
    regionCode: null,
    industryCode: null,
    mustChangePassword: false,
    profileComplete: true,
    sessionId: 'demo-seed',
    csrfToken: '',
  };
  await copyCourse({ db, actor }, NO_FILES, src.id, { year: shanghaiYear() + 1 });
}
