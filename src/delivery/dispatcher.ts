import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { AfterAttempt, Attempt, Delivery, Outbox, System } from './outbox';
import { backoffMs, type RetryPolicy } from './retry-policy';
import { send, type Sent } from './send';
import type { Targets } from './targets';

/** What the dispatcher counts (observability/metrics.ts implements it). */
export interface DeliveryMetrics {
  retried(system: System): void;
  delivered(system: System, latencyMs: number): void;
  deadLettered(system: System): void;
}

interface DispatcherOptions {
  outbox: Outbox;
  targets: Targets;
  policy: RetryPolicy;
  /** This instance's name in leases and attempts (host and pid). */
  instance: string;
  /** DELIVERY_CONCURRENCY: deliveries in flight at once. */
  concurrency: number;
  /** DELIVERY_POLL_MS: how often the outbox is looked at for deliveries other instances queued, or that fell due. */
  pollMs: number;
  logger?: Logger;
  metrics?: DeliveryMetrics;
  now?: () => number;
  random?: () => number;
}

/**
 * What a lease must still have left when a request starts, beyond the request's timeout: room for
 * an event loop that fires the timeout late and for instances whose clocks differ (by less than
 * this: NTP keeps them within milliseconds). A request is never started on less, so that no other
 * instance can take the delivery while the request may still be on its way.
 */
const LEASE_MARGIN_MS = 1000;

/** How long a claim holds a delivery: its requests (two at most, Jira's) each at their timeout, and the margin. */
const leaseMs = (policy: RetryPolicy) => 2 * policy.timeoutMs + LEASE_MARGIN_MS;

/**
 * Sends the outbox's deliveries in the background: takes what is due (a lease, so that a crashed
 * instance's deliveries are taken again once it runs out), sends each request in turn, and
 * records every attempt and what follows: the next request, delivered, a retry (Retry-After, or
 * the backoff), or a dead letter. Emits 'settled' with a delivery that is delivered or dead.
 */
export class Dispatcher extends EventEmitter {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly stopping = new AbortController();
  private timer?: NodeJS.Timeout;
  private claiming?: Promise<void> | undefined;
  private started = false;
  private stopped = false;
  private claimAgain = false;
  private readonly now: () => number;

  constructor(private readonly options: DispatcherOptions) {
    super();
    this.now = options.now ?? Date.now;
  }

  start(): void {
    this.started = true;
    this.wake();
  }

  /** Looks for due deliveries now (a webhook just queued one); nothing before start(). */
  wake(): void {
    if (this.started) this.schedule(0);
  }

  /**
   * Stops taking deliveries and lets those in flight finish for up to `graceMs`: a request the
   * system has answered is recorded, not sent again after a restart. What is still waiting for an
   * answer then is cut short and recorded as an attempt to try again.
   */
  async stop(graceMs = 0): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    // A claim under way when the stop came: what it takes is sent and recorded like the rest.
    await this.claiming;
    const finished = Promise.allSettled([...this.inFlight]);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([finished, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
    this.stopping.abort();
    await finished;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.claim(), ms);
    this.timer.unref();
  }

  private async claim(): Promise<void> {
    if (this.stopped) return;
    if (this.claiming) {
      this.claimAgain = true;
      return;
    }
    this.claiming = this.claimDue();
    await this.claiming;
    this.claiming = undefined;
    if (this.claimAgain) {
      this.claimAgain = false;
      this.schedule(0);
    } else {
      this.schedule(this.options.pollMs);
    }
  }

  /** Takes as many due deliveries as there are free slots, and starts sending them. */
  private async claimDue(): Promise<void> {
    const { outbox, instance, concurrency, policy, logger } = this.options;
    try {
      const free = concurrency - this.inFlight.size;
      if (free > 0) {
        const now = this.now();
        for (const delivery of await outbox.claim(instance, now, now + leaseMs(policy), free)) this.track(this.deliver(delivery));
      }
    } catch (error) {
      logger?.warn({ err: error }, 'outbox unreachable; deliveries wait');
    }
  }

  private track(delivery: Promise<void>): void {
    this.inFlight.add(delivery);
    void delivery.finally(() => {
      this.inFlight.delete(delivery);
      // A slot is free: there may be more due.
      this.wake();
    });
  }

