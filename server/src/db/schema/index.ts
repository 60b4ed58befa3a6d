// One schema object for Drizzle; each area adds its file here.
export * from './reference';
export * from './org';
export * from './accounts';
export * from './plans';
export * from './hours';
export * from './learning';
export * from './certificates';
export * from './imports';
export * from './rate-limits';
