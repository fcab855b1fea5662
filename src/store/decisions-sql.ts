import crypto from 'node:crypto';
import type { Decision, DecisionContent, LoggedDecision, Outcome } from '../decisions/decision';
import type { TallyFilter, TallySum } from '../decisions/decision-log';
import type { Tally } from '../decisions/tallies';

// The decision log's SQL, one text for both databases (`:name` parameters, as outbox-sql.ts).

/** A row of `decisions` with its content: what is searched by in columns, the rest as JSON. */
export interface DecisionRow {
  id: string;
  at: number;
  kind: string;
  kb_revision: string;
  caller: string | null;
  ticket_system: string | null;
  ticket_id: string | null;
  content: string;
}

/** A row of `decision_outcomes`. */
export interface OutcomeRow {
  decision_id: string;
  at: number;
  kind: string;
  diagnosis: string | null;
  workaround: string | null;
  source: string;
  caller: string | null;
}

const DECISION_COLUMNS = 'd.id, d.at, d.kind, d.kb_revision, d.caller, d.ticket_system, d.ticket_id, c.content';
const WITH_CONTENT = 'decisions d JOIN decision_contents c ON c.content_key = d.content_key';

/** Inserts one decision. */
export const INSERT_DECISION = `INSERT INTO decisions (id, at, kind, kb_revision, caller, ticket_system, ticket_id, content_key)
  VALUES (:id, :at, :kind, :kbRevision, :caller, :ticketSystem, :ticketId, :contentKey)`;

/** Records a content, or moves its last use later. */
export const UPSERT_CONTENT = `INSERT INTO decision_contents (content_key, content, last_at) VALUES (:contentKey, :content, :lastAt)
  ON CONFLICT (content_key) DO UPDATE SET last_at = excluded.last_at WHERE decision_contents.last_at < excluded.last_at`;

/** Adds to one counter, creating it at zero first. */
export const ADD_TALLY = `INSERT INTO decision_counts (kind, span, hour, kb_revision, item, measure, n) VALUES (:kind, :span, :hour, :kbRevision, :item, :measure, :n)
  ON CONFLICT (kind, span, hour, kb_revision, item, measure) DO UPDATE SET n = decision_counts.n + excluded.n`;

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** A counter row: a tally in an hour, or its day's. */
export type CountRow = Tally & { span: number };

/**
 * The rows a batch's tallies add to: each tally in its hour and in its day, summed per row and
 * in key order (two instances adding to the same rows lock them in the same order).
 */
