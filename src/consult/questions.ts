import type { DiagnosisReport } from '../engine/diagnose';
import type { ResultNode } from '../engine/evaluate';
import type { FactValue } from '../facts/normalize';
import type { FactDefinition, Scalar } from '../kb/model';
import type { Vocabulary } from '../kb/vocabulary';
import { BoundedCache, perKnowledgeBase } from '../service/bounded-cache';
import { whatIf, type Answers } from './what-if';

/** Something an answer can settle: an undetermined diagnosis, or an undetermined workaround of a confirmed one. */
interface OpenItem {
  id: string;
  kind: 'diagnosis' | 'workaround';
  tree: ResultNode;
}

export interface Reason {
  id: string;
  kind: 'diagnosis' | 'workaround';
  /** Answers that would confirm the diagnosis (or make the workaround apply). */
  confirmedBy: Scalar[];
  /** Answers that would rule it out (or exclude the workaround). */
  ruledOutBy: Scalar[];
}

export interface Question {
  fact: string;
  text: string;
  type: FactDefinition['type'];
  values: { value: Scalar; label: string }[];
  /** Expected number of questions, this one included, until nothing is left open. */
  expectedQuestions: number;
  why: Reason[];
}

/**
 * The facts worth asking next, best first. Only facts that an undetermined diagnosis, or an
 * undetermined workaround of a confirmed one, is waiting for are asked; facts given, or sent as
 * unknown, never are.
 *
 * Rank: the expected number of questions left until nothing is open if this fact is asked now
 * and every later question is chosen the same way, found by searching the (small) tree of
 * possible answers. Answers are grouped by what they would do to the open items, and each group
 * counts as equally likely: nothing says which answer a caller will give, and weighting each
 * allowed value instead would favour facts with many values that all mean the same here (ten
 * Outlook versions that each rule out KB833799 are one outcome, not ten). Ties go to the fact
 * that settles more workarounds of confirmed diagnoses (the caller can act on those now), then to
 * the fact with fewer answers (an easier question), then to vocabulary order, so the order is
 * deterministic.
 */
export function nextQuestions(report: DiagnosisReport, vocabulary: Vocabulary, unknown: readonly string[]): Question[] {
  const open: OpenItem[] = [
    ...report.candidates.filter((c) => c.status === 'undetermined').map((c) => ({ id: c.id, kind: 'diagnosis' as const, tree: c.evaluation.tree })),
    ...report.pendingWorkarounds.map((w) => ({ id: w.id, kind: 'workaround' as const, tree: w.evaluation.tree })),
  ];
  const none: Answers = new Map();
  const search = new AnswerSearch(open, vocabulary, new Set(unknown));
  // With little known, many facts are open and a two-answer look-ahead costs tens of
  // milliseconds; one answer ahead then ranks almost as well (the early questions, such as the
  // client kind, settle most candidates whatever follows).
  search.depth = search.askable(none).length > WIDE_OPENING ? 1 : SEARCH_DEPTH;
  const order = vocabulary.names;
  return search
    .askable(none)
    .map((definition) => question(definition, open, search.expectedQuestions(none, definition)))
    .sort(
      (a, b) =>
        a.expectedQuestions - b.expectedQuestions ||
        settlesWorkarounds(b) - settlesWorkarounds(a) ||
        a.values.length - b.values.length ||
        order.indexOf(a.fact) - order.indexOf(b.fact),
    );
}

// A workaround of a confirmed diagnosis is something the caller can act on now.
const settlesWorkarounds = (q: Question) => q.why.filter((reason) => reason.kind === 'workaround').length;

function question(definition: FactDefinition, open: OpenItem[], expected: number): Question {
  const values = definition.values ?? [];
  const waiting = open.filter((item) => whatIf(item.tree, new Map()).waitingFor.has(definition.name));
  return {
    fact: definition.name,
    text: definition.question,
    type: definition.type,
    values,
    expectedQuestions: Math.round(expected * 1000) / 1000,
    why: waiting.map((item) => {
      const outcomes = values.map((v) => whatIf(item.tree, new Map([[definition.name, answerOf(definition, v.value)]])).value);
      return {
        id: item.id,
        kind: item.kind,
        confirmedBy: values.filter((_, i) => outcomes[i] === true).map((v) => v.value),
        ruledOutBy: values.filter((_, i) => outcomes[i] === false).map((v) => v.value),
      };
    }),
  };
}

