import type pg from 'pg';

const numbered = new Map<string, { numbered: string; names: string[] }>();

/** The shared SQL's `:name` parameters as PostgreSQL's $1, $2, ... (the same name, the same number). */
function numberedParameters(text: string): { numbered: string; names: string[] } {
  let found = numbered.get(text);
  if (!found) {
    const names: string[] = [];
    const converted = text.replace(/(?<!:):([a-zA-Z]\w*)/g, (_match, name: string) => {
      if (!names.includes(name)) names.push(name);
      return `$${names.indexOf(name) + 1}`;
    });
    numbered.set(text, (found = { numbered: converted, names }));
  }
  return found;
}

/** Runs shared SQL with `:name` parameters on a pool or a client, and gives its rows. */
export async function namedQuery<R extends object>(on: pg.Pool | pg.PoolClient, text: string, params: Record<string, unknown>): Promise<R[]> {
  const { numbered: converted, names } = numberedParameters(text);
  return (
    await on.query<R>(
      converted,
      names.map((name) => params[name] ?? null),
    )
  ).rows;
}

/** Runs `work` in a transaction on one connection of the pool: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
