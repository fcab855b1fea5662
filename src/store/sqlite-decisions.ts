import type Database from 'better-sqlite3';
import type { Decision, LoggedDecision, Outcome } from '../decisions/decision';
import type { DecisionLog, TallyFilter, TallySum } from '../decisions/decision-log';
import type { Tally } from '../decisions/tallies';
import * as sql from './decisions-sql';
import { PreparedStatements, settled } from './sqlite-statements';

/**
 * The decision log in the embedded store's file, on a connection of its own (see
 * SqliteStore.open). The recorder hands it whole batches, each written in one transaction.
 */
export class SqliteDecisionLog implements DecisionLog {
  private readonly prepared: PreparedStatements;

  constructor(private readonly db: Database.Database) {
    this.prepared = new PreparedStatements(db);
  }

  record(decisions: readonly LoggedDecision[], tallies: readonly Tally[]): Promise<void> {
    return this.write(() => {
      const upsert = this.statement(sql.UPSERT_CONTENT);
      for (const content of sql.contentParams(decisions)) upsert.run(content);
      const insert = this.statement(sql.INSERT_DECISION);
      for (const decision of decisions) insert.run(sql.decisionParams(decision));
      this.addTallies(tallies);
    });
  }

  get(id: string): Promise<{ decision: Decision; outcomes: Outcome[] } | undefined> {
    return settled(() => {
      const row = this.statement(sql.DECISION_BY_ID).get({ id }) as sql.DecisionRow | undefined;
      if (!row) return undefined;
      return { decision: sql.toDecision(row), outcomes: (this.statement(sql.OUTCOMES_OF).all({ id }) as sql.OutcomeRow[]).map(sql.toOutcome) };
    });
  }

  latestForTicket(system: string, ticket: string): Promise<Decision | undefined> {
    return settled(() => {
      const row = this.statement(sql.LATEST_FOR_TICKET).get({ system, ticket }) as sql.DecisionRow | undefined;
      return row && sql.toDecision(row);
    });
  }

  addOutcome(outcome: Outcome, tallies: readonly Tally[]): Promise<void> {
    return this.write(() => {
      this.statement(sql.INSERT_OUTCOME).run(sql.outcomeParams(outcome));
      this.addTallies(tallies);
    });
  }

  sums(filter: TallyFilter): Promise<TallySum[]> {
    return settled(() => sql.addSums(sql.sumsQueries(filter).map(({ sql: text, params }) => this.statement(text).all(params) as TallySum[])));
  }

  purge(before: number): Promise<number> {
    return this.write(() => {
      let removed = 0;
      for (const [i, text] of sql.PURGE.entries()) {
        const { changes } = this.statement(text).run({ before: sql.purgeCut(before) });
        if (i === 1) removed = changes;
      }
      return removed;
    });
  }

  /** A write in one IMMEDIATE transaction (the write lock first), as a promise that rejects rather than throws. */
  private write<T>(work: () => T): Promise<T> {
    return settled(() => this.db.transaction(work).immediate());
  }

  private addTallies(tallies: readonly Tally[]): void {
    const add = this.statement(sql.ADD_TALLY);
    for (const row of sql.countRows(tallies)) add.run(row);
  }

  private statement(text: string): Database.Statement {
    return this.prepared.get(text);
  }
}
