// The shapes of the knowledge-base files in rules/. rules/schemas/*.schema.json is what the
// loader enforces; these types describe the same files to the compiler.

export type Scalar = string | boolean;

export interface Source {
  section: string;
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
}

export type Condition =
  | { all: Condition[]; derived?: string }
  | { any: Condition[]; derived?: string }
  | { not: Condition; derived?: string }
  | FactCondition;

export type TopCondition = { all: Condition[]; derived?: string } | { any: Condition[]; derived?: string };

export interface Workaround {
  id: string;
  title: string;
  steps: Statement[];
  caveats?: Statement[];
  details?: Record<string, unknown>;
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
  seed: string;
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
  appliesTo: { product: string; versions?: string[]; source: Source; derived?: string }[];
  references: { id: string; kind: string; title: string; url?: string; relation: string; note?: string; source: Source; derived?: string }[];
  workarounds: Workaround[];
  diagnoses: Diagnosis[];
}

export type FactType = 'string' | 'boolean' | 'string-list' | 'ip-address';

export interface FactDefinition {
  name: string;
  type: FactType;
  description: string;
  question: string;
  derivedFrom?: string;
  values?: { value: Scalar; label: string }[];
}

export interface VocabularyFile {
  facts: FactDefinition[];
}

export function isFactCondition(condition: Condition): condition is FactCondition {
  return 'fact' in condition;
}
