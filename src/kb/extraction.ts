import { literalsByWay, literalsOf } from './expression-literals';
import { deadWordBoundary } from './word-boundaries';
import { WORD_CHARACTER } from './expression-syntax';
import { alternativesOf, type Alternatives } from './alternatives';
import { prefilterOf, type Prefilter } from './prefilter';
import { KnowledgeBaseError } from './errors';
import { escapeRegExp } from './escape-regexp';
import { alternativeWithoutGroup } from './value-group';
import { checkFactValues } from './fact-values';
import type { Scalar } from './model';
import { PhraseListBuilder, type PhraseList } from './phrases';
import type { Vocabulary } from './vocabulary';

/** rules/extraction.json as written. */
export interface ExtractionFile {
  negation: { cues: string[]; window: number; clauseBreaks: string[]; scopeEnds?: string[]; fillers?: string[]; forwardOnly?: string[] };
  minimumConfidence?: number;
  topic?: { facts: string[]; gated: string[] };
  hedges?: { cues: string[]; facts: string[]; factor: number; unless?: string[]; onlyWhereRead?: HedgeCondition }[];
  clientSide?: { cues: string[]; facts: string[]; factor: number };
  questions?: { starts: string[]; facts: string[]; factor: number; answers?: string[]; description?: string };
  facts: Record<string, PatternEntry[]>;
  sentenceRules?: { fact: string; value: Scalar; all: string[]; confidence: number; negatable?: boolean; requires?: string[] }[];
  withdrawals?: { fact: string; pattern: string; value?: Scalar; requires?: string[]; note?: string }[];
  spokenForms?: { pattern: string; as: string; note?: string }[];
  addresses: { clauseBreaks: string[]; cues: AddressCueFile[]; following?: AddressCueFile[] };
}

type AddressRole = 'serverAddress' | 'clientAddress' | 'none';

/** Facts a hedge lowers only in a ticket that reads `fact` as one of `values` (see SentenceCues.onlyWhereRead). */
interface HedgeCondition {
  facts: string[];
  fact: string;
  values: Scalar[];
}

interface AddressCueFile {
  pattern: string;
  role: AddressRole;
  /** The role the cue gives instead in a ticket where `pattern` never matches (a front end where no back end is named). */
  roleWhenAbsent?: { pattern: string; role: AddressRole };
}

/** A cue before an address, compiled: whose the address after it is. */
export interface AddressCue {
  regex: RegExp;
  role: AddressRole;
  /** The texts a ticket must hold for the cue to be looked for (see Prefilter). */
  prefilter: Prefilter;
  /** Where the ticket has no match of `regex`, the role is this one's. */
  roleWhenAbsent?: { regex: RegExp; role: AddressRole } | undefined;
}

interface PatternEntry {
  pattern: string;
  value?: Scalar;
  valueFromGroup?: number;
  negatedValue?: Scalar;
  negatable?: boolean;
  confidence: number;
  unlessRead?: string;
  requires?: string[];
  chatAnswersOnly?: boolean;
}

/** A file of rules/lexicons/ as written: phrases per fact value, or per context item. */
export interface LexiconFile {
  fact?: string;
  description: string;
  entries: LexiconEntry[];
}

interface LexiconEntry {
  value?: Scalar;
  id?: string;
  label?: string;
  phrases?: string[];
  patterns?: string[];
  /** Text every match of the patterns contains (see FactPattern.requires). */
  requires?: string[];
  confidence?: number;
  negatable?: boolean;
  negatedValue?: Scalar;
  source: { kind: 'vendor-product-line' | 'product-message' | 'article' | 'usage'; name: string; note?: string };
}

/**
 * A compiled cue of the extraction rules: a regular expression that, found in a ticket, states a
 * fact's value (from the rule or a capture group), with its confidence and whether a negation
 * flips it.
 */
