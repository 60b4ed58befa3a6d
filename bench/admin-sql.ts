import pg from 'pg';

/** Runs one statement (CREATE/DROP DATABASE …) on its own connection to the server's admin database. */
export async function runAdminSql(adminUrl: string, statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}
