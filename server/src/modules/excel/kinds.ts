import type { ImportKind } from '@ptce/contracts';
import { hoursRegistrationImport } from './hours-registration';
import type { AnyImportKind } from './import-kind';

/** Every import kind the engine runs, by name (a job row remembers its kind). */
export const IMPORT_KIND_DEFS: Record<ImportKind, AnyImportKind> = {
  'hours-registration': hoursRegistrationImport,
};