export interface FactPattern {
  fact: string;
  regex: RegExp;
  value?: Scalar | undefined;
  valueFromGroup?: number | undefined;
  negatedValue?: Scalar | undefined;
  negatable: boolean;
  confidence: number;
  /**
   * A fact that, read from the same ticket, makes this pattern's matches redundant: "NAT" says
   * addressTranslation only where the ticket does not say the mode, from which it is derived.
   */
  unlessRead?: string | undefined;
  /**
   * Read in chat answers only, not in tickets: wording people use answering a question (a field,
   * a question echoed, a ticked form, numbers in words), which tickets do not hold and which would
   * cost every ticket's reading the time of looking for it.
   */
  chatAnswersOnly: boolean;
  /** The texts a ticket must hold for the pattern to be looked for. */
  prefilter: Prefilter;
  /** Its alternatives, for a ticket that can match only some of them. */
  alternatives?: Alternatives | undefined;
}

/** A fact value read when all its patterns match in one sentence; the evidence is the first's match. */
export interface SentenceRule {
  fact: string;
  value: Scalar;
  all: RegExp[];
  /** The alternatives of each of `all`, where it has some (see Alternatives). */
  allAlternatives: (Alternatives | undefined)[];
  confidence: number;
  /** Whether a sentence whose first pattern's match is negated ("we do not forward 135") is passed over. */
  negatable: boolean;
  /** The texts a ticket must hold for the rule to be looked for: its `requires`, and what each of its expressions requires. */
  prefilter: Prefilter;
}

/**
 * A statement that takes back what a ticket's other words say of a fact: "telnet to 135 connects,
 * but I think that's the ISA answering" says the port's state is not known. Where the pattern
 * matches, the fact is left out.
 */
interface Withdrawal {
  fact: string;
  /** The one value taken back; without it, every value of the fact. */
  value?: Scalar;
  regex: RegExp;
  /** The texts a ticket must hold for the withdrawal to be looked for. */
  prefilter: Prefilter;
  alternatives?: Alternatives | undefined;
}

/** Something a ticket may mention that the fact vocabulary cannot hold ("Outlook for Mac"). */
export interface ContextPattern {
  id: string;
  label: string;
  regex: RegExp;
  negatable: boolean;
  /** The texts a ticket must hold for the pattern to be looked for. */
  prefilter: Prefilter;
  alternatives?: Alternatives | undefined;
}

/**
 * A group of cues (its phrases are in Extraction.phrases) that lowers, by `factor`, what a
 * sentence holding one of them says of `facts`: a hedge, or the client's side of the path.
 */
interface SentenceCues {
  facts: Set<string>;
  factor: number;
  /**
   * The index of the group whose cues, in the same sentence, keep this one from applying: "Outlook
   * 2010 is fine with the VPN; without it Outlook never gets past Connecting" names the failing
   * client although it says "fine". Such a group has no facts of its own.
   */
  cancelledBy?: number;
  /**
   * Facts of `facts` the group lowers only where the ticket reads `fact` as one of `values`: an
   * Outlook said to work is not the failing client where a phone or the Exchange Client is the
   * failing one, but where Outlook fails too, the version said to work somewhere is the failing
   * Outlook's ("Outlook 2007 at home can't reach the server, works fine at work").
   */
  onlyWhereRead?: { facts: Set<string>; fact: string; values: Set<Scalar> };
}

/**
 * The spoken and split forms of words, as one expression: alternative i, a capture group of its
 * own, is read as words[i] (annotate/spoken-forms.ts).
 */
export interface SpokenForms {
  regex: RegExp;
  words: string[];
}

