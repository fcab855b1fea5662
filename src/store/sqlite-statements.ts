import type Database from 'better-sqlite3';

/** A connection's statements, each prepared once per text: the outbox's and the decision log's. */
export class PreparedStatements {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  get(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }
}

/**
 * A read, done at once (better-sqlite3 is synchronous), as the promise the store's interface
 * promises: a failure (a closed database) rejects it rather than throwing at the caller.
 */
export function settled<T>(read: () => T): Promise<T> {
  return new Promise((resolve) => resolve(read()));
}
