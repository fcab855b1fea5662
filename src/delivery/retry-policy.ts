/**
 * When a failed delivery is tried again, and when it is given up. The defaults: the first retry
 * after about a second, each one about twice as late, never more than ten minutes apart, and a
 * dead letter after 24 hours of failures. A day covers the outages ticketing systems have had
 * (hours, not days) and a weekend night of someone's expired token is still in the dead letters
 * on Monday, with the system's answer, for an operator to retry.
 */
export interface RetryPolicy {
  /** DELIVERY_FIRST_RETRY_MS: the delay before the first retry. */
  firstRetryMs: number;
  /** DELIVERY_LONGEST_RETRY_MS: the longest delay between two tries (Retry-After may ask for more). */
  longestRetryMs: number;
  /** DELIVERY_GIVE_UP_MS: how long after it was recorded (or retried by an operator) a failing delivery is dead-lettered. */
  giveUpMs: number;
  /** DELIVERY_TIMEOUT_MS: how long one request may take before it counts as failed. */
  timeoutMs: number;
}

/** The retry policy when no DELIVERY_* setting says otherwise: first retry after a second, at most ten minutes apart, given up after a day. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  firstRetryMs: 1000,
  longestRetryMs: 10 * 60_000,
  giveUpMs: 24 * 60 * 60_000,
  timeoutMs: 30_000,
};

/**
 * The delay before the next try after `failures` failed ones: exponential, capped, with equal
 * jitter (half of it fixed, half random), so that deliveries that failed together, in an outage,
 * do not all come back at the same moment, and each still waits longer than the one before.
 */
export function backoffMs(failures: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.longestRetryMs, policy.firstRetryMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * Retry-After in milliseconds: delay-seconds or an HTTP date (RFC 9110 10.2.3); undefined when
 * absent or unreadable, so that the backoff applies.
 */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
