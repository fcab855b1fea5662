// The shapes of the knowledge-base files in rules/. rules/schemas/*.schema.json is what the
// loader enforces; these types describe the same files to the compiler.

export type Scalar = string | boolean;

/** Where a statement comes from: a section of the source text, a paragraph (for sources without headings), a quote. */
export interface Source {
  section?: string;
  paragraph?: number;
  quote?: string;
  revisions?: string[];
  article?: string;
}

export interface Statement {
  text: string;
  source: Source;
  derived?: string;
}

export type Operator = 'equal' | 'notEqual' | 'in' | 'notIn' | 'contains' | 'doesNotContain';

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
}

export type Condition =
  | { all: Condition[]; derived?: string }
  | { any: Condition[]; derived?: string }
  | { not: Condition; derived?: string }
  | FactCondition;

export type TopCondition = { all: Condition[]; derived?: string } | { any: Condition[]; derived?: string };

/** A caveat; with `when`, one that concerns only some environments. */
export interface Caveat extends Statement {
  when?: TopCondition;
}

/** Advice on choosing static ports: a range to use or to avoid. */
export interface PortAdvice {
  advice: 'use' | 'avoid';
  from: number;
  to: number;
  text: string;
  /** The Exchange versions it speaks for, when not those of the article holding it. */
  exchangeVersions?: string[];
  source: Source;
  derived?: string;
}

export interface Workaround {
  id: string;
  title: string;
  steps: Statement[];
  caveats?: Caveat[];
  details?: Record<string, unknown> & { portAdvice?: PortAdvice[] };
  applicability?: { conditions: TopCondition; notApplicableReason: Statement };
  /** The configuration file the service generates for this workaround. */
  artifact?: string;
  source: Source;
  derived?: string;
}

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

export interface Revision {
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
  /** The fact whose values the versions are; with no versions, the revision names none. */
  fact?: string;
  versions?: string[];
  source: Source;
  derived?: string;
}

export interface Reference {
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
}

export interface BoundsFile {
  bounds: Bound[];
}

export type FactType = 'string' | 'boolean' | 'string-list' | 'ip-address';

/** One way of deriving a fact the caller did not state. */
export interface Derivation {
  when: Record<string, Scalar[]>;
  value: Scalar;
  /** The value follows from what the stated facts mean: stating the opposite is refused. */
  implied?: boolean;
  because: string;
  source?: Source;
}

export interface FactDefinition {
  name: string;
  type: FactType;
  description: string;
  question: string;
  derivedFrom?: string;
  derivations?: Derivation[];
  values?: { value: Scalar; label: string }[];
}

export interface VocabularyFile {
  facts: FactDefinition[];
}

export function isFactCondition(condition: Condition): condition is FactCondition {
  return 'fact' in condition;
}
