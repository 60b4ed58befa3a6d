import { z } from 'zod';

/**
 * How much an import may be. Read once from the environment (IMPORT_MAX_FILE_MB, IMPORT_MAX_ROWS,
 * IMPORT_MAX_UNCOMPRESSED_MB, IMPORT_MAX_RATIO, IMPORT_MAX_SHARED_STRINGS_MB,
 * IMPORT_BATCH_SIZE); tests narrow them with setImportLimits.
 *
 * The uncompressed limit is what stops a zip bomb: an .xlsx is a zip of XML, and 100,000 rows of the
 * hours template are about 45 MB of sheet XML (shared strings) or ~100 MB (inline strings), so 300 MB
 * leaves room while refusing a 20 MB file that claims (or turns out) to unpack into gigabytes.
 */
export interface ImportLimits {
  maxFileBytes: number;
  maxRows: number;
  maxUncompressedBytes: number;
  /** Largest uncompressed/compressed ratio of one entry above 1 MB; real sheets stay far below. */
  maxRatio: number;
  /**
   * Largest xl/sharedStrings.xml, uncompressed. Excel's reader holds every shared string in memory
   * before the first row, so this part is limited on its own: 100,000 rows of the hours template
   * need about 7 MB of it, while one of a few hundred MB takes many seconds and hundreds of MB
   * of memory (bench/RESULTS-xlsx-bomb.md).
   */
  maxSharedStringsBytes: number;
  /** Largest other part that is read whole (styles, workbook, relationships …); worksheets are streamed. */
  maxPartBytes: number;
  /** Rows checked against the database at a time (and the progress step). */
  batchSize: number;
}

/** Parts other than worksheets and shared strings are small in any real workbook. */
const MAX_PART_BYTES = 16 * 1024 * 1024;

const Env = z.object({
  IMPORT_MAX_FILE_MB: z.coerce.number().positive().max(200).default(20),
  IMPORT_MAX_ROWS: z.coerce.number().int().positive().max(1_000_000).default(100_000),
  IMPORT_MAX_UNCOMPRESSED_MB: z.coerce.number().positive().max(4096).default(300),
  IMPORT_MAX_RATIO: z.coerce.number().positive().default(400),
  IMPORT_MAX_SHARED_STRINGS_MB: z.coerce.number().positive().max(1024).default(64),
  IMPORT_BATCH_SIZE: z.coerce.number().int().min(50).max(5000).default(1000),
});

function fromEnv(env: NodeJS.ProcessEnv): ImportLimits {
  const given = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k.startsWith('IMPORT_') && v !== undefined && v !== ''),
  );
  const parsed = Env.safeParse(given);
  if (!parsed.success) {
    throw new Error(
      `Invalid configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  const e = parsed.data;
  return {
    maxFileBytes: Math.round(e.IMPORT_MAX_FILE_MB * 1024 * 1024),
    maxRows: e.IMPORT_MAX_ROWS,
    maxUncompressedBytes: Math.round(e.IMPORT_MAX_UNCOMPRESSED_MB * 1024 * 1024),
    maxRatio: e.IMPORT_MAX_RATIO,
    maxSharedStringsBytes: Math.round(e.IMPORT_MAX_SHARED_STRINGS_MB * 1024 * 1024),
    maxPartBytes: MAX_PART_BYTES,
    batchSize: e.IMPORT_BATCH_SIZE,
  };
}

let current: ImportLimits = fromEnv(process.env);

export function importLimits(): ImportLimits {
  return current;
}

/** Test hook: narrow (or reset with no argument) the limits. */
export function setImportLimits(over?: Partial<ImportLimits>): void {
  current = over ? { ...fromEnv(process.env), ...over } : fromEnv(process.env);
}

export const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10}MB`;
