import { publicAccess } from '../../auth/policy';

export const systemPolicy = {
  health: publicAccess('system.health'),
  /** A page's error, reported by the browser to get its 错误编号: anyone, signed in or not. */
  clientErrors: publicAccess('system.client-errors'),
  /** Only registered when ENABLE_TEST_CLOCK=true (never in production). */
  testClock: publicAccess('system.test-clock'),
} as const;
