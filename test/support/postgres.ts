import crypto from 'node:crypto';
import pg from 'pg';

/**
 * A new, empty database on the tests' PostgreSQL server (see postgres-cluster.ts), with a way to
 * drop it. A test that needs one and has no server fails, saying what is missing: it is never
 * skipped.
 */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error(`no PostgreSQL server for the tests: ${process.env.TEST_DATABASE_MISSING ?? 'jest ran without test/support/global-setup.ts'}`);
  const name = `kb_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
