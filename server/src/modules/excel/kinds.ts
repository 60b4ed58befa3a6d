import type { ImportKind } from '@ptce/contracts';
import { hoursRegistrationImport } from './hours-registration';
import type { AnyImportKind } from './import-kind';
import { unitsImport } from './units-import';
import { questionBankImport } from './question-bank-import';
import { classTraineesImport } from './class-trainees-import';

/** Every import kind the engine runs, by name (a job row remembers its kind). */
export const IMPORT_KIND_DEFS: Record<ImportKind, AnyImportKind> = {
  'hours-registration': hoursRegistrationImport,
  units: unitsImport,
  'question-bank': questionBankImport,
  'class-trainees': classTraineesImport,
};
