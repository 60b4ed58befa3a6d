import { parsePiiKey, usePiiKeys, type PiiKeyring } from '../server/src/db/pii';

/**
 * The key the benchmarks encrypt ID and phone numbers with (accounts.id_number_enc, phone_enc and the
 * id_number_hmac look-up hash, as the app writes them) and start the app with as PII_KEY, so the app
 * reads, finds and logs in the generated people. PII_KEY in the environment overrides it. Synthetic
 * data only: never use this key for real data.
 */
export const BENCH_PII_KEY = process.env.PII_KEY ?? '/6lJooIml39qj9uLtxMVJFBRui9/SNj2K4xXmIMiO4k=';

/** Loads BENCH_PII_KEY as the key every encryptPii / idNumberHash / decryptPii of this process uses. */
export function useBenchPiiKey(): PiiKeyring {
  const current = parsePiiKey(BENCH_PII_KEY);
  if (!current) throw new Error('PII_KEY: must be 32 bytes as 64 hex digits or base64');
  const keyring = { current, previous: [] };
  usePiiKeys(keyring);
  return keyring;
}
