import type { DiagnosisReport } from '../engine/diagnose';
import type { ResultNode } from '../engine/evaluate';
import { deriveFacts } from '../facts/derive';
import type { FactValue, Facts } from '../facts/normalize';
import type { FactDefinition, QuestionGroup, Scalar } from '../kb/model';
import type { Vocabulary } from '../kb/vocabulary';
import { BoundedCache, perKnowledgeBase } from './bounded-cache';
import type { AnswerPriors } from './priors';
import { gatherWaiting, valueIf, type Answers } from './what-if';

/** Something an answer can settle: an undetermined diagnosis, or an undetermined workaround of a reported one. */
interface OpenItem {
  id: string;
  kind: 'diagnosis' | 'workaround';
  tree: ResultNode;
}

interface Reason {
  id: string;
  kind: 'diagnosis' | 'workaround';
  /** Answers that would confirm the diagnosis (or make the workaround apply); for an address, its address spaces. */
  confirmedBy: Scalar[];
  /** Answers that would rule it out, or put it out of scope (or exclude the workaround). */
  ruledOutBy: Scalar[];
}

/** A fact to ask the user about next, with the answers offered and the diagnoses each would confirm or rule out. */
export interface Question {
  fact: string;
  text: string;
  type: FactDefinition['type'];
  values: { value: Scalar; label: string }[];
  /** Expected number of questions, this one included, until nothing is left open. */
  expectedQuestions: number;
  why: Reason[];
  /** The facts people usually know with this one that would settle something too: ask them as one question. */
  group?: { name: string; text: string; facts: string[] };
}

/**
 * A fact that can be asked, and the fact its answer is read as: itself, or, for an IP address,
 * the address space derived from it (people know "the server is 192.168.1.20", not its space).
 */
interface Askable {
  asked: FactDefinition;
  answers: FactDefinition;
}

/**
 * The facts worth asking next, best first. Only facts that an undetermined diagnosis, or an
 * undetermined workaround of a reported one, is waiting for are asked, directly or through a
 * fact derived from them (an address, whose space and the translation it implies settle a
 * diagnosis); facts given, or sent as unknown, never are, and neither is a fact whose answer
 * would settle nothing.
 *
 * Rank: the expected number of questions left until nothing is open if this fact is asked now
 * and every later question is chosen the same way, found by searching the (small) tree of
 * possible answers. Answers are grouped by what they would do to the open items, and each group
 * counts as equally likely: nothing says which answer a caller will give, and weighting each
 * allowed value instead would favour facts with many values that all mean the same here (ten
 * Outlook versions that each rule out KB833799 are one outcome, not ten). Ties go to the fact
 * that settles more workarounds of reported diagnoses (the caller can act on those now), then to
 * the fact with fewer answers (an easier question), then to vocabulary order, so the order is
 * deterministic.
 */
function nextQuestions(report: DiagnosisReport, vocabulary: Vocabulary, facts: { all: Facts; unknown: readonly string[] }, priors?: AnswerPriors): Question[] {
  const { search, offers } = offered(report, vocabulary, facts, priors);
  // With little known, many facts are open and a two-answer look-ahead costs tens of
  // milliseconds; one answer ahead then ranks almost as well (the early questions, such as the
  // client kind, settle most candidates whatever follows).
  search.depth = search.askable(new Map()).length > WIDE_OPENING ? 1 : SEARCH_DEPTH;
  const order = vocabulary.names;
  const none: Answers = new Map();
  const offeredFacts = new Set(offers.map(({ askable }) => askable.asked.name));
  return offers
    .map(({ askable, why }) => withGroup(question(askable, why, search.expectedQuestions(none, askable)), vocabulary, offeredFacts))
    .sort((a, b) => a.expectedQuestions - b.expectedQuestions || settlesWorkarounds(b) - settlesWorkarounds(a) || a.values.length - b.values.length || order.indexOf(a.fact) - order.indexOf(b.fact));
}

/**
 * The question with its group (rules/facts.json), when another fact of the group is offered too:
 * people who know one usually know the other, and answering both is one turn, not two. A group
 * fact that would settle nothing is left out of it.
 */
function withGroup(asked: Question, vocabulary: Vocabulary, offered: ReadonlySet<string>): Question {
  const group = vocabulary.groupOf(asked.fact);
  const facts = group && groupAsked(group, offered);
  return group && facts ? { ...asked, group: { name: group.name, text: group.question, facts } } : asked;
}

/**
 * The facts of `group` asked together as one turn when `offered` are the facts worth asking: those
 * offered, when two or more are; undefined otherwise. The consultation's floor search offers the
 * same groups, so that it stays a bound on the ranking.
 */
