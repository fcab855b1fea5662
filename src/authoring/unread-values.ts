import type { KnowledgeBase } from '../kb/load';
import type { Scalar } from '../kb/model';
import type { LintFinding } from './lint';
import { escapeRegExp } from '../kb/escape-regexp';

/**
 * Warns of fact values that annotation can never find in a ticket: no extraction pattern, sentence
 * rule or lexicon phrase gives them, and no derivation makes them. A rule that needs such a value
 * never fires on an annotated ticket, however plainly the ticket says it (a new symptom of an
 * added article, say). Facts derived from an address are left out: the address cues read those.
 */
export function unreadValues(kb: KnowledgeBase): LintFinding[] {
  const read = readValues(kb);
  const findings: LintFinding[] = [];
  kb.vocabulary.facts.forEach((fact, i) => {
    if (fact.type === 'ip-address' || fact.derivedFrom !== undefined || !fact.values) return;
    const given = read.get(fact.name) ?? new Set<string>();
    const unread = fact.values.map((v, j) => ({ value: v.value, j })).filter(({ value }) => !given.has(String(value)));
    const where = `add a pattern to rules/extraction.json (facts.${fact.name}), a sentence rule, or an entry to a lexicon of rules/lexicons/ for ${fact.name}, in the words tickets use`;
    if (unread.length === fact.values.length) {
      findings.push({
        level: 'warning',
        file: 'facts.json',
        pointer: `/facts/${i}`,
        message: `nothing in rules/extraction.json or rules/lexicons/ reads ${fact.name} (${unread.map((u) => JSON.stringify(u.value)).join(', ')}), so annotation never finds it in a ticket: ${where}`,
        allowable: { check: 'extraction-pattern', subject: fact.name },
      });
      return;
    }
    for (const { value, j } of unread) {
      findings.push({
        level: 'warning',
        file: 'facts.json',
        pointer: `/facts/${i}/values/${j}`,
        message: `nothing in rules/extraction.json or rules/lexicons/ gives ${fact.name} ${JSON.stringify(value)}, so annotation never finds it in a ticket: ${where}`,
        allowable: { check: 'extraction-pattern', subject: `${fact.name}=${String(value)}` },
      });
    }
  });
  return findings;
}

/** The values, as strings by fact, that some extraction rule or derivation can give. */
function readValues(kb: KnowledgeBase): Map<string, Set<string>> {
  const read = new Map<string, Set<string>>();
  const give = (fact: string, ...values: (Scalar | undefined)[]) => {
    const set = read.get(fact) ?? read.set(fact, new Set()).get(fact)!;
    for (const value of values) if (value !== undefined) set.add(String(value));
  };
  const { patterns, sentenceRules, phrases } = kb.extraction;
  for (const pattern of patterns) {
    give(pattern.fact, pattern.value, pattern.negatedValue);
    // A capture group gives the text it matched: a value counts as given when the pattern spells it.
    if (pattern.valueFromGroup !== undefined) give(pattern.fact, ...(kb.vocabulary.allowedValues(pattern.fact) ?? []).filter((v) => pattern.regex.source.includes(escapeRegExp(String(v)))));
  }
  for (const rule of sentenceRules) give(rule.fact, rule.value);
  const phrased = new Set(phrases.entries.map((entry) => entry.use));
  phrases.uses.forEach((use, i) => {
    if (use.kind === 'fact' && phrased.has(i)) give(use.fact, use.value, use.negatedValue);
  });
  for (const fact of kb.vocabulary.derivable) for (const derivation of fact.derivations!) give(fact.name, derivation.value);
  return read;
}
