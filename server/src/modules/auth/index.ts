// The auth area as the rest of the server uses it.
export { authRoutes } from './routes';
export { clearAccountFailures, usernameKey } from './login-throttle';