// A list fact (symptoms) is asked one value at a time.
function answerOf(definition: FactDefinition, value: Scalar): FactValue {
  return definition.type === 'string-list' ? [value as string] : value;
}

/** Expected questions left, over hypothetical answers, memoized per set of answers. */
class AnswerSearch {
  private readonly memo = new Map<string, number>();
  depth = SEARCH_DEPTH;

  constructor(
    private readonly open: OpenItem[],
    private readonly vocabulary: Vocabulary,
    private readonly unknown: ReadonlySet<string>,
  ) {}

  /** Facts some item still waits for under `answers`, that the caller has not said it does not know. */
  askable(answers: Answers): FactDefinition[] {
    const waitingFor = new Set<string>();
    for (const item of this.open) whatIf(item.tree, answers).waitingFor.forEach((fact) => waitingFor.add(fact));
    return this.vocabulary.facts.filter((d) => waitingFor.has(d.name) && !this.unknown.has(d.name) && d.values);
  }

  /** 1 for asking `definition` now, plus the expected questions after each distinct outcome. */
  expectedQuestions(answers: Answers, definition: FactDefinition): number {
    const outcomes = new Map<string, Answers>();
    for (const { value } of definition.values ?? []) {
      const next = new Map(answers).set(definition.name, answerOf(definition, value));
      const key = JSON.stringify(this.open.map((item) => whatIf(item.tree, next).value));
      if (!outcomes.has(key)) outcomes.set(key, next);
    }
    let total = 0;
    for (const next of outcomes.values()) total += this.remaining(next);
    return 1 + total / outcomes.size;
  }

  // The search looks `depth` answers ahead; past that it estimates one question per article
  // still open, since the articles wait for different facts. Without the bound, a caller who has
  // sent nothing yet would make the search walk every combination of a dozen facts.
  private remaining(answers: Answers): number {
    const askable = this.askable(answers);
    if (askable.length === 0) return 0;
    if (answers.size >= this.depth) return this.openArticles(answers);
    const key = JSON.stringify([...answers].sort(([a], [b]) => (a < b ? -1 : 1)));
    let cost = this.memo.get(key);
    if (cost === undefined) {
      cost = Math.min(...askable.map((d) => this.expectedQuestions(answers, d)));
      this.memo.set(key, cost);
    }
    return cost;
  }

  private openArticles(answers: Answers): number {
    const articles = new Set<string>();
    for (const item of this.open) {
      const { waitingFor } = whatIf(item.tree, answers);
      if ([...waitingFor].some((fact) => !this.unknown.has(fact))) articles.add(item.id.slice(0, item.id.indexOf('.')));
    }
    return articles.size;
  }
}

const SEARCH_DEPTH = 2;
const WIDE_OPENING = 6;

const CACHE_SIZE = 5_000;
const questionCache = perKnowledgeBase(() => new BoundedCache<Question[]>(CACHE_SIZE));

/**
 * nextQuestions, remembered per knowledge base for the last CACHE_SIZE distinct fact sets: the
 * ranking is a search and costs far more than the diagnosis, while callers (a chatbot's turns, a
 * ticket backfill) ask about the same facts again and again. The answer depends only on the
 * knowledge base, the facts and the unknown ones, which make the key; a reload brings a new
 * knowledge base and so a new cache. Least recently used entries go first.
 */
export function cachedNextQuestions(kb: object, key: string, compute: () => Question[]): Question[] {
  const cache = questionCache(kb);
  const hit = cache.get(key);
  if (hit) return hit;
  const questions = compute();
  cache.set(key, questions);
  return questions;
}

/** The questions for a report, through the cache, keyed by the facts and the unknown ones. */
export function questionsFor(kb: { vocabulary: Vocabulary }, report: DiagnosisReport, facts: { all: object; unknown: string[] }): Question[] {
  return cachedNextQuestions(kb, JSON.stringify([facts.all, facts.unknown]), () => nextQuestions(report, kb.vocabulary, facts.unknown));
}
