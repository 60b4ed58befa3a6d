export * from './common';
export * from './auth';
export * from './reference';
export * from './audit';
export * from './org';
export * from './hours';
export * from './learning';
export * from './id-number';
