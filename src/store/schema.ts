/**
 * The store's schema, one for SQLite and PostgreSQL: each migration is SQL both accept (TEXT,
 * INTEGER, BIGINT; times as milliseconds since the epoch; JSON as TEXT), applied in order at
 * start-up and recorded in schema_migrations. A new table (the decision log of issue #19) is a
 * new migration at the end; a migration, once released, is never edited.
 */
export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

/** The table that records which migrations a database has had. */
export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at BIGINT NOT NULL
)`;

/** Every migration, in the order they are applied; new ones are added at the end. */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'outbox',
    statements: [
      `CREATE TABLE deliveries (
        id TEXT PRIMARY KEY,
        system TEXT NOT NULL,
        ticket TEXT NOT NULL,
        delivery_key TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL,
        requests TEXT NOT NULL,
        done INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL,
        give_up_at BIGINT NOT NULL,
        next_attempt_at BIGINT,
        lease_owner TEXT,
        delivered_at BIGINT,
        last_status INTEGER,
        last_answer TEXT
      )`,
      // What claim looks for: only rows that can still be sent are in it.
      `CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE state IN ('queued', 'sending', 'retrying')`,
      // Listing, newest first, page by page.
      `CREATE INDEX deliveries_created ON deliveries (created_at, id)`,
      `CREATE TABLE delivery_attempts (
        delivery_id TEXT NOT NULL REFERENCES deliveries (id),
        number INTEGER NOT NULL,
        request INTEGER NOT NULL,
        instance TEXT NOT NULL,
        started_at BIGINT NOT NULL,
        duration_ms INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        status INTEGER,
        answer TEXT NOT NULL,
        PRIMARY KEY (delivery_id, number)
      )`,
    ],
  },
];
