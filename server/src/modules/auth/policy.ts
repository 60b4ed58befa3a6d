import { allow, publicAccess } from '../../auth/policy';

export const authPolicy = {
  login: publicAccess('auth.login'),
  register: publicAccess('auth.register'),
  captcha: publicAccess('auth.captcha'),
  /** Only registered when ENABLE_TEST_CLOCK=true (never in production). */
  testCaptchaAnswer: publicAccess('auth.test-captcha-answer'),
  logout: allow('auth.logout', 'any', { duringPasswordChange: true, duringProfileCompletion: true }),
} as const;
