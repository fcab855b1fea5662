import type { AnswerPriors } from '../src/consult/priors';
import { diagnoseAnswer } from '../src/app/diagnose';
import type { DiagnoseResponse } from '../src/contract/schemas';
import { normalizeFacts } from '../src/facts/normalize';
import { bundledKnowledgeBase } from './knowledge-base';
import type { PhraseBank } from './phrase-bank';
import { Speaker } from './phrase-bank';

export type Facts = Record<string, unknown>;
type Question = DiagnoseResponse['questions'][number];

export interface Consultation {
  /** The facts asked, in order (a group's facts each). */
  asked: string[];
  /** What the user sent after the opening: one per answer (a group's answer is one), one per message whose reading had to be corrected or disowned. */
  turns: number;
  /** The turns until every one of `expected` was first confirmed; undefined when none was expected or it never was. */
  turnsToConfirmed?: number | undefined;
  /** Sentence mode: facts the user had to correct after the service read them wrong from their words, or said they do not know (truth null), all of one message's in one turn. */
  corrections: Correction[];
  /** Sentence mode: answers given with a button because the bank has no words for the fact. */
  buttons: string[];
  /** The facts the conversation ended with (null: the user did not know). */
  facts: Facts;
  /** The last answer, with every candidate's status. */
  report: DiagnoseResponse;
  /** Sentence mode: what the user said, turn by turn. */
  said: string[];
}

/** A fact read wrong from the user's words: what the bot held, and what the user put right. */
interface Correction {
  fact: string;
  read: unknown;
  /** What the user said it is; null: they do not know it (read from words that did not mean it). */
  truth: unknown;
}

export interface ConsultOptions {
  /** Rank questions as `?priors=field` ranks them. */
  priors?: AnswerPriors | undefined;
  /** The diagnoses the scenario expects confirmed, for turnsToConfirmed. */
  expected?: readonly string[] | undefined;
  /** Answer a question's whole group in one turn when it offers one (default); false answers one fact a turn, as the diagnosis page asks. */
  groups?: boolean;
  /** Sentence mode: the user answers in words from this bank, not with the value. */
  bank?: PhraseBank | undefined;
  /** What the speaker's picks are seeded with: the scenario's name. */
  seed?: string;
}

// What a user says first: the client and the symptoms, and how Outlook connects when they know
// it (the service never asks that: direct RPC is the articles' premise until told otherwise).
const OPENING_FACTS = ['clientKind', 'symptoms', 'rpcOverHttp'];
const MAX_TURNS = 20;
/** At most this many facts in one message: the ones asked, then some the user adds unasked. */
const FACTS_PER_MESSAGE = 3;

/** What a user whose environment is `environment` says first (see OPENING_FACTS). */
export function openingFacts(environment: Facts): Facts {
  const facts: Facts = {};
  for (const name of OPENING_FACTS) if (Object.hasOwn(environment, name)) facts[name] = environment[name];
  return facts;
}

/**
 * The user's answer to a question about `fact`, as the name and value it sends: the fact itself,
 * the IP address a derived address-space fact comes from, or, when the environment does not
 * say, null ("don't know").
 */
export function answerFrom(environment: Facts, fact: string): [name: string, value: unknown] {
  const source = bundledKnowledgeBase().kb.vocabulary.get(fact)?.derivedFrom;
  if (Object.hasOwn(environment, fact)) return [fact, environment[fact]];
  if (source && Object.hasOwn(environment, source)) return [source, environment[source]];
  return [fact, null];
}

/** The facts a turn answers: the top question's group when it offers one and groups are on, or its fact. */
function factsAnswered(question: Question, groups: boolean): string[] {
  return groups && question.group ? question.group.facts : [question.fact];
}

/**
 * A simulated chatbot user whose environment is `environment` (a scenario's full facts). They open
 * with the client and the symptoms, then answer each top question until nothing is left to ask:
 * with the value (or null for "don't know"), or in sentence mode with words from a phrase bank,
 * naming the facts asked and, where the environment has more the service does not know yet, one
 * or two more unasked. In sentence mode the service reads the words (`text`), the bot takes what
 * it read, and takes a fact it asked about but read nothing of as not known; the user then
 * corrects anything read wrong, in one more turn.
 */