/** The extraction patterns, checked against the vocabulary and compiled. */
export interface Extraction {
  /** Read before anything else; undefined when the file has none. */
  spokenForms: SpokenForms | undefined;
  patterns: FactPattern[];
  /**
   * Every text that patterns, sentence rules and withdrawals require, once: a ticket is searched
   * for all of them in one pass (annotate/required-texts.ts), and each rule's `requires` are
   * indices into this list.
   */
  requiredTexts: string[];
  sentenceRules: SentenceRule[];
  withdrawals: Withdrawal[];
  context: ContextPattern[];
  minimumConfidence: number;
  /** Where none of `facts` is read, `gated` are left out: the ticket is about something else. */
  topic: { facts: Set<string>; gated: Set<string> } | undefined;
  /** The lexicons' phrases, the context items' and the sentence cues', matched in one pass. */
  phrases: PhraseList;
  /** The hedge groups, then the client side. */
  sentenceCues: SentenceCues[];
  /**
   * A question that asks whether something is so ("Is 135 blocked on your side?"): a sentence
   * that ends in a question mark and starts with one of these words. What it names of `facts`
   * counts for `factor`. `answer`: what answers one, right after its question mark (see
   * Sentences.cuesAt).
   */
  questions: { start: RegExp; facts: Set<string>; factor: number; answer: RegExp | undefined } | undefined;
  /** Cues and clause breaks as tokens' normal forms (language.ts): "don't" is read as "do" "not". */
  negation: {
    cues: Set<string>;
    window: number;
    clauseBreaks: Set<string>;
    /** Words the window does not count (articles): "doesn't come with a fixed address" is three words back. */
    fillers: Set<string>;
    /** Any spelling of a cue in raw text (the cues, and the contractions of "not"): where none occurs, no token is a cue. */
    cueText: RegExp;
    /** The same, less the cues that negate only what follows them (negation.forwardOnly): what a negation after a name is looked for with. */
    cueAfterText: RegExp;
  };
  /** Cues before an address (nearest wins) and right after it (sticky expressions, matched from its end). */
  addresses: { clauseBreaks: string[]; cues: AddressCue[]; following: { regex: RegExp; role: AddressRole }[] };
}

// The words the tokenizer splits into a word and "not", with or without their apostrophe
// ("can't", "cant", "cannot"): a text without any of them or of the cues holds no negation.
const CONTRACTED_NOT = "(?:ca|do|wo|is|does|did|are|was|were|could|should|would|have|has|had|ai|need|must|might)n['’]?t|cannot";

/**
 * Any spelling of the negation cues in raw text, and the contractions of "not", as whole words at
 * their end. The end is no \b: a cue ending in a letter outside ASCII ("né") has none before a
 * space without the "u" flag.
 */
function spellingsOf(cues: readonly string[]): RegExp {
  return new RegExp(`(?:${[...cues.map((c) => escapeRegExp(c.trim())), CONTRACTED_NOT].join('|')})(?!${WORD_CHARACTER})`, 'i');
}

/** The extraction rules' file name in the knowledge base directory. */
export const EXTRACTION_FILE = 'extraction.json';
/**
 * The folder of the knowledge base directory that holds the lexicons the extraction rules refer
 * to.
 */
export const LEXICONS_DIR = 'lexicons';

/**
 * Compiles extraction.json and the lexicons after checking what the schemas cannot: every fact
 * exists and is not an address (addresses have their own cues), every value is one the fact can
 * take, and every pattern is a valid regular expression with the capture group it names.
 */
