/** 学时: hour records — registering, submitting, reviewing, listing and the yearly totals. */
export { hoursRoutes } from './routes';
export { UNIT_IMPORT_LOCK } from './duplicate-record';
export { listRecords, recordListWhere, recordQuery } from './list-records';
export { planOf, yearClosedIn } from './plan-window';
export { registerRecords, type NewRecord } from './register-record';
export { yearTotals } from './overview';
export { reviewRecords } from './review-records';
export { ownRecordsTodo, reviewQueueTodo } from './todo';
export { lockRecordById, removeRecord } from './remove-record';
export { sniffEvidenceType, cleanFileName } from './evidence';