export async function consult(environment: Facts, options: ConsultOptions = {}): Promise<Consultation> {
  const { bank, groups = true } = options;
  const speaker = bank ? new Speaker(bank, options.seed ?? JSON.stringify(environment)) : undefined;
  const run = new Run(environment, options);
  // The opening as the single-fact user opens: the same facts, in words, none added.
  if (speaker) await run.say(speaker, Object.keys(openingFacts(environment)), [], false);
  else await run.send(openingFacts(environment));
  for (;;) {
    const [question] = run.answer.questions;
    if (!question) return run.result();
    const asked = factsAnswered(question, groups);
    for (const fact of asked) if (run.asked.includes(fact)) throw new Error(`asked ${fact} twice: ${run.asked.join(', ')}`);
    if (run.turns === MAX_TURNS) throw new Error(`no end after ${MAX_TURNS} turns: ${run.asked.join(', ')}`);
    run.asked.push(...asked);
    if (speaker) await run.say(speaker, asked, asked, true);
    else await run.send(Object.fromEntries(asked.map((fact) => answerFrom(environment, fact))));
  }
}

/** One consultation's state: the facts the bot holds, the last answer, and what the measures count. */
class Run {
  asked: string[] = [];
  turns = 0;
  answer!: DiagnoseResponse;
  private readonly facts: Facts = {};
  private turnsToConfirmed: number | undefined;
  private readonly corrections: Correction[] = [];
  private readonly buttons: string[] = [];
  private readonly said: string[] = [];
  /** The facts the bot holds as read from the user's words, not yet confirmed by them. */
  private readonly read = new Set<string>();
  private opening = true;
  /** The environment's facts with those derived from them: what a fact read from the words should be. */
  private readonly truth: Facts;

  constructor(
    private readonly environment: Facts,
    private readonly options: ConsultOptions,
  ) {
    const normalized = normalizeFacts(environment, bundledKnowledgeBase().kb.vocabulary);
    if (!normalized.ok) throw new Error(`invalid scenario facts: ${JSON.stringify(normalized.errors)}`);
    this.truth = normalized.all;
  }

  /** One turn with structured answers. */
  async send(answers: Facts): Promise<void> {
    Object.assign(this.facts, answers);
    await this.ask();
    this.turnTaken();
  }

  /**
   * One turn in words: the facts `stated` (each in words, or "don't know"), with up to
   * FACTS_PER_MESSAGE in all by adding facts the bot does not hold yet. The bot takes what the
   * service read; `asked` facts it read nothing of are not known. Then the user corrects what was
   * read wrong.
   */
  async say(speaker: Speaker, stated: string[], asked: string[], adding: boolean): Promise<void> {
    const clauses: string[] = [];
    const buttons: Facts = {};
    for (const fact of stated) {
      const [name, value] = answerFrom(this.environment, fact);
      const clause = value === null ? speaker.unknown(fact) : speaker.clause(name, value);
      if (clause === undefined) buttons[name] = value;
      else clauses.push(clause);
    }
    const unasked = Object.keys(this.environment).filter((name) => adding && !stated.includes(name) && !Object.hasOwn(this.facts, name) && speaker.speaks(name, this.environment[name]));
    for (const name of speaker.shuffled(unasked).slice(0, Math.max(0, FACTS_PER_MESSAGE - stated.length))) clauses.push(speaker.clause(name, this.environment[name])!);
    this.buttons.push(...Object.keys(buttons));
    Object.assign(this.facts, buttons);
    let answered: DiagnoseResponse | undefined;
    if (clauses.length > 0) {
      const text = speaker.join(speaker.shuffled(clauses));
      this.said.push(text);
      answered = await this.diagnose(text);
      for (const [name, fact] of Object.entries(answered.facts.fromText ?? {})) {
        this.facts[name] = fact.value;
        this.read.add(name);
      }
      for (const fact of asked) {
        const [name] = answerFrom(this.environment, fact);
        if (Object.hasOwn(this.facts, name)) continue;
        this.facts[name] = null;
        answered = undefined;
      }
    }
    // The answer to the words already diagnosed the facts the bot now holds (what it read is what
    // it adopted), unless an asked fact was taken as unknown since.
    if (answered) this.answer = answered;
    else await this.ask();
    this.turnTaken();
    await this.correct();
  }

