import type { WriteBack } from './write-back';
import type { Answer, AttemptOutcome } from './outbox';
import { retryAfterMs } from './retry-policy';
import type { Target } from './targets';

/** The most of an answer's body kept in the history: enough for any system's error message. */
const ANSWER_CHARS = 2000;

/** What came of sending one request: whether it counts as accepted, worth retrying or dead, and the system's answer. */
export interface Sent {
  outcome: AttemptOutcome;
  answer: Answer;
  /** Retry-After, when the system said when to come back. */
  retryAfterMs?: number;
}

/**
 * Whether a status is worth trying again: a timeout (408), a conflict with a concurrent update
 * (409, Zendesk's answer when two updates of a ticket cross), a rate limit (429), and the server's
 * own failures (5xx). Any other 4xx will be answered the same however often it is sent (a bad
 * token, a deleted ticket, a body the system refuses), and a 3xx means the base URL is wrong:
 * those are dead letters, with the system's answer for the operator.
 */
export function retryable(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * Sends one write-back request to its system and says what became of it. Never throws. `stop`
 * aborts it when the service shuts down: that is an attempt without an answer, tried again.
 */
export async function send(target: Target, request: WriteBack, { timeoutMs, stop, now = Date.now }: { timeoutMs: number; stop?: AbortSignal; now?: () => number }): Promise<Sent> {
  try {
    const response = await fetch(`${target.baseUrl}${request.path}`, {
      method: request.method,
      headers: { authorization: target.authorization, 'content-type': 'application/json', accept: 'application/json', 'user-agent': 'outlook-connectivity-kb' },
      body: JSON.stringify(request.body),
      redirect: 'manual',
      signal: stop ? AbortSignal.any([AbortSignal.timeout(timeoutMs), stop]) : AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const answer = { status: response.status, body: text.slice(0, ANSWER_CHARS) };
    if (response.ok) return { outcome: 'accepted', answer };
    if (!retryable(response.status)) return { outcome: 'dead', answer };
    const after = retryAfterMs(response.headers.get('retry-after'), now());
    return { outcome: 'retry', answer, ...(after !== undefined ? { retryAfterMs: after } : {}) };
  } catch (error) {
    // No answer: refused, reset, unresolvable, or no answer within the timeout.
    const { name, message, cause } = error as Error & { cause?: Error };
    const why = name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : stop?.aborted ? 'the instance stopped before an answer came' : `${message}${cause?.message ? `: ${cause.message}` : ''}`;
    return { outcome: 'retry', answer: { body: why } };
  }
}
