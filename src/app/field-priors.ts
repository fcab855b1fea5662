import { AnswerPriors } from '../consult/priors';
import { queryPointer } from '../contract/pointers';
import type { DecisionLogging } from './decisions';
import { AppError } from './errors';

/** How long the priors read from the log are used before they are read again. */
const PRIORS_TTL_MS = 60_000;

const cached = new WeakMap<object, { at: number; priors: Promise<AnswerPriors> }>();

/**
 * The answers observed in the field, from the decision log, for `?priors=field`: read at most once
 * a minute (a count over all the log's hours), so that a consultation turn costs no more than
 * without. Refused when the service keeps no decision log: there is nothing to weigh by.
 */
export function fieldPriors(logging: DecisionLogging, now = Date.now()): Promise<AnswerPriors> {
  if (!logging) {
    throw new AppError('invalid_request', 'priors=field weighs answers by the decision log, and this service keeps none (DECISION_LOG=false).', [
      { pointer: queryPointer('priors'), detail: 'needs the decision log; leave it out to rank by the rules alone' },
    ]);
  }
  const hit = cached.get(logging);
  if (hit && now - hit.at < PRIORS_TTL_MS) return hit.priors;
  const priors = logging
    .flush()
    .then(() => logging.log.sums({ kinds: ['fact'] }))
    .then((sums) => AnswerPriors.fromCounts(sums, `field@${now}`));
  // A failed read is not kept: the next request tries again.
  priors.catch(() => cached.delete(logging));
  cached.set(logging, { at: now, priors });
  return priors;
}