  private async deliver(delivery: Delivery): Promise<void> {
    const { targets, policy } = this.options;
    const target = targets[delivery.system];
    // A claimed delivery's next try is when its lease runs out.
    let leaseUntil = delivery.nextAttemptAt!;
    for (let request = delivery.done; request < delivery.requests.length; request += 1) {
      // Too little lease left for the request to finish inside it (the instance was held up since
      // the claim, or the request before took long): renewed, or, if another instance has the
      // delivery now, given up unsent.
      if (this.now() + policy.timeoutMs + LEASE_MARGIN_MS > leaseUntil) {
        const renewed = this.now() + leaseMs(policy);
        if (!(await this.renew(delivery, renewed))) return;
        leaseUntil = renewed;
      }
      const startedAt = this.now();
      const sent: Sent = target
        ? await send(target, delivery.requests[request]!, { timeoutMs: policy.timeoutMs, stop: this.stopping.signal, now: this.now })
        : { outcome: 'retry', answer: { body: `delivery to ${delivery.system} is not configured on instance ${this.options.instance}` } };
      const attempt = { request, startedAt, durationMs: this.now() - startedAt, outcome: sent.outcome, answer: sent.answer };
      // Every attempt so far, this one included; each request before this one was accepted once.
      const attempts = delivery.attempts + (request - delivery.done) + 1;
      const after = this.after({ ...delivery, nextAttemptAt: leaseUntil }, request, sent, attempts - request);
      if (!(await this.record(delivery, { ...attempt, outcome: after.state === 'dead' ? 'dead' : sent.outcome }, after, attempts))) return;
      if (sent.outcome !== 'accepted') return;
    }
  }

  /** The delivery's state after an attempt at its request `request`, the `failures`-th that failed if it did. */
  private after(delivery: Delivery, request: number, sent: Sent, failures: number): AfterAttempt {
    const { policy, random } = this.options;
    const now = this.now();
    if (sent.outcome === 'accepted') {
      const done = request + 1;
      return done === delivery.requests.length
        ? { state: 'delivered', done, deliveredAt: now }
        : { state: 'sending', done, ...(delivery.nextAttemptAt !== undefined ? { nextAttemptAt: delivery.nextAttemptAt } : {}) };
    }
    if (sent.outcome === 'dead') return { state: 'dead', done: request };
    const next = now + (sent.retryAfterMs ?? backoffMs(failures, policy, random));
    return next > delivery.giveUpAt ? { state: 'dead', done: request } : { state: 'retrying', done: request, nextAttemptAt: next };
  }

  /** Extends the lease on a delivery; false when it was lost (another instance has the delivery now) or the store failed. */
  private async renew(delivery: Delivery, leaseUntil: number): Promise<boolean> {
    const { outbox, instance, logger } = this.options;
    let renewed: boolean;
    try {
      renewed = await outbox.renew(delivery.id, instance, leaseUntil);
    } catch (error) {
      // Nothing was sent: the lease runs out and the delivery is taken again.
      logger?.error({ err: error, delivery: delivery.id }, 'lease not renewed: the outbox is unreachable');
      return false;
    }
    if (!renewed) logger?.warn({ delivery: delivery.id }, 'lease lost: another instance took the delivery');
    return renewed;
  }

  /** Records the attempt; false when the lease was lost (another instance has the delivery now) or the store failed. */
  private async record(delivery: Delivery, attempt: Omit<Attempt, 'number' | 'instance'>, after: AfterAttempt, attempts: number): Promise<boolean> {
    const { outbox, instance, metrics, logger } = this.options;
    let recorded: boolean;
    try {
      recorded = await outbox.finishAttempt(delivery.id, instance, attempt, after);
    } catch (error) {
      // The lease runs out and the delivery is taken again; the request just accepted may be sent twice.
      logger?.error({ err: error, delivery: delivery.id }, 'attempt not recorded: the outbox is unreachable');
      return false;
    }
    if (!recorded) {
      logger?.warn({ delivery: delivery.id }, 'lease lost: another instance took the delivery');
      return false;
    }
    logger?.debug({ delivery: delivery.id, system: delivery.system, request: attempt.request, status: attempt.answer.status, state: after.state }, 'delivery attempt');
    if (after.state === 'retrying') {
      metrics?.retried(delivery.system);
      // Due before the next look at the outbox: look then.
      if (after.nextAttemptAt! - this.now() < this.options.pollMs) setTimeout(() => this.wake(), after.nextAttemptAt! - this.now()).unref();
    }
    if (after.state === 'delivered') metrics?.delivered(delivery.system, after.deliveredAt! - delivery.createdAt);
    if (after.state === 'dead') {
      metrics?.deadLettered(delivery.system);
      logger?.warn({ delivery: delivery.id, system: delivery.system, ticket: delivery.ticket, answer: attempt.answer }, 'delivery dead-lettered');
    }
    if (after.state === 'delivered' || after.state === 'dead') this.emit('settled', { ...delivery, ...after, attempts, lastAnswer: attempt.answer } satisfies Delivery);
    return true;
  }
}
