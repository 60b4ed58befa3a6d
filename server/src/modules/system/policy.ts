import { publicAccess } from '../../auth/policy';

export const systemPolicy = {
  health: publicAccess('system.health'),
  /** Only registered when ENABLE_TEST_CLOCK=true (never in production). */
  testClock: publicAccess('system.test-clock'),
} as const;
