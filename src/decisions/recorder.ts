import { newDecisionId, type DecisionContent, type LoggedDecision } from './decision';
import type { DecisionLog } from './decision-log';
import { batchTallies } from './tallies';

/** How decisions are written, and who is told when they cannot be. */
export interface RecorderOptions {
  log: DecisionLog;
  /** Keep tickets' text (DECISION_LOG_TEXT); off by default, since tickets can hold personal data. */
  keepText?: boolean;
  /** Longest a decision waits in memory before its batch is written; default 200 ms. */
  flushMs?: number;
  /** A batch is written at once when it has this many; default 500. */
  batchSize?: number;
  /**
   * Most decisions held while the store fails, default 20,000: past it the oldest are dropped
   * (and counted), so that a store that is down cannot fill the memory.
   */
  maxPending?: number;
  /** Told of decisions that could not be written (the store failed, or the backlog overflowed), with why. */
  lost?: (count: number, error: Error) => void;
  now?: () => number;
}

/**
 * Records decisions off the request path: `record` gives the id at once and the decision joins
 * a batch in memory, written in one transaction when it is full or after `flushMs`. A store that
 * fails never fails the request that made the decision: the batch is reported to `lost` (the
 * service logs and counts it) and dropped.
 */
export class DecisionRecorder {
  private pending: LoggedDecision[] = [];
  private timer?: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly flushMs: number;
  private readonly batchSize: number;
  private readonly maxPending: number;

  constructor(private readonly options: RecorderOptions) {
    this.flushMs = options.flushMs ?? 200;
    this.batchSize = options.batchSize ?? 500;
    this.maxPending = options.maxPending ?? 20_000;
  }

  /** The log the decisions go to, for reading them back. */
  get log(): DecisionLog {
    return this.options.log;
  }

  /** Queues a decision made for `caller` (an API key's name) and gives its id (`id` when the caller chose it first, to name it in a note). */
  record(content: DecisionContent, caller?: string, id?: string): string {
    const at = (this.options.now ?? Date.now)();
    // The text is dropped here unless kept: a content with none is written as it came (shared by cached answers).
    let kept = content;
    if (content.text && !this.options.keepText) {
      kept = { ...content };
      delete kept.text;
    }
    const decision: LoggedDecision = { id: id ?? newDecisionId(at), at, caller, content: kept };
    this.pending.push(decision);
    if (this.pending.length > this.maxPending) {
      const dropped = this.pending.splice(0, this.pending.length - this.maxPending);
      this.options.lost?.(dropped.length, new Error(`more than ${this.maxPending} decisions waiting for the store`));
    }
    if (this.pending.length >= this.batchSize) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.flushMs).unref();
    return decision.id;
  }

  /** Writes what is waiting; resolves once every decision recorded so far is written or reported lost. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    // One batch at a time, in order: a decision's outcome never finds it missing because a later batch went first.
    this.writing = this.writing.then(() => (batch.length ? this.write(batch) : undefined));
    return this.writing;
  }

  private async write(batch: LoggedDecision[]): Promise<void> {
    try {
      await this.options.log.record(batch, batchTallies(batch));
    } catch (error) {
      this.options.lost?.(batch.length, error as Error);
    }
  }
}
