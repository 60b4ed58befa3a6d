/** Excel: imports (templates, background runs, error reports) and exports of workbooks. */
export { importsRoutes } from './routes';
export { XLSX_MIME, xlsxSheetWriter, type XlsxColumn } from './xlsx-writer';
export { preparePagedExport, type PagedExport } from './paged-export';
export { idNumberFormatter } from './id-visibility';
export { importLimits, setImportLimits } from './limits';
export { waitForImports } from './run-import';
export { inspectXlsx } from './xlsx-container';
export { openSheet } from './read-sheet';
export { HOURS_COLUMNS } from './hours-registration';
// What the import-killing child process of the tests drives directly.
export { hoursRegistrationImport } from './hours-registration';
export { importHooks } from './run-import';
export { spoolSettings } from './row-spool';
export { startImport } from './start-import';
