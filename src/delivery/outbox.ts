import type { WriteBack } from './write-back';

/** A ticketing system the service writes back to. */
export type System = 'zendesk' | 'jira' | 'servicenow';

/**
 * Where a delivery is: `queued` waits for its first try, `sending` is held by an instance (until
 * its lease runs out, after which another may take it), `retrying` failed and waits for its next
 * try, `delivered` and `dead` (a dead letter) are final until an operator retries a dead one.
 */
export type DeliveryState = 'queued' | 'sending' | 'retrying' | 'delivered' | 'dead';

/** A write-back to record: the requests that post one annotation to one ticket. */
export interface NewDelivery {
  id: string;
  system: System;
  /** The ticket's stable id in its system (Zendesk ticket id, Jira issue id, ServiceNow sys_id). */
  ticket: string;
  /** What makes it exactly once per change: system, ticket and a digest of the annotation (see delivery-key.ts). */
  key: string;
  requests: WriteBack[];
}

/** What the system answered last, as the API shows it. */
export interface Answer {
  /** The HTTP status, absent when no answer came (a refused connection, a timeout). */
  status?: number;
  /** The answer's body (its first 2,000 characters) or what went wrong. */
  body: string;
}

/** A write-back as recorded in the outbox, with where it is and what the system answered last. */
export interface Delivery extends NewDelivery {
  state: DeliveryState;
  /** How many of `requests` the system has accepted: a retry resumes after them. */
  done: number;
  /** Requests sent so far, every try of every request counted. */
  attempts: number;
  createdAt: number;
  /** After this a delivery that keeps failing is dead-lettered. */
  giveUpAt: number;
  /** When it is next due (for `sending`, when its lease runs out); none once final. */
  nextAttemptAt?: number;
  leaseOwner?: string;
  deliveredAt?: number;
  lastAnswer?: Answer;
}

/** What an attempt means for its delivery: the request was accepted, is worth trying again, or never will be. */
export type AttemptOutcome = 'accepted' | 'retry' | 'dead';

/** One request sent, as recorded in the delivery's history. */
export interface Attempt {
  number: number;
  /** Which of the delivery's requests (0-based). */
  request: number;
  instance: string;
  startedAt: number;
  durationMs: number;
  outcome: AttemptOutcome;
  answer: Answer;
}

/** A delivery's state after an attempt: what finishAttempt writes. */
export interface AfterAttempt {
  state: DeliveryState;
  done: number;
  nextAttemptAt?: number;
  deliveredAt?: number;
}

/** Which deliveries to list, and one page of them. */
export interface DeliveryFilter {
  state?: DeliveryState;
  system?: System;
  /** At most this many, newest first. */
  limit: number;
  /** The page after this cursor (from a previous page's `next`). */
  after?: { createdAt: number; id: string };
}

/** What recording a delivery gives back: the delivery, new or the one already recorded under its key. */
export interface Receipt {
  delivery: Delivery;
  /** The ticket's last recorded delivery has this key: nothing new will be posted, and `delivery` is that one. */
  duplicate: boolean;
}

/** The outbox: deliveries and their history, shared by every instance on one store. */
export interface Outbox {
  /**
   * Records a delivery unless the last one recorded for its ticket has its key (then answers that
   * one, a duplicate); resolves once it is durably committed. An earlier delivery with the key
   * does not count: a ticket whose annotation went from A to B and back to A gets A again.
   */
  enqueue(delivery: NewDelivery, now: number, giveUpAt: number): Promise<Receipt>;
  /**
   * Takes up to `limit` due deliveries (queued or retrying and due, or sending with a lease run
   * out) for `instance` until `leaseUntil`; no two instances get the same one.
   */
  claim(instance: string, now: number, leaseUntil: number, limit: number): Promise<Delivery[]>;
  /**
   * Extends `instance`'s lease on a delivery it is sending to `leaseUntil`; false when it no longer
   * holds it (another instance claimed it once it ran out, or it was recorded as settled).
   */
  renew(id: string, instance: string, leaseUntil: number): Promise<boolean>;
  /** Records an attempt and the state after it, only while `instance` still holds the lease. */
  finishAttempt(id: string, instance: string, attempt: Omit<Attempt, 'number' | 'instance'>, after: AfterAttempt): Promise<boolean>;
  list(filter: DeliveryFilter): Promise<Delivery[]>;
  get(id: string): Promise<{ delivery: Delivery; attempts: Attempt[] } | undefined>;
  /** Queues a dead letter again, due now, with a new give-up time; undefined when it is not dead (or not there). */
  requeue(id: string, now: number, giveUpAt: number): Promise<Delivery | undefined>;
  /** How many deliveries are in each state, per system. */
  counts(): Promise<{ system: System; state: DeliveryState; count: number }[]>;
}