export function compileExtraction(file: ExtractionFile, lexicons: { name: string; file: LexiconFile }[], vocabulary: Vocabulary): Extraction {
  const patterns: FactPattern[] = [];
  const required = new RequiredTexts();
  const phrases = new PhraseListBuilder();
  for (const [fact, entries] of Object.entries(file.facts)) {
    const allowed = factValues(fact, vocabulary, EXTRACTION_FILE, `/facts/${fact}`);
    entries.forEach((entry, i) => {
      const pointer = `/facts/${fact}/${i}`;
      const regex = compile(entry.pattern, EXTRACTION_FILE, `${pointer}/pattern`);
      checkValues(entry, allowed, fact, EXTRACTION_FILE, pointer);
      if (entry.valueFromGroup !== undefined && entry.valueFromGroup > groupCount(regex)) {
        throw new KnowledgeBaseError(EXTRACTION_FILE, `${pointer}/valueFromGroup`, `the pattern has no capture group ${entry.valueFromGroup}`);
      }
      const without = entry.valueFromGroup === undefined ? undefined : alternativeWithoutGroup(entry.pattern, entry.valueFromGroup);
      if (without !== undefined) {
        throw new KnowledgeBaseError(
          EXTRACTION_FILE,
          `${pointer}/pattern`,
          `alternative ${without + 1} does not hold capture group ${entry.valueFromGroup}, so a match there reads no value: split the alternatives into patterns of their own`,
        );
      }
      if (entry.unlessRead !== undefined) factValues(entry.unlessRead, vocabulary, EXTRACTION_FILE, `${pointer}/unlessRead`);
      patterns.push({
        fact,
        regex,
        value: entry.value,
        valueFromGroup: entry.valueFromGroup,
        negatedValue: entry.negatedValue,
        negatable: entry.negatable ?? true,
        confidence: entry.confidence,
        unlessRead: entry.unlessRead,
        chatAnswersOnly: entry.chatAnswersOnly ?? false,
        prefilter: required.prefilterOf(entry.requires, [regex]),
        alternatives: required.alternativesOf(regex),
      });
    });
  }
  const context: ContextPattern[] = [];
  for (const { name, file: lexicon } of lexicons) {
    const where = `${LEXICONS_DIR}/${name}`;
    const allowed = lexicon.fact === undefined ? undefined : factValues(lexicon.fact, vocabulary, where, '/fact');
    lexicon.entries.forEach((entry, i) => {
      const pointer = `/entries/${i}`;
      if (!entry.phrases && !entry.patterns) throw new KnowledgeBaseError(where, pointer, 'an entry needs phrases, patterns or both');
      const regex = entry.patterns && compile(entry.patterns.map((p) => `(?:${p})`).join('|'), where, `${pointer}/patterns`);
      if (allowed === undefined) {
        if (!entry.id || !entry.label) throw new KnowledgeBaseError(where, pointer, 'a context entry needs an id and a label');
        const negatable = entry.negatable ?? true;
        if (entry.phrases) phrases.add(entry.phrases, { kind: 'context', id: entry.id, label: entry.label, negatable });
        if (regex) context.push({ id: entry.id, label: entry.label, regex, negatable, prefilter: required.prefilterOf(undefined, [regex]), alternatives: required.alternativesOf(regex) });
        return;
      }
      if (entry.value === undefined) throw new KnowledgeBaseError(where, `${pointer}/value`, `an entry of a lexicon of ${lexicon.fact} needs a value`);
      checkValues(entry, allowed, lexicon.fact!, where, pointer);
      const use = { fact: lexicon.fact!, value: entry.value, negatedValue: entry.negatedValue, negatable: entry.negatable ?? true, confidence: entry.confidence ?? 0.85 };
      if (entry.phrases) phrases.add(entry.phrases, { kind: 'fact', ...use });
      if (regex) patterns.push({ ...use, regex, chatAnswersOnly: false, prefilter: required.prefilterOf(entry.requires, [regex]), alternatives: required.alternativesOf(regex) });
    });
  }
  const sentenceRules = (file.sentenceRules ?? []).map((rule, i) => {
    const pointer = `/sentenceRules/${i}`;
    checkValues(rule, factValues(rule.fact, vocabulary, EXTRACTION_FILE, `${pointer}/fact`), rule.fact, EXTRACTION_FILE, pointer);
    const all = rule.all.map((pattern, j) => compile(pattern, EXTRACTION_FILE, `${pointer}/all/${j}`));
    return {
      fact: rule.fact,
      value: rule.value,
      confidence: rule.confidence,
      negatable: rule.negatable ?? false,
      prefilter: required.prefilterOf(rule.requires, all),
      all,
      allAlternatives: all.map((regex) => required.alternativesOf(regex)),
    };
  });
  const withdrawals = (file.withdrawals ?? []).map((entry, i) => {
    const pointer = `/withdrawals/${i}`;
    checkValues(entry, factValues(entry.fact, vocabulary, EXTRACTION_FILE, `${pointer}/fact`), entry.fact, EXTRACTION_FILE, pointer);
    const regex = compile(entry.pattern, EXTRACTION_FILE, `${pointer}/pattern`);
    return {
      fact: entry.fact,
      ...(entry.value !== undefined && { value: entry.value }),
      regex,
      prefilter: required.prefilterOf(entry.requires, [regex]),
      alternatives: required.alternativesOf(regex),
    };
  });
  const groups = [...(file.hedges ?? []).map((group, i) => ({ group, pointer: `/hedges/${i}` })), ...(file.clientSide ? [{ group: file.clientSide, pointer: '/clientSide' }] : [])];
  const sentenceCues = groups.map(({ group, pointer }, cue) => {
    phrases.add(group.cues, { kind: 'cue', cue });
    return checkedCues(group, vocabulary, pointer);
  });
  // The cues that cancel a group are a group of their own, after the others, that weighs nothing.
  groups.forEach(({ group }, cue) => {
    const unless = (group as { unless?: string[] }).unless;
    if (!unless?.length) return;
    const id = sentenceCues.length;
    sentenceCues.push({ facts: new Set(), factor: 1 });
    phrases.add(unless, { kind: 'cue', cue: id });
    sentenceCues[cue]!.cancelledBy = id;
  });
  const addresses = {
    clauseBreaks: file.addresses.clauseBreaks,
    cues: file.addresses.cues.map((cue, i) => {
      const regex = compile(cue.pattern, EXTRACTION_FILE, `/addresses/cues/${i}/pattern`);
      // Cues read the ticket with the stops of abbreviations as spaces (addresses.ts): a space
      // there is a full stop in the text the prefilter reads, so no literal may hold one.
      return {
        regex,
        role: cue.role,
        prefilter: required.prefilterOf(undefined, [regex], { spaceIsLiteral: false }),
        roleWhenAbsent: cue.roleWhenAbsent && { regex: compile(cue.roleWhenAbsent.pattern, EXTRACTION_FILE, `/addresses/cues/${i}/roleWhenAbsent/pattern`), role: cue.roleWhenAbsent.role },
      };
    }),
    following: (file.addresses.following ?? []).map((cue, i) => ({ regex: compile(cue.pattern, EXTRACTION_FILE, `/addresses/following/${i}/pattern`, 'iy'), role: cue.role })),
  };
  return {
    spokenForms: compileSpokenForms(file.spokenForms),
    patterns,
    requiredTexts: required.texts,
    sentenceRules,
    withdrawals,
    context,
    // After every prefilter: the phrases' automaton finds the texts they require too.
    phrases: phrases.build(required.texts),
    sentenceCues,
    questions: file.questions && {
      // From a sentence's first word to its question mark, with no sentence break between.
      start: new RegExp(`(?<=^|[.!?]\\s|\\n)[\\s>*-]*(?:${file.questions.starts.map(escapeRegExp).join('|')})\\b(?:[^.!?\\n]|[.:](?=\\w))*\\?`, 'gi'),
      facts: checkedCues(file.questions, vocabulary, '/questions').facts,
      factor: file.questions.factor,
      // After the question mark and the space (or the table cell's bar) before the answer.
      answer: file.questions.answers && new RegExp(`^[\\s|]*(?=(?:${file.questions.answers.map(escapeRegExp).join('|')})(?!\\w))`, 'i'),
    },
    minimumConfidence: file.minimumConfidence ?? 0,
    topic: file.topic && checkedTopic(file.topic, vocabulary),
    negation: {
      cues: new Set(file.negation.cues.map((c) => c.trim().toLowerCase())),
      window: file.negation.window,
      // A scope end stops the look-back as a clause break does.
      clauseBreaks: new Set([...file.negation.clauseBreaks, ...(file.negation.scopeEnds ?? [])].map((b) => b.trim().toLowerCase()).filter((b) => b !== '')),
      fillers: new Set((file.negation.fillers ?? []).map((w) => w.trim().toLowerCase())),
      // No word boundary before: the tokenizer splits "5no" into "5" and "no".
      cueText: spellingsOf(file.negation.cues),
      // The cues that can also negate what stands before them in a sentence ("did not help").
      cueAfterText: spellingsOf(file.negation.cues.filter((c) => !(file.negation.forwardOnly ?? []).includes(c))),
    },
    addresses,
  };
}