export function groupAsked(group: QuestionGroup, offered: ReadonlySet<string>): string[] | undefined {
  const facts = group.facts.filter((fact) => offered.has(fact));
  return facts.length > 1 ? facts : undefined;
}

/**
 * The facts nextQuestions would offer, in vocabulary order and unranked: what a search over every
 * order of questions (the consultation's floor in the tests) needs at each step, without the
 * ranking's look-ahead, which costs far more than the rest.
 */
export function questionFacts(kb: { vocabulary: Vocabulary }, report: DiagnosisReport, facts: { all: Facts; unknown: readonly string[] }): string[] {
  return offered(report, kb.vocabulary, facts).offers.map(({ askable }) => askable.asked.name);
}

/** The open items, the search over their answers, and the facts worth asking with why. */
function offered(
  report: DiagnosisReport,
  vocabulary: Vocabulary,
  facts: { all: Facts; unknown: readonly string[] },
  priors?: AnswerPriors,
): { search: AnswerSearch; offers: { askable: Askable; why: Reason[] }[] } {
  const open: OpenItem[] = [
    ...report.candidates.filter((c) => c.status === 'undetermined').map((c) => ({ id: c.id, kind: 'diagnosis' as const, tree: c.evaluation.tree })),
    ...report.pendingWorkarounds.map((w) => ({ id: w.id, kind: 'workaround' as const, tree: w.evaluation.tree })),
  ];
  const search = new AnswerSearch(open, vocabulary, facts, priors);
  const offers = search
    .askable(new Map())
    .map((askable) => ({ askable, why: reasonsFor(askable, open, search) }))
    .filter(({ why }) => why.length > 0);
  return { search, offers };
}

// A workaround of a reported diagnosis is something the caller can act on now.
const settlesWorkarounds = (q: Question) => q.why.filter((reason) => reason.kind === 'workaround').length;

/** Which open items an answer about `askable` would confirm or rule out, or feed through a derived fact. */
function reasonsFor({ answers }: Askable, open: OpenItem[], search: AnswerSearch): Reason[] {
  const values = answers.values ?? [];
  const none: Answers = new Map();
  const feeds = search.dependents(answers.name);
  const why: Reason[] = [];
  for (const item of open) {
    const outcomes = values.map((v) => valueIf(item.tree, search.expand(new Map([[answers.name, answerOf(answers, v.value)]]))));
    const reason = {
      id: item.id,
      kind: item.kind,
      confirmedBy: values.filter((_, i) => outcomes[i] === true).map((v) => v.value),
      ruledOutBy: values.filter((_, i) => outcomes[i] === false).map((v) => v.value),
    };
    // An answer that settles nothing alone still counts when the item waits for a fact derived
    // from it: one address settles the translation only once the other is known too.
    const waiting = new Set<string>();
    gatherWaiting(item.tree, none, waiting);
    const waits = [...waiting].some((fact) => feeds.has(fact));
    if (reason.confirmedBy.length + reason.ruledOutBy.length > 0 || waits) why.push(reason);
  }
  return why;
}

function question({ asked, answers }: Askable, why: Reason[], expectedQuestions: number): Question {
  return {
    fact: asked.name,
    text: asked.question,
    type: asked.type,
    values: asked === answers ? (answers.values ?? []) : [],
    expectedQuestions: Math.round(expectedQuestions * 1000) / 1000,
    why,
  };
}

// A list fact (symptoms) is asked one value at a time.
function answerOf(definition: FactDefinition, value: Scalar): FactValue {
  return definition.type === 'string-list' ? [value as string] : value;
}

/** Expected questions left, over hypothetical answers, memoized per set of answers. */
class AnswerSearch {
  private readonly memo = new Map<string, number>();
  private readonly expansions = new Map<string, Answers>();
  private readonly sources = new Map<string, string[]>();
  /** The facts some derivation reads: only answers to these can imply anything. */
  private readonly derivationInputs: Set<string>;
  depth = SEARCH_DEPTH;

  constructor(
    private readonly open: OpenItem[],
    private readonly vocabulary: Vocabulary,
    private readonly facts: { all: Facts; unknown: readonly string[] },
    private readonly priors?: AnswerPriors,
  ) {
    this.derivationInputs = new Set(vocabulary.derivable.flatMap((d) => d.derivations!.flatMap((rule) => Object.keys(rule.when))));
  }

