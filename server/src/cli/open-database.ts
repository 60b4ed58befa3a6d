import { ConfigError, loadConfig, type Config } from '../config';
import { openDatabase, type Database } from '../db/client';
import { DataDirLockedError } from '../db/lock';
import { migrate } from '../db/migrate';

/** Thrown by a command to stop with a message for the person at the console and exit code 1. */
export class CommandError extends Error {}

/**
 * The database the server would use (same settings: DATABASE_URL or the embedded one in DATA_DIR),
 * migrated to the current schema. The embedded database can be opened only while no server runs on it.
 */
export async function openConfiguredDatabase(
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ config: Config; database: Database }> {
  const config = loadConfig(env);
  let database: Database;
  try {
    database = await openDatabase(config);
  } catch (e) {
    if (e instanceof DataDirLockedError)
      throw new CommandError(
        `${e.message}\nStop the server first (the embedded database serves one process at a time).`,
      );
    throw e;
  }
  try {
    await migrate(database);
  } catch (e) {
    await database.close();
    throw e;
  }
  return { config, database };
}

/** Runs a command's main function: a known error prints its message and exits 1. */
export function runCommand(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (e: unknown) => {
      if (e instanceof CommandError || e instanceof ConfigError) console.error(e.message);
      else console.error(e);
      process.exit(1);
    },
  );
}
