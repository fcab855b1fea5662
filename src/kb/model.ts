// The shapes of the knowledge-base files in rules/. rules/schemas/*.schema.json is what the
// loader enforces; these types describe the same files to the compiler.

/** A value a fact condition compares against: a string or a boolean. */
export type Scalar = string | boolean;

/** Where a statement comes from: a section of the source text, a paragraph (for sources without headings), a quote. */
export interface Source {
  section?: string;
  paragraph?: number;
  quote?: string;
  revisions?: string[];
  article?: string;
}

/**
 * A sentence of the knowledge base with the section it comes from; a statement the article does
 * not make itself carries `derived`, the reasoning.
 */
export interface Statement {
  text: string;
  source: Source;
  derived?: string;
}

/** The json-rules-engine operators a fact condition may use. */
export type Operator = 'equal' | 'notEqual' | 'in' | 'notIn' | 'contains' | 'doesNotContain';

/** A leaf of a condition tree: one fact compared with a value, with the source that says so. */
export interface FactCondition {
  fact: string;
  operator: Operator;
  value: Scalar | Scalar[];
  source: Source;
  derived?: string;
  /**
   * The fact this condition is an inference about: it is used only while that fact is not known,
   * and counts as not holding once it is (the caller's stated fact decides).
   */
  standsFor?: string;
  /**
   * The article's own premise, taken to hold while the caller has not stated the fact (direct RPC
   * while the connection method is not given); a caller who states otherwise is outside it.
   */
  untilStated?: boolean;
}

/** A condition tree: fact conditions combined with all, any and not. */
export type Condition = { all: Condition[]; derived?: string } | { any: Condition[]; derived?: string } | { not: Condition; derived?: string } | FactCondition;

/** The root of a condition tree: always an all or an any group. */
export type TopCondition = { all: Condition[]; derived?: string } | { any: Condition[]; derived?: string };

/** A caveat; with `when`, one that concerns only some environments. */
export interface Caveat extends Statement {
  when?: TopCondition;
}

/** Advice on choosing static ports: a range to use or to avoid. */
/** Advice on choosing static ports: a range to use or to avoid, or (`consider`) advice without a range. */
export type PortAdvice = {
  text: string;
  /** The Exchange versions it speaks for, when not those of the article holding it. */
  exchangeVersions?: string[];
  /** Which ports it is about (default: the Exchange services' own, which the generated files set). */
  concerns?: 'exchange-services' | 'global-catalog';
  source: Source;
  derived?: string;
} & ({ advice: 'use' | 'avoid'; from: number; to: number } | { advice: 'consider'; from?: undefined; to?: undefined });

/**
 * A remedy an article gives for a diagnosis: steps, caveats, the conditions under which it
 * applies, and the configuration file generated for it.
 */
export interface Workaround {
  id: string;
  title: string;
  steps: Statement[];
  /** Phrases of its title or steps that a ticket's resolution note names it by. */
  resolvedBy?: string[];
  caveats?: Caveat[];
  details?: Record<string, unknown> & { portAdvice?: PortAdvice[] };
  applicability?: { conditions: TopCondition; notApplicableReason: Statement };
  /** The configuration file the service generates for this workaround. */
  artifact?: string;
  source: Source;
  derived?: string;
}

/**
 * A cause an article describes: the conditions that establish it, the versions it speaks for, and
 * the workarounds for it.
 */
export interface Diagnosis {
  id: string;
  title: string;
  conditions: TopCondition;
  /** The versions the article speaks for; the article's bounds are added to it. */
  scope?: TopCondition;
  /** For a cause the article calls likely: without these, the diagnosis is reported as likely. */
  confirmation?: { conditions: TopCondition; likely: Statement };
  cause: Statement[];
  workarounds: string[];
  /** Qualified ids of diagnoses this one takes precedence over when both hold. */
  supersedes?: { diagnosis: string; source: Source }[];
}

interface Revision {
  id: string;
  label?: string;
  date?: string;
  title: string;
  url?: string;
  /** The file in rules/sources/ this revision was encoded from. */
  seed: string;
  part?: string;
}

/** A product and versions an article (or one of its revisions) applies to. */
export interface AppliesTo {
  product: string;
  /** What a reader should know about the entry, e.g. the versions a revision sends elsewhere. */
  note?: string;
  /** The fact whose values the versions are; with no versions, the revision names none. */
  fact?: string;
  versions?: string[];
  source: Source;
  derived?: string;
}

interface Reference {
  id: string;
  kind: string;
  title: string;
  url?: string;
  relation: string;
  note?: string;
  /** The file in rules/sources/ holding its stored text, if any. */
  seed?: string;
  source: Source;
  derived?: string;
}

/**
 * One source article as the knowledge base holds it: its revisions, what it applies to, the
 * diagnoses it supports and the workarounds it gives.
 */
export interface Article {
  id: string;
  kind: 'kb-article' | 'tip';
  title: string;
  url: string;
  author?: string;
  publisher?: string;
  revisions: Revision[];
  wordingDifferences?: { subject: string; section: string; byRevision: Record<string, string> }[];
  appliesTo: AppliesTo[];
  /** Ids of the bounds (rules/bounds.json) that limit every diagnosis of the article. */
  bounds?: string[];
  references: Reference[];
  workarounds: Workaround[];
  diagnoses: Diagnosis[];
}

/** A later document's statement that limits where older articles can hold (rules/bounds.json). */
export interface Bound {
  id: string;
  title: string;
  documents: { id: string; title: string; url: string; seed: string }[];
  conditions: TopCondition;
  /** What the bound cannot tell, with the sentence that shows it. */
  caveats?: Statement[];
}

/** bounds.json: later documents' limits on where articles hold, which an article names by id. */
export interface BoundsFile {
  bounds: Bound[];
}

type FactType = 'string' | 'boolean' | 'string-list' | 'ip-address';

/** One way of deriving a fact the caller did not state. */
interface Derivation {
  when: Record<string, Scalar[]>;
  value: Scalar;
  /** The value follows from what the stated facts mean: stating the opposite is refused. */
  implied?: boolean;
  because: string;
  source?: Source;
  /** For an inference: what it assumes and when it can be wrong. */
  derived?: string;
}

/**
 * A fact of the vocabulary: its type, the question that asks for it, the values it may take and
 * how it is derived when not stated.
 */
export interface FactDefinition {
  name: string;
  type: FactType;
  description: string;
  question: string;
  derivedFrom?: string;
  derivations?: Derivation[];
  values?: { value: Scalar; label: string }[];
}

/** Facts people usually know together, asked as one question when more than one would settle something. */
export interface QuestionGroup {
  name: string;
  facts: string[];
  question: string;
}

/** vocabulary.json: every fact the knowledge base may use. */
export interface VocabularyFile {
  facts: FactDefinition[];
  questionGroups?: QuestionGroup[];
}

/** True for a leaf of a condition tree, false for a group. */
export function isFactCondition(condition: Condition): condition is FactCondition {
  return 'fact' in condition;
}