  /**
   * The user corrects every fact the bot holds that the environment has otherwise (a value read
   * wrong, or one they stated taken as not known): the bot shows what it read from a message to be
   * confirmed, as `facts.fromText` asks, and the user puts right all of it in one reply, one turn.
   * A fact the environment does not have is one the user does not know: read from their words,
   * they answer the confirmation "I don't know that", and the bot holds it as not known (null),
   * as it would hold their answer to the question. The bot shows what the service derived too,
   * marked as derived: the user states what they know that a derivation contradicts (the fact, or
   * the one of theirs it follows from: natMode none for a translation the addresses implied), and
   * takes back the premises read from their words that they do not know.
   */
  private async correct(): Promise<void> {
    const held = Object.entries(this.facts).filter(([name, value]) => (Object.hasOwn(this.truth, name) ? !sameValue(value, this.truth[name]) : this.read.has(name) && value !== null));
    this.read.clear();
    const derived = Object.entries(this.answer.facts.derived).filter(([name, value]) => Object.hasOwn(this.truth, name) && !Object.hasOwn(this.facts, name) && !sameValue(value, this.truth[name]));
    const wrong = [...held, ...derived];
    if (wrong.length === 0) return;
    for (const [name, read] of wrong) {
      this.corrections.push({ fact: name, read, truth: this.truth[name] ?? null });
      // What the user says is what they know: the fact itself, or the one of theirs it follows
      // from ("no NAT" for a translation the addresses implied).
      if (!Object.hasOwn(this.truth, name)) this.facts[name] = null;
      else if (!Object.hasOwn(this.environment, name)) delete this.facts[name];
      for (const known of this.knownBehind(name)) this.facts[known] = this.environment[known];
      for (const premise of Object.keys(this.answer.facts.derivations[name]?.from ?? {})) {
        if (!Object.hasOwn(this.truth, premise) && Object.hasOwn(this.facts, premise)) this.facts[premise] = null;
      }
    }
    await this.ask();
    this.turnTaken();
  }

  /** The facts of the environment the user states to put `fact` right: itself, or what it is derived from. */
  private knownBehind(fact: string): string[] {
    if (Object.hasOwn(this.environment, fact)) return [fact];
    const definition = bundledKnowledgeBase().kb.vocabulary.get(fact);
    const premises = [definition?.derivedFrom, ...(definition?.derivations ?? []).flatMap((d) => Object.keys(d.when))].filter(
      (premise): premise is string => premise !== undefined && Object.hasOwn(this.environment, premise),
    );
    return [...new Set(premises)];
  }

  result(): Consultation {
    return {
      asked: this.asked,
      turns: this.turns,
      turnsToConfirmed: this.turnsToConfirmed,
      corrections: this.corrections,
      buttons: this.buttons,
      facts: this.facts,
      report: this.answer,
      said: this.said,
    };
  }

  private async ask(): Promise<void> {
    this.answer = await this.diagnose();
  }

  // The first message is the opening; each after it is a turn.
  private turnTaken(): void {
    if (this.opening) this.opening = false;
    else this.turns += 1;
    const expected = this.options.expected ?? [];
    const confirmed = new Set(this.answer.diagnoses.filter((d) => d.status === 'confirmed').map((d) => d.id));
    if (this.turnsToConfirmed === undefined && expected.length > 0 && expected.every((id) => confirmed.has(id))) this.turnsToConfirmed = this.turns;
  }

  private diagnose(text?: string): Promise<DiagnoseResponse> {
    return diagnoseAnswer(bundledKnowledgeBase(), { facts: { ...this.facts }, ...(text !== undefined ? { text } : {}) }, { includeCandidates: true, priors: this.options.priors });
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v) => b.includes(v));
  return a === b;
}
