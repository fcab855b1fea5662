import { stalled, type Decision, type DecisionContent, type LoggedDecision, type Outcome } from './decision';

/**
 * One counter of the field figures: in an hour, for a knowledge-base revision, a measure of an
 * item (a diagnosis, a workaround, an article, a fact), added to. The store keeps the sums per
 * hour (decision_counts), which is what lets GET /v1/stats answer over a million decisions
 * without reading them.
 */
export interface Tally {
  hour: number;
  kbRevision: string;
  kind: TallyKind;
  item: string;
  measure: string;
  n: number;
}

/** What a tally counts: the log as a whole, an article, a diagnosis, a workaround, or a fact's values. */
type TallyKind = 'log' | 'article' | 'diagnosis' | 'workaround' | 'fact';

const HOUR = 3_600_000;

/** The start of the hour a time falls in: the grain of the figures. */
export const hourOf = (at: number): number => Math.floor(at / HOUR) * HOUR;

/** A counter without its hour, revision and amount: what a decision's content adds one to. */
type Counter = Pick<Tally, 'kind' | 'item' | 'measure'>;

const countersOf = new WeakMap<DecisionContent, Counter[]>();

/** The counters a decision's content adds one to, worked out once per content object (cached answers share theirs). */
function contentCounters(decision: DecisionContent): Counter[] {
  let counters = countersOf.get(decision);
  if (counters) return counters;
  counters = [];
  const tallies = counters;
  const add = (kind: Tally['kind'], item: string, measure: string) => tallies.push({ kind, item, measure });
  add('log', '', 'decisions');
  for (const diagnosis of decision.diagnoses) {
    if (diagnosis.status === 'out-of-scope') continue;
    add('diagnosis', diagnosis.id, 'reported');
    if (diagnosis.status === 'confirmed') add('diagnosis', diagnosis.id, 'confirmed');
    for (const workaround of diagnosis.workarounds) if (workaround.applicable !== false) add('workaround', workaround.id, 'offered');
  }
  for (const article of new Set(decision.diagnoses.filter((d) => d.status !== 'out-of-scope').map((d) => d.article))) add('article', article, 'reported');
  if (stalled(decision)) {
    add('log', '', 'stalled');
    // What the consultation stopped on, per article waiting for it: the facts asked and not
    // answered, and those the caller said are unknown.
    const articles = new Set(decision.questions.flatMap((q) => q.articles));
    for (const question of decision.questions) for (const article of question.articles) add('article', article, `stalled:${question.fact}`);
    for (const fact of decision.unknown) for (const article of articles) add('article', article, `stalled:${fact}`);
  }
  // The values stated or read, which the consultation's priors are made of.
  for (const [name, fact] of Object.entries(decision.facts)) {
    if (fact.source === 'derived') continue;
    for (const value of Array.isArray(fact.value) ? fact.value : [fact.value]) add('fact', name, JSON.stringify(value));
  }
  countersOf.set(decision, counters);
  return counters;
}

/**
 * The counters a batch of decisions adds to, summed: decisions of one content in one hour are
 * counted together, so a batch of thousands made from a few hundred answers costs a few hundred
 * counters' work.
 */
export function batchTallies(batch: readonly LoggedDecision[]): Tally[] {
  const groups = new Map<DecisionContent, Map<number, number>>();
  for (const { at, content } of batch) {
    const hours = groups.get(content) ?? new Map<number, number>();
    const hour = hourOf(at);
    hours.set(hour, (hours.get(hour) ?? 0) + 1);
    groups.set(content, hours);
  }
  const tallies: Tally[] = [];
  for (const [content, hours] of groups) {
    const counters = contentCounters(content);
    for (const [hour, n] of hours) for (const counter of counters) tallies.push({ hour, kbRevision: content.kbRevision, ...counter, n });
  }
  return summed(tallies);
}

/**
 * The counters one outcome adds to, at its decision's hour and revision (the figures are about
 * decisions, filtered by when they were made). A diagnosis confirmed, or a workaround of it that
 * resolved the problem, agrees with it; one rejected, or "none of these", disagrees. A resolving
 * workaround, and "none", close the decision: every workaround it offered counts one more
 * closed decision, for the resolution rate.
 */
export function outcomeTallies(decision: Decision, outcome: Outcome): Tally[] {
  const tallies: Tally[] = [];
  const add = (kind: Tally['kind'], item: string, measure: string) => tallies.push({ hour: hourOf(decision.at), kbRevision: decision.kbRevision, kind, item, measure, n: 1 });
  const reported = decision.diagnoses.filter((d) => d.status !== 'out-of-scope');
  add('log', '', `outcome:${outcome.kind}`);
  const close = () => {
    for (const diagnosis of reported) for (const workaround of diagnosis.workarounds) if (workaround.applicable !== false) add('workaround', workaround.id, 'closed');
  };
  switch (outcome.kind) {
    case 'confirmed':
    case 'rejected':
      add('diagnosis', outcome.diagnosis!, outcome.kind === 'confirmed' ? 'agreed' : 'disagreed');
      break;
    case 'resolved':
      add('workaround', outcome.workaround!, 'resolved');
      for (const diagnosis of reported) if (diagnosis.workarounds.some((w) => w.id === outcome.workaround)) add('diagnosis', diagnosis.id, 'agreed');
      close();
      break;
    case 'none':
      for (const diagnosis of reported) add('diagnosis', diagnosis.id, 'disagreed');
      close();
      break;
    case 'unmatched':
      break;
  }
  return tallies;
}

/**
 * Tallies of one batch added up, one per counter, in a fixed order: a database takes one row per
 * counter per statement, and two instances that lock rows in the same order cannot deadlock.
 */
function summed(tallies: readonly Tally[]): Tally[] {
  const sums = new Map<string, Tally>();
  for (const tally of tallies) {
    const key = `${tally.hour}\u0000${tally.kbRevision}\u0000${tally.kind}\u0000${tally.item}\u0000${tally.measure}`;
    const sum = sums.get(key);
    if (sum) sum.n += tally.n;
    else sums.set(key, { ...tally });
  }
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, tally]) => tally);
}
