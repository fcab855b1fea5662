import pg from 'pg';
import type { AfterAttempt, Attempt, Delivery, DeliveryFilter, NewDelivery, Outbox, Receipt } from '../delivery/outbox';
import * as sql from './outbox-sql';
import { pendingMigrations } from './pending-migrations';
import { inTransaction, namedQuery } from './pg-parameters';
import { PostgresDecisionLog } from './postgres-decisions';
import type { DecisionLog } from '../decisions/decision-log';
import { MIGRATIONS_TABLE } from './schema';
import type { Store } from './store';

/** Held while migrating, so that instances starting together migrate one after the other. */
const MIGRATION_LOCK = 47_181_802;

// BIGINT (oid 20) comes back as a string by default; the store's BIGINTs are milliseconds since
// the epoch, well within a double.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown => (oid === 20 ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser,
};

/**
 * The store on PostgreSQL (DATABASE_URL), shared by every instance behind a load balancer. Claims
 * lock the rows they take with FOR UPDATE SKIP LOCKED, so two instances never take the same
 * delivery and neither waits for the other.
 */
export class PostgresStore implements Store, Outbox {
  readonly kind = 'postgres';
  readonly outbox: Outbox = this;
  readonly decisions: DecisionLog;

  private constructor(private readonly pool: pg.Pool) {
    this.decisions = new PostgresDecisionLog(pool);
  }

  static async open(connectionString: string): Promise<PostgresStore> {
    // A server that does not answer is reported within seconds (readiness, intake), not after TCP's own timeout.
    const pool = new pg.Pool({ connectionString, types, max: 10, connectionTimeoutMillis: 5000, query_timeout: 10_000 });
    // An idle connection the server drops (a restart) is an error event, not a crash; the next query reconnects.
    pool.on('error', () => {});
    const store = new PostgresStore(pool);
    try {
      await store.transaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        await client.query(MIGRATIONS_TABLE);
        const applied = (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version);
        for (const migration of pendingMigrations(applied)) {
          for (const statement of migration.statements) await client.query(statement);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, Date.now()]);
        }
      });
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  async enqueue(delivery: NewDelivery, now: number, giveUpAt: number): Promise<Receipt> {
    const [inserted] = await this.query<sql.DeliveryRow>(this.pool, sql.MARK_AND_INSERT, sql.enqueueParams(delivery, now, giveUpAt));
    if (inserted) return { delivery: sql.toDelivery(inserted), duplicate: false };
    // A statement of its own: it sees the delivery of a transaction the upsert waited for.
    const [existing] = await this.query<sql.DeliveryRow>(this.pool, sql.LATEST_WITH_KEY, { system: delivery.system, ticket: delivery.ticket, key: delivery.key });
    return { delivery: sql.toDelivery(existing!), duplicate: true };
  }

  async claim(instance: string, now: number, leaseUntil: number, limit: number): Promise<Delivery[]> {
    return (await this.query<sql.DeliveryRow>(this.pool, sql.claim('FOR UPDATE SKIP LOCKED'), { instance, now, leaseUntil, limit })).map(sql.toDelivery);
  }

  async renew(id: string, instance: string, leaseUntil: number): Promise<boolean> {
    return (await this.query(this.pool, sql.RENEW, { id, instance, leaseUntil })).length > 0;
  }

  finishAttempt(id: string, instance: string, attempt: Omit<Attempt, 'number' | 'instance'>, after: AfterAttempt): Promise<boolean> {
    return this.transaction(async (client) => {
      const [updated] = await this.query<{ attempts: number }>(client, sql.FINISH, sql.finishParams(id, instance, attempt, after));
      if (!updated) return false;
      await this.query(client, sql.RECORD_ATTEMPT, sql.attemptParams(id, updated.attempts, instance, attempt));
      return true;
    });
  }

  async list(filter: DeliveryFilter): Promise<Delivery[]> {
    const { sql: text, params } = sql.listQuery(filter);
    return (await this.query<sql.DeliveryRow>(this.pool, text, params)).map(sql.toDelivery);
  }

  async get(id: string): Promise<{ delivery: Delivery; attempts: Attempt[] } | undefined> {
    const [row] = await this.query<sql.DeliveryRow>(this.pool, sql.BY_ID, { id });
    if (!row) return undefined;
    return { delivery: sql.toDelivery(row), attempts: (await this.query<sql.AttemptRow>(this.pool, sql.ATTEMPTS, { id })).map(sql.toAttempt) };
  }

  async requeue(id: string, now: number, giveUpAt: number): Promise<Delivery | undefined> {
    const [row] = await this.query<sql.DeliveryRow>(this.pool, sql.REQUEUE, { id, now, giveUpAt });
    return row && sql.toDelivery(row);
  }

  async counts(): Promise<Awaited<ReturnType<Outbox['counts']>>> {
    // COUNT(*) is a BIGINT: a number by the parser above.
    return this.query(this.pool, sql.COUNTS, {});
  }

  private transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, work);
  }

  private query<R extends object>(on: pg.Pool | pg.PoolClient, text: string, params: Record<string, unknown>): Promise<R[]> {
    return namedQuery<R>(on, text, params);
  }
}
