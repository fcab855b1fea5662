import fs from 'node:fs';
import { PreparedStatements, settled } from './sqlite-statements';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AfterAttempt, Attempt, Delivery, DeliveryFilter, NewDelivery, Outbox, Receipt } from '../delivery/outbox';
import { GroupCommit } from './group-commit';
import * as sql from './outbox-sql';
import { pendingMigrations } from './pending-migrations';
import { SqliteDecisionLog } from './sqlite-decisions';
import type { DecisionLog } from '../decisions/decision-log';
import { MIGRATIONS_TABLE } from './schema';
import type { Store } from './store';

/** The file under DATA_DIR that holds the embedded store. */
export const SQLITE_FILE = 'outlook-kb.sqlite';

/**
 * The embedded store: one SQLite file under DATA_DIR, opened by every process of a cluster (SQLite
 * locks the file, so claims stay exclusive). WAL with synchronous=FULL, so that a committed
 * delivery survives a crash and a power cut; writes made in one turn of the event loop share one
 * transaction and one fsync (group-commit.ts), which is what lets intake keep up.
 */
export class SqliteStore implements Store, Outbox {
  readonly kind = 'sqlite';
  readonly outbox: Outbox = this;
  readonly decisions: DecisionLog;
  private readonly writes: GroupCommit;
  private readonly prepared: PreparedStatements;

  private constructor(
    private readonly db: Database.Database,
    private readonly decisionsDb: Database.Database,
  ) {
    this.writes = new GroupCommit(db);
    this.prepared = new PreparedStatements(db);
    this.decisions = new SqliteDecisionLog(decisionsDb);
  }

  static open(dataDir: string): SqliteStore {
    fs.mkdirSync(dataDir, { recursive: true });
    const db = new Database(path.join(dataDir, SQLITE_FILE));
    // Another process of a cluster may hold a lock for a transaction's length; first, so that it
    // covers the switch to WAL too, which two workers opening a new file at once contend for.
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // IMMEDIATE: the write lock first, so that two processes starting together migrate one after the other.
    db.transaction(() => {
      db.exec(MIGRATIONS_TABLE);
      const applied = db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[];
      for (const migration of pendingMigrations(applied)) {
        for (const statement of migration.statements) db.exec(statement);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, Date.now());
      }
    }).immediate();
    // The decision log on a connection of its own, with synchronous=NORMAL: in WAL mode a commit
    // then waits for no fsync (the outbox's FULL does), so recording thousands of decisions a
    // second costs the event loop little; what a power cut can take is the last decisions logged,
    // never a webhook's delivery, and a crash of the process alone loses nothing committed.
    const decisionsDb = new Database(path.join(dataDir, SQLITE_FILE));
    decisionsDb.pragma('busy_timeout = 5000');
    decisionsDb.pragma('synchronous = NORMAL');
    return new SqliteStore(db, decisionsDb);
  }

  ping(): Promise<void> {
    return settled(() => {
      this.db.prepare('SELECT 1').get();
    });
  }

  async close(): Promise<void> {
    await this.writes.drain();
    this.decisionsDb.close();
    this.db.close();
  }

  enqueue(delivery: NewDelivery, now: number, giveUpAt: number): Promise<Receipt> {
    return this.writes.run(() => {
      if (!this.statement(sql.MARK_ANNOTATION).get(sql.markParams(delivery))) {
        return { delivery: sql.toDelivery(this.statement(sql.LATEST_WITH_KEY).get({ system: delivery.system, ticket: delivery.ticket, key: delivery.key }) as sql.DeliveryRow), duplicate: true };
      }
      return { delivery: sql.toDelivery(this.statement(sql.INSERT).get(bind(sql.enqueueParams(delivery, now, giveUpAt))) as sql.DeliveryRow), duplicate: false };
    });
  }

  claim(instance: string, now: number, leaseUntil: number, limit: number): Promise<Delivery[]> {
    return this.writes.run(() => (this.statement(sql.claim('')).all({ instance, now, leaseUntil, limit }) as sql.DeliveryRow[]).map(sql.toDelivery));
  }

  renew(id: string, instance: string, leaseUntil: number): Promise<boolean> {
    return this.writes.run(() => this.statement(sql.RENEW).get({ id, instance, leaseUntil }) !== undefined);
  }

  finishAttempt(id: string, instance: string, attempt: Omit<Attempt, 'number' | 'instance'>, after: AfterAttempt): Promise<boolean> {
    return this.writes.run(() => {
      const updated = this.statement(sql.FINISH).get(sql.finishParams(id, instance, attempt, after)) as { attempts: number } | undefined;
      if (!updated) return false;
      this.statement(sql.RECORD_ATTEMPT).run(sql.attemptParams(id, updated.attempts, instance, attempt));
      return true;
    });
  }

  list(filter: DeliveryFilter): Promise<Delivery[]> {
    return settled(() => {
      const { sql: text, params } = sql.listQuery(filter);
      return (this.statement(text).all(bind(params)) as sql.DeliveryRow[]).map(sql.toDelivery);
    });
  }

  get(id: string): Promise<{ delivery: Delivery; attempts: Attempt[] } | undefined> {
    return settled(() => {
      const row = this.statement(sql.BY_ID).get({ id }) as sql.DeliveryRow | undefined;
      if (!row) return undefined;
      return { delivery: sql.toDelivery(row), attempts: (this.statement(sql.ATTEMPTS).all({ id }) as sql.AttemptRow[]).map(sql.toAttempt) };
    });
  }

  requeue(id: string, now: number, giveUpAt: number): Promise<Delivery | undefined> {
    return this.writes.run(() => {
      const row = this.statement(sql.REQUEUE).get({ id, now, giveUpAt }) as sql.DeliveryRow | undefined;
      return row && sql.toDelivery(row);
    });
  }

  counts(): Promise<Awaited<ReturnType<Outbox['counts']>>> {
    return settled(() => this.statement(sql.COUNTS).all() as Awaited<ReturnType<Outbox['counts']>>);
  }

  private statement(text: string): Database.Statement {
    return this.prepared.get(text);
  }
}

/** better-sqlite3 refuses undefined; an absent filter is NULL (and unused by the query). */
function bind(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, value ?? null]));
}