  /**
   * Hypothetical answers with what they imply: the facts derived from the known facts and the
   * answers together (an address space answered with the other already known gives the
   * translation between them). A fact known already is never overridden.
   */
  expand(answers: Answers): Answers {
    if (answers.size === 0 || ![...answers.keys()].some((fact) => this.derivationInputs.has(fact))) return answers;
    const key = JSON.stringify([...answers]);
    let expanded = this.expansions.get(key);
    if (!expanded) {
      const given: Facts = { ...this.facts.all, ...Object.fromEntries(answers) };
      const { derived } = deriveFacts(given, this.vocabulary, '');
      expanded = new Map([...answers, ...Object.entries(derived).filter(([name]) => !Object.hasOwn(this.facts.all, name))]);
      this.expansions.set(key, expanded);
    }
    return expanded;
  }

  /**
   * Facts some item still waits for under `answers`, directly or through the facts it is
   * derived from, that are neither known nor said to be unknown.
   */
  askable(answers: Answers): Askable[] {
    const waitingFor = new Set<string>();
    const expanded = this.expand(answers);
    for (const item of this.open) gatherWaiting(item.tree, expanded, waitingFor);
    for (const fact of [...waitingFor]) this.sourcesOf(fact).forEach((source) => waitingFor.add(source));
    const open = (name: string) => !Object.hasOwn(this.facts.all, name) && !this.facts.unknown.includes(name) && !expanded.has(name);
    const result: Askable[] = [];
    for (const definition of this.vocabulary.facts) {
      if (!waitingFor.has(definition.name) || !definition.values || !open(definition.name)) continue;
      const address = definition.derivedFrom ? this.vocabulary.get(definition.derivedFrom) : undefined;
      if (address) {
        // An address space is asked as the address it comes from.
        if (open(address.name)) result.push({ asked: address, answers: definition });
      } else {
        result.push({ asked: definition, answers: definition });
      }
    }
    return result;
  }

  /** `fact` and the facts derived from it (rules/facts.json), transitively. */
  dependents(fact: string): Set<string> {
    const found = new Set([fact]);
    for (const definition of this.vocabulary.derivable) {
      if (definition.derivations!.some((d) => Object.keys(d.when).some((name) => found.has(name)))) found.add(definition.name);
    }
    return found;
  }

  /** The facts `fact` can be derived from (rules/facts.json), transitively. */
  private sourcesOf(fact: string): string[] {
    let sources = this.sources.get(fact);
    if (!sources) {
      const direct = [...new Set((this.vocabulary.get(fact)?.derivations ?? []).flatMap((d) => Object.keys(d.when)))];
      sources = [...direct, ...direct.flatMap((source) => this.sourcesOf(source))];
      this.sources.set(fact, sources);
    }
    return sources;
  }

  /**
   * 1 for asking now, plus the expected questions after each distinct outcome: each outcome
   * equally likely, or, with priors, as likely as the observed answers that lead to it together.
   */
  expectedQuestions(answers: Answers, { answers: definition }: Askable): number {
    const outcomes = new Map<string, { next: Answers; weight: number }>();
    const values = definition.values ?? [];
    for (const { value } of values) {
      const next = new Map(answers).set(definition.name, answerOf(definition, value));
      const expanded = this.expand(next);
      let key = '';
      for (const item of this.open) key += String(valueIf(item.tree, expanded))[0];
      const weight = this.priors ? this.priors.probability(definition.name, value, values) : 1;
      const outcome = outcomes.get(key);
      if (!outcome) outcomes.set(key, { next, weight: this.priors ? weight : 1 });
      else if (this.priors) outcome.weight += weight;
    }
    let total = 0;
    let weights = 0;
    for (const { next, weight } of outcomes.values()) {
      total += weight * this.remaining(next);
      weights += weight;
    }
    return 1 + total / weights;
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
      cost = Math.min(...askable.map((a) => this.expectedQuestions(answers, a)));
      this.memo.set(key, cost);
    }
    return cost;
  }

  private openArticles(answers: Answers): number {
    const articles = new Set<string>();
    const expanded = this.expand(answers);
    const waiting = new Set<string>();
    for (const item of this.open) {
      waiting.clear();
      gatherWaiting(item.tree, expanded, waiting);
      for (const fact of waiting) {
        if (this.facts.unknown.includes(fact)) continue;
        articles.add(item.id.slice(0, item.id.indexOf('.')));
        break;
      }
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

/**
 * The questions for a report, through the cache, keyed by the facts and the unknown ones (and the
 * priors' version, when the ranking weighs answers by what was observed in the field).
 */
export function questionsFor(kb: { vocabulary: Vocabulary }, report: DiagnosisReport, facts: { all: Facts; unknown: string[] }, priors?: AnswerPriors): Question[] {
  const key = JSON.stringify(priors ? [facts.all, facts.unknown, priors.version] : [facts.all, facts.unknown]);
  return cachedNextQuestions(kb, key, () => nextQuestions(report, kb.vocabulary, facts, priors));
}
