import type { Outbox } from '../delivery/outbox';
import type { DecisionLog } from '../decisions/decision-log';

/**
 * The service's database: the outbox and its history, and the decision log. One implementation
 * per database (sqlite-store.ts, postgres-store.ts), one schema (schema.ts) migrated at start-up;
 * each part is a property of its own.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  readonly outbox: Outbox;
  readonly decisions: DecisionLog;
  /** Resolves when the database answers a query; rejects with why it cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** How the service finds its store: DATABASE_URL (PostgreSQL) when set, else a file under DATA_DIR. */
export interface StoreSettings {
  dataDir: string;
  databaseUrl?: string;
}

/**
 * Opens the outbox's database: PostgreSQL when a database URL is set, else SQLite in the data
 * directory.
 */
export async function openStore({ dataDir, databaseUrl }: StoreSettings): Promise<Store> {
  // Loaded on demand: a service on SQLite never loads pg, nor the other way round.
  if (databaseUrl) return (await import('./postgres-store')).PostgresStore.open(databaseUrl);
  return (await import('./sqlite-store')).SqliteStore.open(dataDir);
}
