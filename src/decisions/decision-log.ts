import type { Decision, LoggedDecision, Outcome } from './decision';
import type { Tally } from './tallies';

/** Which counters to read: hours from `fromHour` (included) to `toHour` (excluded), of one revision or all. */
export interface TallyFilter {
  fromHour?: number;
  toHour?: number;
  kbRevision?: string;
  /** Only these kinds of counter (the priors read `fact` alone). */
  kinds?: Tally['kind'][];
}

/** A counter's sum over the hours and revisions a filter selects. */
export interface TallySum {
  kind: Tally['kind'];
  item: string;
  measure: string;
  n: number;
}

/**
 * The store's decision log: the decisions, their outcomes and the hourly counters the field
 * figures are read from. One implementation per database, beside the outbox (src/store).
 */
export interface DecisionLog {
  /** Records decisions and adds their tallies, in one transaction. */
  record(decisions: readonly LoggedDecision[], tallies: readonly Tally[]): Promise<void>;
  /** A decision and its outcomes, oldest first; undefined when the log does not hold it. */
  get(id: string): Promise<{ decision: Decision; outcomes: Outcome[] } | undefined>;
  /** The latest decision about a ticket of a system (its webhooks), for the ticket's "solved" event. */
  latestForTicket(system: string, ticket: string): Promise<Decision | undefined>;
  /** Records an outcome and adds its tallies, in one transaction. */
  addOutcome(outcome: Outcome, tallies: readonly Tally[]): Promise<void>;
  /** The counters' sums, by kind, item and measure. */
  sums(filter: TallyFilter): Promise<TallySum[]>;
  /** Removes what is older than the day `before` falls in (decisions, their outcomes and contents, counters); resolves to the decisions removed. */
  purge(before: number): Promise<number>;
}