/** The texts rules require, each listed once, and a rule's prefilter as indices into the list. */
class RequiredTexts {
  readonly texts: string[] = [];
  private readonly indices = new Map<string, number>();

  /** A rule's prefilter: its author's `requires`, and the literals each of its expressions requires, as a whole and by way. */
  prefilterOf(requires: string[] | undefined, expressions: readonly RegExp[], options?: Parameters<typeof literalsOf>[1]): Prefilter {
    const ways = expressions.map((regex) => literalsByWay(regex.source, options).map((way) => way.map((list) => this.indicesOf(list)))).filter((byWay) => byWay.length > 0);
    return prefilterOf(this.listsOf(requires, expressions, options), ways);
  }

  /** The alternatives of an expression, each with its prefilter (see Alternatives). */
  alternativesOf(regex: RegExp): Alternatives | undefined {
    // Its literals alone, without looking for ways within it (alternatives.ts has split the ways
    // there are, but in quantified groups): that parsed each alternative a second time at start-up.
    return alternativesOf(regex, (alternative) => prefilterOf(this.listsOf(undefined, [alternative]), []));
  }

  /** The author's `requires` and the literals of each expression, as lists of indices, less those another implies. */
  private listsOf(requires: string[] | undefined, expressions: readonly RegExp[], options?: Parameters<typeof literalsOf>[1]): number[][] {
    return withoutImplied([...(requires ? [requires] : []), ...expressions.flatMap((regex) => literalsOf(regex.source, options))].map((list) => this.indicesOf(list)));
  }

