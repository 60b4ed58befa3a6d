/** 账号: the signed-in person's own account (profile, password) and self-registration. */
export { accountsRoutes } from './routes';
export { getMe } from './get-me';
export { registerProfessional } from './register-professional';
export { createUnclaimedPeople, type UnclaimedPerson } from './unclaimed-people';
