// @ptce/rules — the notice's rules in one place: pure functions of an annual plan, used by the
// server and by the web's previews. No I/O, no clock: callers pass the plan and "today".
export * from './violations';
export * from './plan';
export * from './hours';
export * from './year-window';
export * from './compliance';
export * from './exam';
export * from './help-desk';
export * from './evidence';
export * from './regions';