  private indicesOf(texts: readonly string[]): number[] {
    return texts.map((text) => {
      let index = this.indices.get(text);
      if (index === undefined) {
        index = this.texts.push(text) - 1;
        this.indices.set(text, index);
      }
      return index;
    });
  }
}

/**
 * The lists less those that another implies: a list holding every text of another is met wherever
 * that one is, and checking it for each ticket adds nothing (the author's `requires` and an
 * expression's own literals often agree).
 */
function withoutImplied(lists: number[][]): number[][] {
  return lists.filter((list, i) => !lists.some((other, j) => j !== i && other.every((text) => list.includes(text)) && (other.length < list.length || j < i)));
}

function checkedTopic(topic: { facts: string[]; gated: string[] }, vocabulary: Vocabulary): Extraction['topic'] {
  for (const key of ['facts', 'gated'] as const) {
    topic[key].forEach((fact, i) => {
      if (!vocabulary.get(fact)) throw new KnowledgeBaseError(EXTRACTION_FILE, `/topic/${key}/${i}`, `unknown fact "${fact}"; known facts: ${vocabulary.names.join(', ')}`);
    });
  }
  return { facts: new Set(topic.facts), gated: new Set(topic.gated) };
}

function checkedCues(group: { facts: string[]; factor: number; onlyWhereRead?: HedgeCondition }, vocabulary: Vocabulary, pointer: string): SentenceCues {
  group.facts.forEach((fact, i) => {
    if (!vocabulary.get(fact)) throw new KnowledgeBaseError(EXTRACTION_FILE, `${pointer}/facts/${i}`, `unknown fact "${fact}"; known facts: ${vocabulary.names.join(', ')}`);
  });
  const cues: SentenceCues = { facts: new Set(group.facts), factor: group.factor };
  const condition = group.onlyWhereRead;
  if (condition) {
    const at = `${pointer}/onlyWhereRead`;
    condition.facts.forEach((fact, i) => {
      if (!group.facts.includes(fact)) throw new KnowledgeBaseError(EXTRACTION_FILE, `${at}/facts/${i}`, `"${fact}" is not one of the group's facts: ${group.facts.join(', ')}`);
    });
    // The condition is settled before the facts it holds back: it cannot be one of them.
    if (condition.facts.includes(condition.fact)) throw new KnowledgeBaseError(EXTRACTION_FILE, `${at}/fact`, `"${condition.fact}" cannot be read under a condition on itself`);
    const allowed = factValues(condition.fact, vocabulary, EXTRACTION_FILE, `${at}/fact`);
    if (vocabulary.get(condition.fact)!.type === 'string-list') throw new KnowledgeBaseError(EXTRACTION_FILE, `${at}/fact`, `"${condition.fact}" holds a list: a condition is on a fact of one value`);
    checkFactValues(condition.values, allowed, condition.fact, EXTRACTION_FILE, (i) => `${at}/values/${i}`);
    cues.onlyWhereRead = { facts: new Set(condition.facts), fact: condition.fact, values: new Set(condition.values) };
  }
  return cues;
}