export function countRows(tallies: readonly Tally[]): CountRow[] {
  const rows = new Map<string, CountRow>();
  for (const tally of tallies) {
    for (const [span, hour] of [
      [HOUR, tally.hour],
      [DAY, Math.floor(tally.hour / DAY) * DAY],
    ] as const) {
      const key = `${tally.kind}\u0000${span}\u0000${hour}\u0000${tally.kbRevision}\u0000${tally.item}\u0000${tally.measure}`;
      const row = rows.get(key);
      if (row) row.n += tally.n;
      else rows.set(key, { ...tally, span, hour });
    }
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

/** Inserts one outcome. */
export const INSERT_OUTCOME = `INSERT INTO decision_outcomes (decision_id, at, kind, diagnosis, workaround, source, caller)
  VALUES (:decisionId, :at, :kind, :diagnosis, :workaround, :source, :caller)`;

/** The decision with an id. */
export const DECISION_BY_ID = `SELECT ${DECISION_COLUMNS} FROM ${WITH_CONTENT} WHERE d.id = :id`;
/** A decision's outcomes, oldest first. */
export const OUTCOMES_OF = `SELECT decision_id, at, kind, diagnosis, workaround, source, caller FROM decision_outcomes WHERE decision_id = :id ORDER BY at`;
/** A ticket's latest decision. */
export const LATEST_FOR_TICKET = `SELECT ${DECISION_COLUMNS} FROM ${WITH_CONTENT} WHERE d.ticket_system = :system AND d.ticket_id = :ticket ORDER BY d.at DESC LIMIT 1`;

/**
 * What retention removes: decisions before a day, their outcomes, the contents no later decision
 * uses, and the counters of the hours and days before it.
 */
export const PURGE = [
  'DELETE FROM decision_outcomes WHERE decision_id IN (SELECT id FROM decisions WHERE at < :before)',
  'DELETE FROM decisions WHERE at < :before',
  'DELETE FROM decision_contents WHERE last_at < :before',
  'DELETE FROM decision_counts WHERE hour < :before',
];

/** Where retention cuts: the start of the day `before` falls in, so that the daily counters and the decisions agree. */
export const purgeCut = (before: number): number => Math.floor(before / DAY) * DAY;

// The latest bucket start a query ever asks for: far enough, and still exact as a double.
const END_OF_TIME = 8_640_000_000_000_000;

/**
 * The queries that add up the counters over the filter's hours and revision: the whole days
 * within the range from the daily rows, and the hours before the first whole day and after the
 * last from the hourly ones. Each is a range of the key (kind, span, hour). SUM is CAST back to
 * BIGINT: PostgreSQL's is NUMERIC, which pg returns as a string. Their sums are added up by
 * addSums.
 */
export function sumsQueries(filter: TallyFilter): { sql: string; params: Record<string, unknown> }[] {
  const fromHour = filter.fromHour ?? 0;
  const toHour = Math.min(filter.toHour ?? END_OF_TIME, END_OF_TIME);
  const firstDay = Math.ceil(fromHour / DAY) * DAY;
  const endDay = Math.floor(toHour / DAY) * DAY;
  const ranges: [span: number, from: number, to: number][] =
    firstDay < endDay
      ? [
          [DAY, firstDay, endDay],
          [HOUR, fromHour, firstDay],
          [HOUR, endDay, toHour],
        ]
      : [[HOUR, fromHour, toHour]];
  return ranges
    .filter(([, from, to]) => from < to)
    .map(([span, from, to]) => {
      // Kinds are the code's own words, never a caller's: listed as literals.
      const kinds = (filter.kinds ?? ['log', 'article', 'diagnosis', 'workaround', 'fact']).map((kind) => `'${kind.replace(/[^a-z]/g, '')}'`).join(', ');
      const where = [`kind IN (${kinds})`, 'span = :span', 'hour >= :from', 'hour < :to'];
      const params: Record<string, unknown> = { span, from, to };
      if (filter.kbRevision !== undefined) {
        where.push('kb_revision = :kbRevision');
        params.kbRevision = filter.kbRevision;
      }
      return { sql: `SELECT kind, item, measure, CAST(SUM(n) AS BIGINT) AS n FROM decision_counts WHERE ${where.join(' AND ')} GROUP BY kind, item, measure`, params };
    });
}

/** The sums of several queries of sumsQueries as one. */
export function addSums(parts: readonly (readonly TallySum[])[]): TallySum[] {
  if (parts.length === 1) return parts[0]!.map((s) => ({ ...s, n: Number(s.n) }));
  const total = new Map<string, TallySum>();
  for (const part of parts) {
    for (const sum of part) {
      const key = `${sum.kind}\u0000${sum.item}\u0000${sum.measure}`;
      const found = total.get(key);
      if (found) found.n += Number(sum.n);
      else total.set(key, { ...sum, n: Number(sum.n) });
    }
  }
  return [...total.values()];
}

const serialized = new WeakMap<DecisionContent, { contentKey: string; content: string }>();

/**
 * A content's JSON (without what the decision's columns hold) and its key, the JSON's SHA-256:
 * made once per content object, which the answers served from the cache share.
 */
function contentRow(content: DecisionContent): { contentKey: string; content: string } {
  let row = serialized.get(content);
  if (row === undefined) {
    // What the columns hold is left out of the JSON (at the top level only).
    const json = JSON.stringify(content, function (this: unknown, key: string, value: unknown) {
      return this === content && (key === 'kind' || key === 'kbRevision' || key === 'ticket') ? undefined : value;
    });
    row = { contentKey: crypto.createHash('sha256').update(json).digest('base64url'), content: json };
    serialized.set(content, row);
  }
  return row;
}

/** A decision's parameters for INSERT_DECISION. */
export function decisionParams({ id, at, caller, content }: LoggedDecision): Record<string, unknown> {
  const { kind, kbRevision, ticket } = content;
  return { id, at, kind, kbRevision, caller: caller ?? null, ticketSystem: ticket?.system ?? null, ticketId: ticket?.id ?? null, contentKey: contentRow(content).contentKey };
}

/** The distinct contents of a batch with their last use, for UPSERT_CONTENT: one row each, however many decisions share it. */
export function contentParams(decisions: readonly LoggedDecision[]): Record<string, unknown>[] {
  const rows = new Map<string, { contentKey: string; content: string; lastAt: number }>();
  for (const { at, content } of decisions) {
    const { contentKey, content: json } = contentRow(content);
    const row = rows.get(contentKey);
    if (!row) rows.set(contentKey, { contentKey, content: json, lastAt: at });
    else if (row.lastAt < at) row.lastAt = at;
  }
  // In key order: two instances upserting the same contents lock them in the same order.
  return [...rows.values()].sort((a, b) => (a.contentKey < b.contentKey ? -1 : 1));
}

/** A row of `decisions` as the decision it records. */
export function toDecision(row: DecisionRow): Decision {
  const content = JSON.parse(row.content) as Omit<DecisionContent, 'kind' | 'kbRevision' | 'ticket'>;
  return {
    id: row.id,
    at: Number(row.at),
    kind: row.kind as Decision['kind'],
    kbRevision: row.kb_revision,
    ...(row.caller !== null ? { caller: row.caller } : {}),
    ...(row.ticket_id !== null ? { ticket: { ...(row.ticket_system !== null ? { system: row.ticket_system } : {}), id: row.ticket_id } } : {}),
    ...content,
  };
}

/** An outcome's parameters for INSERT_OUTCOME. */
export function outcomeParams(outcome: Outcome): Record<string, unknown> {
  return { ...outcome, diagnosis: outcome.diagnosis ?? null, workaround: outcome.workaround ?? null, caller: outcome.caller ?? null };
}

/** A row of `decision_outcomes` as the outcome it records. */
export function toOutcome(row: OutcomeRow): Outcome {
  return {
    decisionId: row.decision_id,
    at: Number(row.at),
    kind: row.kind as Outcome['kind'],
    ...(row.diagnosis !== null ? { diagnosis: row.diagnosis } : {}),
    ...(row.workaround !== null ? { workaround: row.workaround } : {}),
    source: row.source as Outcome['source'],
    ...(row.caller !== null ? { caller: row.caller } : {}),
  };
}
