import type pg from 'pg';
import type { Decision, LoggedDecision, Outcome } from '../decisions/decision';
import type { DecisionLog, TallyFilter, TallySum } from '../decisions/decision-log';
import type { Tally } from '../decisions/tallies';
import * as sql from './decisions-sql';
import { inTransaction, namedQuery } from './pg-parameters';

/** Rows per INSERT: a batch goes in a few round trips, within PostgreSQL's 65,535 parameters a statement. */
const ROWS_PER_STATEMENT = 1000;

/**
 * The decision log on PostgreSQL, shared by every instance. A batch is written with multi-row
 * INSERTs (one round trip per thousand rows); counters are added with one upsert per batch, its
 * rows summed and sorted first, so two instances adding to the same counters lock them in the
 * same order and wait rather than deadlock.
 */
export class PostgresDecisionLog implements DecisionLog {
  constructor(private readonly pool: pg.Pool) {}

  record(decisions: readonly LoggedDecision[], tallies: readonly Tally[]): Promise<void> {
    return inTransaction(this.pool, async (client) => {
      const contents = sql.contentParams(decisions);
      for (let i = 0; i < contents.length; i += ROWS_PER_STATEMENT) {
        await insertRows(
          client,
          'INSERT INTO decision_contents (content_key, content, last_at)',
          ['contentKey', 'content', 'lastAt'],
          contents.slice(i, i + ROWS_PER_STATEMENT),
          ' ON CONFLICT (content_key) DO UPDATE SET last_at = excluded.last_at WHERE decision_contents.last_at < excluded.last_at',
        );
      }
      for (let i = 0; i < decisions.length; i += ROWS_PER_STATEMENT) {
        const rows = decisions.slice(i, i + ROWS_PER_STATEMENT).map(sql.decisionParams);
        await insertRows(
          client,
          'INSERT INTO decisions (id, at, kind, kb_revision, caller, ticket_system, ticket_id, content_key)',
          ['id', 'at', 'kind', 'kbRevision', 'caller', 'ticketSystem', 'ticketId', 'contentKey'],
          rows,
          '',
        );
      }
      await this.addTallies(client, tallies);
    });
  }

  async get(id: string): Promise<{ decision: Decision; outcomes: Outcome[] } | undefined> {
    const [row] = await namedQuery<sql.DecisionRow>(this.pool, sql.DECISION_BY_ID, { id });
    if (!row) return undefined;
    return { decision: sql.toDecision(row), outcomes: (await namedQuery<sql.OutcomeRow>(this.pool, sql.OUTCOMES_OF, { id })).map(sql.toOutcome) };
  }

  async latestForTicket(system: string, ticket: string): Promise<Decision | undefined> {
    const [row] = await namedQuery<sql.DecisionRow>(this.pool, sql.LATEST_FOR_TICKET, { system, ticket });
    return row && sql.toDecision(row);
  }

  addOutcome(outcome: Outcome, tallies: readonly Tally[]): Promise<void> {
    return inTransaction(this.pool, async (client) => {
      await namedQuery(client, sql.INSERT_OUTCOME, sql.outcomeParams(outcome));
      await this.addTallies(client, tallies);
    });
  }

  async sums(filter: TallyFilter): Promise<TallySum[]> {
    return sql.addSums(await Promise.all(sql.sumsQueries(filter).map(({ sql: text, params }) => namedQuery<TallySum>(this.pool, text, params))));
  }

  purge(before: number): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      const cut = sql.purgeCut(before);
      await namedQuery(client, sql.PURGE[0]!, { before: cut });
      const removed = (await client.query('DELETE FROM decisions WHERE at < $1', [cut])).rowCount ?? 0;
      await namedQuery(client, sql.PURGE[2]!, { before: cut });
      await namedQuery(client, sql.PURGE[3]!, { before: cut });
      return removed;
    });
  }

  private async addTallies(client: pg.PoolClient, tallies: readonly Tally[]): Promise<void> {
    const rows = sql.countRows(tallies);
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      await insertRows(
        client,
        'INSERT INTO decision_counts (kind, span, hour, kb_revision, item, measure, n)',
        ['kind', 'span', 'hour', 'kbRevision', 'item', 'measure', 'n'],
        rows.slice(i, i + ROWS_PER_STATEMENT) as unknown as Record<string, unknown>[],
        ' ON CONFLICT (kind, span, hour, kb_revision, item, measure) DO UPDATE SET n = decision_counts.n + excluded.n',
      );
    }
  }
}

/** One INSERT of many rows: `VALUES ($1, $2, ...), (...)`, with `after` appended (an ON CONFLICT). */
async function insertRows(client: pg.PoolClient, insert: string, columns: string[], rows: Record<string, unknown>[], after: string): Promise<void> {
  if (rows.length === 0) return;
  const values: unknown[] = [];
  const tuples = rows.map((row) => `(${columns.map((column) => `$${values.push(row[column] ?? null)}`).join(', ')})`);
  await client.query(`${insert} VALUES ${tuples.join(', ')}${after}`, values);
}
