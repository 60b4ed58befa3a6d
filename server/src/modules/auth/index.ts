/** 登录: sessions, captcha and login throttling, as the rest of the server uses them. */
export { authRoutes } from './routes';
export { readerOf, type Caller } from './caller';
export { login, type LoginAccount, type LoginMeta } from './login';
export {
  accountFailures,
  ADDRESS_BURST,
  CAPTCHA_AFTER_FAILURES,
  clearAccountFailures,
  clearAddressFailures,
  delayAfter,
  QUIET_MINUTES,
  usernameKey,
} from './login-throttle';
export { CAPTCHA_CHARS } from './captcha-image';
