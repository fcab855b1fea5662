import type { AfterAttempt, Attempt, Delivery, DeliveryFilter, DeliveryState, NewDelivery, System } from '../delivery/outbox';

// The outbox's SQL, one text for both databases: `:name` parameters (better-sqlite3 binds them
// by name; postgres-store.ts numbers them), and only what both accept (ON CONFLICT, RETURNING).
// Where they differ (PostgreSQL's row locks), the store adds its part.

const COLUMNS = 'id, system, ticket, delivery_key, state, requests, done, attempts, created_at, give_up_at, next_attempt_at, lease_owner, delivered_at, last_status, last_answer';

/**
 * The first half of an enqueue: makes the delivery the ticket's last annotation unless that is
 * already its key. A row back means it is new (INSERT the delivery, in the same transaction); none
 * means a duplicate (LATEST_WITH_KEY). The upsert takes the ticket's row lock, so two instances
 * recording one annotation at once record it once.
 */
export const MARK_ANNOTATION = `INSERT INTO ticket_annotations (system, ticket, delivery_key, delivery_id) VALUES (:system, :ticket, :key, :id)
  ON CONFLICT (system, ticket) DO UPDATE SET delivery_key = excluded.delivery_key, delivery_id = excluded.delivery_id
  WHERE ticket_annotations.delivery_key <> excluded.delivery_key
  RETURNING delivery_id`;

/** The second half of an enqueue on SQLite: the delivery itself, once MARK_ANNOTATION returned a row. */
export const INSERT = `INSERT INTO deliveries (id, system, ticket, delivery_key, state, requests, created_at, give_up_at, next_attempt_at)
  VALUES (:id, :system, :ticket, :key, 'queued', :requests, :now, :giveUpAt, :now) RETURNING ${COLUMNS}`;

/**
 * Both halves in one statement, for PostgreSQL (SQLite takes no INSERT in a WITH): one round trip,
 * and no connection held between two, which 1,000 webhooks at once would wait for.
 */
export const MARK_AND_INSERT = `WITH marked AS (${MARK_ANNOTATION})
  INSERT INTO deliveries (id, system, ticket, delivery_key, state, requests, created_at, give_up_at, next_attempt_at)
  SELECT :id, :system, :ticket, :key, 'queued', :requests, CAST(:now AS BIGINT), CAST(:giveUpAt AS BIGINT), CAST(:now AS BIGINT) FROM marked
  RETURNING ${COLUMNS}`;

/** What a duplicate duplicates: the ticket's newest delivery with the key, which is its last. */
export const LATEST_WITH_KEY = `SELECT ${COLUMNS} FROM deliveries WHERE system = :system AND ticket = :ticket AND delivery_key = :key
  ORDER BY created_at DESC, id DESC LIMIT 1`;

/** The delivery with an id. */
export const BY_ID = `SELECT ${COLUMNS} FROM deliveries WHERE id = :id`;
/** A delivery's attempts, in order. */
export const ATTEMPTS = `SELECT number, request, instance, started_at, duration_ms, outcome, status, answer FROM delivery_attempts WHERE delivery_id = :id ORDER BY number`;

/**
 * The due rows, oldest due first; `lock` is what PostgreSQL adds (FOR UPDATE SKIP LOCKED). A
 * ticket's deliveries go one at a time, in the order they were recorded: one waits while an
 * earlier one of its ticket is still to be sent (a dead letter is not), so that the note a ticket
 * shows last is its last annotation, and two instances never post to one ticket at once.
 */
export const claim = (lock: string) => `UPDATE deliveries SET state = 'sending', lease_owner = :instance, next_attempt_at = :leaseUntil
  WHERE id IN (
    SELECT id FROM deliveries d
    WHERE state IN ('queued', 'sending', 'retrying') AND next_attempt_at <= :now
      AND NOT EXISTS (
        SELECT 1 FROM deliveries e
        WHERE e.system = d.system AND e.ticket = d.ticket AND e.state IN ('queued', 'sending', 'retrying')
          AND (e.created_at < d.created_at OR (e.created_at = d.created_at AND e.id < d.id))
      )
    ORDER BY next_attempt_at LIMIT :limit ${lock}
  ) RETURNING ${COLUMNS}`;

/**
 * A longer lease for the instance that holds one. The owner is what decides: a claim sets it in the
 * same statement that finds the lease run out, so while it is still this instance's nobody else has
 * taken the delivery, and once this commits nobody can until the new lease runs out.
 */
export const RENEW = `UPDATE deliveries SET next_attempt_at = :leaseUntil WHERE id = :id AND state = 'sending' AND lease_owner = :instance RETURNING id`;

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

/** The parameters MARK_ANNOTATION takes for a new delivery: its ticket, key and id. */
export function markParams(delivery: NewDelivery): Record<string, unknown> {
  return { system: delivery.system, ticket: delivery.ticket, key: delivery.key, id: delivery.id };
}

/** The parameters of a new delivery's row (INSERT, MARK_AND_INSERT). */
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
  return {
    id,
    number,
    instance,
    request: attempt.request,
    startedAt: attempt.startedAt,
    durationMs: attempt.durationMs,
    outcome: attempt.outcome,
    status: attempt.answer.status ?? null,
    answer: attempt.answer.body,
  };
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
