// @ptce/rules — the notice's rules in one place: pure functions of an annual plan, used by the
// server and by the web's previews. No I/O, no clock: callers pass the plan and "today".
export * from './violations';
export * from './plan';
export * from './credits';
export * from './hours';
export * from './filing';
export * from './year-window';
export * from './compliance';
export * from './exam';
export * from './help-desk';
export * from './evidence';
export * from './regions';
export * from './spot-check';
export * from './statistics';
