import { PiiKeyError, resolvePiiKeyring, usePiiKeys } from '../db/pii';
import { checkPiiKeys, encryptPlaintextPii, hashUnhashedPhones, rotatePiiKeys } from '../db/pii-migrate';
import { CommandError, openConfiguredDatabase, runCommand } from './open-database';

/**
 * `npm run rotate-pii-key`: with the new key as PII_KEY and the old one as PII_KEY_PREVIOUS,
 * re-encrypts every ID and phone number (with its look-up hash) under PII_KEY. Afterwards
 * PII_KEY_PREVIOUS can be removed. Safe to run again; on the embedded database stop the server first.
 */
runCommand(async () => {
  const { config, database } = await openConfiguredDatabase();
  try {
    const keyring = resolvePiiKeyring(config);
    if (keyring.previous.length === 0)
      console.log('PII_KEY_PREVIOUS is not set: nothing under another key can be read, so nothing is re-encrypted.');
    usePiiKeys(keyring);
    await checkPiiKeys(database.db);
    await encryptPlaintextPii(database.db);
    await hashUnhashedPhones(database.db);
    const n = await rotatePiiKeys(database.db);
    console.log(
      `Re-encrypted the ID and phone numbers of ${n} rows with key ${keyring.current.id}. PII_KEY_PREVIOUS can now be removed.`,
    );
  } catch (e) {
    if (e instanceof PiiKeyError) throw new CommandError(e.message);
    throw e;
  } finally {
    await database.close();
  }
});
