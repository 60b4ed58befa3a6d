import { hash, verify } from '@node-rs/argon2';

// argon2id with the library defaults (m=19456 KiB, t=2, p=1), OWASP's minimum recommendation.
export const hashPassword = (plain: string) => hash(plain);

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await verify(stored, plain);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/** Verifies against a throwaway hash so an unknown username costs the same time as a wrong password. */
export async function burnVerifyTime(plain: string): Promise<void> {
  dummyHash ??= hash('ptce-dummy-password-1');
  await verifyPassword(await dummyHash, plain);
}