/** The values a fact read from text may take; the fact must exist and not be an address. */
function factValues(fact: string, vocabulary: Vocabulary, file: string, pointer: string): readonly Scalar[] {
  const definition = vocabulary.get(fact);
  if (!definition) throw new KnowledgeBaseError(file, pointer, `unknown fact "${fact}"; known facts: ${vocabulary.names.join(', ')}`);
  if (definition.type === 'ip-address') throw new KnowledgeBaseError(file, pointer, 'IP addresses are found by the address cues, not by patterns');
  return vocabulary.allowedValues(fact) ?? [];
}

function checkValues(entry: { value?: Scalar; negatedValue?: Scalar }, allowed: readonly Scalar[], fact: string, file: string, pointer: string): void {
  for (const key of ['value', 'negatedValue'] as const) {
    const value = entry[key];
    if (value !== undefined) checkFactValues([value], allowed, fact, file, () => `${pointer}/${key}`);
  }
}

function compile(pattern: string, file: string, pointer: string, flags = 'gi'): RegExp {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, flags);
  } catch (error) {
    throw new KnowledgeBaseError(file, pointer, `not a valid regular expression: ${(error as Error).message}`);
  }
  const dead = deadWordBoundary(pattern);
  if (dead !== undefined) {
    throw new KnowledgeBaseError(
      file,
      pointer,
      `a word boundary (\\b) beside a letter outside ASCII never holds at the start or end of a word, so that branch cannot match ("${dead}"); write a lookaround such as (?<!${WORD_CHARACTER}) instead`,
    );
  }
  return regex;
}

function groupCount(regex: RegExp): number {
  return (new RegExp(`${regex.source}|`).exec('') as RegExpExecArray).length - 1;
}

/**
 * The spoken forms as one expression of capture groups, one per form: each form is compiled on
 * its own first, so a bad one is named by its pointer, and may hold no capture group of its own
 * (its alternative is found by its group's number).
 */
function compileSpokenForms(forms: ExtractionFile['spokenForms']): SpokenForms | undefined {
  if (!forms?.length) return undefined;
  forms.forEach((form, i) => {
    const regex = compile(form.pattern, EXTRACTION_FILE, `/spokenForms/${i}/pattern`);
    if (groupCount(regex) > 0) throw new KnowledgeBaseError(EXTRACTION_FILE, `/spokenForms/${i}/pattern`, 'a spoken form may hold no capture group: write (?:...)');
  });
  return { regex: new RegExp(forms.map((form) => `(${form.pattern})`).join('|'), 'gi'), words: forms.map((form) => form.as) };
}
