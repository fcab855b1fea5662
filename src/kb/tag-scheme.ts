import { KnowledgeBaseError } from './errors';
import type { Vocabulary } from './vocabulary';

/** How one fact's values become tags (rules/tags.json). */
interface FactTags {
  fact: string;
  /** Tags a value gives; {value} stands for the value's tag word. */
  tags: string[];
  /** A tag word for a value other than its slug. */
  rename?: Record<string, string>;
  /** Values that give no tag. */
  except?: (string | boolean)[];
  /** The only values that give a tag. */
  only?: (string | boolean)[];
}

/** The ticket tag scheme: the articles of confirmed diagnoses, and the facts' tags. */
export interface TagScheme {
  articles: boolean;
  facts: FactTags[];
}

/** Checks that the scheme names facts of the vocabulary and values they can take. */
export function checkTagScheme(scheme: TagScheme, vocabulary: Vocabulary, checkValues: (fact: string, values: readonly unknown[], pointerOf: (index: number) => string) => void): TagScheme {
  scheme.facts.forEach((entry, i) => {
    if (!vocabulary.get(entry.fact)) throw new KnowledgeBaseError('tags.json', `/facts/${i}/fact`, `unknown fact "${entry.fact}"; known facts: ${vocabulary.names.join(', ')}`);
    checkValues(entry.fact, Object.keys(entry.rename ?? {}), (k) => `/facts/${i}/rename/${Object.keys(entry.rename!)[k]}`);
    checkValues(entry.fact, entry.except ?? [], (k) => `/facts/${i}/except/${k}`);
    checkValues(entry.fact, entry.only ?? [], (k) => `/facts/${i}/only/${k}`);
  });
  return scheme;
}
