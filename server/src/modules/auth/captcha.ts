import { createHash, randomBytes } from 'node:crypto';
import { lt, sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { captchas } from '../../db/schema/index';
import { AppError } from '../../errors';
import { captchaSvg, randomAnswer } from './captcha-image';

export const CAPTCHA_TTL_MS = 2 * 60_000;

const hashOf = (id: string, answer: string) =>
  createHash('sha256').update(`${id}:${answer.trim().toUpperCase()}`).digest('hex');

/**
 * Answers kept in this process only for a server started with ENABLE_TEST_CLOCK=true (refused in
 * production), so scripted journeys can read them through GET /api/test/captcha/:captchaId.
 */
const testAnswers = new Map<string, string>();
const TEST_ANSWERS_KEPT = 10_000;

export function captchaAnswerForTest(id: string): string | undefined {
  return testAnswers.get(id);
}

export async function createCaptcha(
  db: Db,
  opts: { keepAnswerForTests: boolean },
): Promise<{ captchaId: string; image: string; expiresAt: string }> {
  const at = now();
  const id = randomBytes(18).toString('base64url');
  const answer = randomAnswer();
  const expiresAt = new Date(at.getTime() + CAPTCHA_TTL_MS);
  // Expired captchas are of no use to anyone: each new one sweeps those ten minutes past.
  await db.delete(captchas).where(lt(captchas.expiresAt, new Date(at.getTime() - 10 * 60_000)));
  await db.insert(captchas).values({ id, answerHash: hashOf(id, answer), createdAt: at, expiresAt });
  if (opts.keepAnswerForTests) {
    if (testAnswers.size >= TEST_ANSWERS_KEPT) testAnswers.delete(testAnswers.keys().next().value!);
    testAnswers.set(id, answer);
  }
  return {
    captchaId: id,
    image: `data:image/svg+xml;base64,${Buffer.from(captchaSvg(answer)).toString('base64')}`,
    expiresAt: expiresAt.toISOString(),
  };
}

export const CAPTCHA_MISSING = '请输入图形验证码';
export const CAPTCHA_WRONG = '图形验证码错误或已过期，请换一张重新输入';

/**
 * Checks an answer and uses the captcha up, right or wrong: each captcha gets one answer, so its
 * answer cannot be guessed by trying. Case does not matter. Throws CAPTCHA_INVALID.
 */
export async function checkCaptcha(db: Db, id: string | undefined, answer: string | undefined): Promise<void> {
  if (!id || !answer?.trim())
    throw new AppError('CAPTCHA_INVALID', CAPTCHA_MISSING, [{ field: 'captchaAnswer', reason: CAPTCHA_MISSING }]);
  const at = now();
  const used = await db
    .update(captchas)
    .set({ usedAt: at })
    .where(sql`${captchas.id} = ${id} AND ${captchas.usedAt} IS NULL AND ${captchas.expiresAt} > ${at}`)
    .returning({ answerHash: captchas.answerHash });
  testAnswers.delete(id);
  if (used.length === 0 || used[0]!.answerHash !== hashOf(id, answer)) {
    throw new AppError('CAPTCHA_INVALID', CAPTCHA_WRONG, [{ field: 'captchaAnswer', reason: CAPTCHA_WRONG }]);
  }
}
