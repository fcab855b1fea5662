import type { AfterAttempt, Attempt, Delivery, DeliveryFilter, DeliveryState, NewDelivery, System } from '../delivery/outbox';

// The outbox's SQL, one text for both databases: `:name` parameters (better-sqlite3 binds them
// by name; postgres-store.ts numbers them), and only what both accept (ON CONFLICT, RETURNING).
// Where they differ (PostgreSQL's row locks), the store adds its part.

const COLUMNS = 'id, system, ticket, delivery_key, state, requests, done, attempts, created_at, give_up_at, next_attempt_at, lease_owner, delivered_at, last_status, last_answer';

/**
 * Adds a delivery unless one with its key exists (then nothing is returned, and the caller reads
 * the existing one).
 */
export const ENQUEUE = `INSERT INTO deliveries (id, system, ticket, delivery_key, state, requests, created_at, give_up_at, next_attempt_at)
  VALUES (:id, :system, :ticket, :key, 'queued', :requests, :now, :giveUpAt, :now)
  ON CONFLICT (delivery_key) DO NOTHING RETURNING ${COLUMNS}`;

/** The delivery with a delivery key. */
export const BY_KEY = `SELECT ${COLUMNS} FROM deliveries WHERE delivery_key = :key`;
/** The delivery with an id. */
export const BY_ID = `SELECT ${COLUMNS} FROM deliveries WHERE id = :id`;
/** A delivery's attempts, in order. */
export const ATTEMPTS = `SELECT number, request, instance, started_at, duration_ms, outcome, status, answer FROM delivery_attempts WHERE delivery_id = :id ORDER BY number`;

/** The due rows, oldest due first; `lock` is what PostgreSQL adds (FOR UPDATE SKIP LOCKED). */
export const claim = (lock: string) => `UPDATE deliveries SET state = 'sending', lease_owner = :instance, next_attempt_at = :leaseUntil
  WHERE id IN (
    SELECT id FROM deliveries
    WHERE state IN ('queued', 'sending', 'retrying') AND next_attempt_at <= :now
    ORDER BY next_attempt_at LIMIT :limit ${lock}
  ) RETURNING ${COLUMNS}`;

/** The state after an attempt, written only by the instance that holds the lease; RETURNING the new attempt count. */
export const FINISH = `UPDATE deliveries SET state = :state, done = :done, attempts = attempts + 1, next_attempt_at = :nextAttemptAt,
    lease_owner = :leaseOwner, delivered_at = :deliveredAt, last_status = :status, last_answer = :answer
  WHERE id = :id AND state = 'sending' AND lease_owner = :instance RETURNING attempts`;

/** Records one attempt of a delivery. */
export const RECORD_ATTEMPT = `INSERT INTO delivery_attempts (delivery_id, number, request, instance, started_at, duration_ms, outcome, status, answer)
  VALUES (:id, :number, :request, :instance, :startedAt, :durationMs, :outcome, :status, :answer)`;

/** Puts a dead delivery back in the queue, due now; nothing is returned unless it was dead. */
export const REQUEUE = `UPDATE deliveries SET state = 'queued', next_attempt_at = :now, give_up_at = :giveUpAt
  WHERE id = :id AND state = 'dead' RETURNING ${COLUMNS}`;

/** The number of deliveries per system and state. */
export const COUNTS = `SELECT system, state, COUNT(*) AS count FROM deliveries GROUP BY system, state`;

/** Newest first, then by id, so that a page boundary between equal times is exact. */
export function listQuery(filter: DeliveryFilter): { sql: string; params: Record<string, unknown> } {
  const where: string[] = [];
  if (filter.state) where.push('state = :state');
  if (filter.system) where.push('system = :system');
  if (filter.after) where.push('(created_at < :afterTime OR (created_at = :afterTime AND id < :afterId))');
  return {
    sql: `SELECT ${COLUMNS} FROM deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT :limit`,
    params: { state: filter.state, system: filter.system, afterTime: filter.after?.createdAt, afterId: filter.after?.id, limit: filter.limit },
  };
}

/** ENQUEUE's parameters for a new delivery. */
export function enqueueParams(delivery: NewDelivery, now: number, giveUpAt: number): Record<string, unknown> {
  return { id: delivery.id, system: delivery.system, ticket: delivery.ticket, key: delivery.key, requests: JSON.stringify(delivery.requests), now, giveUpAt };
}

/**
 * The parameters that close an attempt: the delivery's next state, and the lease kept only while
 * it is still sending.
 */
export function finishParams(id: string, instance: string, attempt: Omit<Attempt, 'number' | 'instance'>, after: AfterAttempt): Record<string, unknown> {
  return {
    id,
    instance,
    state: after.state,
    done: after.done,
    nextAttemptAt: after.nextAttemptAt ?? null,
    leaseOwner: after.state === 'sending' ? instance : null,
    deliveredAt: after.deliveredAt ?? null,
    status: attempt.answer.status ?? null,
    answer: attempt.answer.body,
  };
}

/** RECORD_ATTEMPT's parameters for an attempt. */
export function attemptParams(id: string, number: number, instance: string, attempt: Omit<Attempt, 'number' | 'instance'>): Record<string, unknown> {
  return { id, number, instance, request: attempt.request, startedAt: attempt.startedAt, durationMs: attempt.durationMs, outcome: attempt.outcome, status: attempt.answer.status ?? null, answer: attempt.answer.body };
}

/** A row of the deliveries table as both databases return it. */
export interface DeliveryRow {
  id: string;
  system: string;
  ticket: string;
  delivery_key: string;
  state: string;
  requests: string;
  done: number;
  attempts: number;
  created_at: number;
  give_up_at: number;
  next_attempt_at: number | null;
  lease_owner: string | null;
  delivered_at: number | null;
  last_status: number | null;
  last_answer: string | null;
}

/** A deliveries row as the outbox sees it: JSON columns parsed, column names camel-cased. */
export function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    system: row.system as System,
    ticket: row.ticket,
    key: row.delivery_key,
    state: row.state as DeliveryState,
    requests: JSON.parse(row.requests) as Delivery['requests'],
    done: row.done,
    attempts: row.attempts,
    createdAt: row.created_at,
    giveUpAt: row.give_up_at,
    ...(row.next_attempt_at !== null ? { nextAttemptAt: row.next_attempt_at } : {}),
    ...(row.lease_owner !== null ? { leaseOwner: row.lease_owner } : {}),
    ...(row.delivered_at !== null ? { deliveredAt: row.delivered_at } : {}),
    ...(row.last_answer !== null ? { lastAnswer: { ...(row.last_status !== null ? { status: row.last_status } : {}), body: row.last_answer } } : {}),
  };
}

/** A row of the delivery_attempts table as both databases return it. */
export interface AttemptRow {
  number: number;
  request: number;
  instance: string;
  started_at: number;
  duration_ms: number;
  outcome: string;
  status: number | null;
  answer: string;
}

/** A delivery_attempts row as the outbox sees it. */
export function toAttempt(row: AttemptRow): Attempt {
  return {
    number: row.number,
    request: row.request,
    instance: row.instance,
    startedAt: row.started_at,
    durationMs: row.duration_ms,
    outcome: row.outcome as Attempt['outcome'],
    answer: { ...(row.status !== null ? { status: row.status } : {}), body: row.answer },
  };
}
