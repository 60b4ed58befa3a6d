/** 登录: sessions, captcha and login throttling, as the rest of the server uses them. */
export { authRoutes } from './routes';
export type { Caller } from './caller';
export { login } from './login';
export { clearAccountFailures, delayAfter, usernameKey } from './login-throttle';
export { CAPTCHA_CHARS } from './captcha-image';
