import { operators } from '../engine/operators';
import { engineCondition } from '../engine/rules';
import type { FactValue } from '../facts/normalize';
import { conditionTrees, leavesOf } from '../kb/condition-trees';
import type { KnowledgeBase } from '../kb/load';
import { foldCondition } from '../kb/condition-walk';
import type { Article, Condition, Scalar } from '../kb/model';
import { newerBy, type Newer } from './article-age';
import { contradictions } from './contradictions';
import { checkCitations, type SourceTexts } from './sources';
import { unreadValues } from './unread-values';

/** Something lint found in a knowledge base file, with the JSON pointer to where it is. */
export interface LintFinding {
  level: 'error' | 'warning';
  file: string;
  pointer: string;
  message: string;
  /**
   * For a warning rules/allowances.json may allow, with a reason: the check and what it is about,
   * as an allowance names them.
   */
  allowable?: { check: string; subject: string };
}

/**
 * Checks a loaded knowledge base for what loads but cannot be right: a condition tree that no
 * facts can satisfy, two diagnoses with the same conditions, a workaround no diagnosis offers, an
 * inference (standsFor) that is not an alternative to the fact it stands for, a scope that does
 * not follow the article's applies-to, and, given the stored source texts, a citation they do not
 * hold. Warns of vocabulary values no rule can use, of values no extraction rule reads, and of
 * advice of one article that contradicts another's. A finding about two articles goes to the newer.
 */
export function lint(kb: KnowledgeBase, options: LintOptions = {}): LintFinding[] {
  const { texts, newer = newerBy([]) } = options;
  const findings: LintFinding[] = [...twinDiagnoses(kb, newer)];
  for (const article of kb.articles) {
    const file = `articles/${article.id}.json`;
    for (const { tree, pointer, role, owner } of conditionTrees(article)) {
      if (!satisfiable(tree, kb)) {
        findings.push({
          level: 'error',
          file,
          pointer,
          message: role === 'applicability' ? `workaround "${local(owner)}" can never apply` : `${role} of "${local(owner)}" can never hold: no facts satisfy its conditions`,
        });
      }
      for (const leaf of leavesOf(tree, pointer)) {
        const { standsFor, fact } = leaf.condition;
        if (standsFor === undefined) continue;
        if (leaf.parent !== 'any')
          findings.push({
            level: 'error',
            file,
            pointer: leaf.pointer,
            message: `an inference about ${standsFor} must be an alternative (in an "any") to what the caller may state, not a requirement`,
          });
        if (fact === standsFor) findings.push({ level: 'error', file, pointer: leaf.pointer, message: 'standsFor must name another fact' });
      }
    }
    findings.push(...scopeFindings(article, file));
    const offered = new Set(article.diagnoses.flatMap((d) => d.workarounds));
    article.workarounds.forEach((workaround, i) => {
      if (!offered.has(workaround.id)) findings.push({ level: 'error', file, pointer: `/workarounds/${i}`, message: `workaround "${workaround.id}" is offered by no diagnosis` });
    });
  }
  findings.push(...unusedValues(kb), ...unreadValues(kb), ...contradictions(kb, newer));
  if (texts) findings.push(...checkCitations(kb, texts));
  return findings;
}

/** What lint needs besides the knowledge base. */
export interface LintOptions {
  /** The stored source texts (rules/sources/): with them, every citation is checked. */
  texts?: SourceTexts;
  /**
   * Of two articles, the one being added (articleOrder and newerBy): a finding about both is filed
   * against it. By default, the later id.
   */
  newer?: Newer;
}

/**
 * Diagnoses with the same conditions and scope can never be told apart. The error goes to the one
 * added last (the newer article, or the later diagnosis of one article), naming the one that was
 * there and what to change.
 */
function twinDiagnoses(kb: KnowledgeBase, newer: Newer): LintFinding[] {
  const groups = new Map<string, { article: Article; index: number }[]>();
  for (const article of kb.articles) {
    article.diagnoses.forEach((diagnosis, index) => {
      const key = JSON.stringify([engineCondition(diagnosis.conditions), diagnosis.scope ? engineCondition(diagnosis.scope) : null]);
      groups.set(key, [...(groups.get(key) ?? []), { article, index }]);
    });
  }
  const findings: LintFinding[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const older = (a: { article: Article; index: number }, b: { article: Article; index: number }) =>
      a.article === b.article ? a.index - b.index : newer(a.article.id, b.article.id) === a.article.id ? 1 : -1;
    const [first, ...later] = [...group].sort(older);
    const twin = `${first!.article.id}.${first!.article.diagnoses[first!.index]!.id}`;
    for (const { article, index } of later) {
      findings.push({
        level: 'error',
        file: `articles/${article.id}.json`,
        pointer: `/diagnoses/${index}/conditions`,
        message:
          `diagnosis "${article.diagnoses[index]!.id}" has the same conditions as ${twin} (articles/${first!.article.id}.json at /diagnoses/${first!.index}), and the same scope, so no facts tell them apart: ` +
          `add the condition this article's text sets it apart by (a symptom, a version its applies-to names, a fact the other does not test), each with its source; ` +
          `if its text says it replaces the other for some readers, add "supersedes" citing that sentence as well`,
      });
    }
  }
  return findings;
}

const local = (qualified: string) => qualified.slice(qualified.indexOf('.') + 1);

/**
 * An article speaks for the versions it names: where its applies-to names versions of a fact,
 * every diagnosis has a scope condition on that fact, and the versions a scope admits on the
 * article's own authority are ones the applies-to names (a scope citing another document, or
 * marked derived, says why it goes further).
 */
function scopeFindings(article: Article, file: string): LintFinding[] {
  const findings: LintFinding[] = [];
  const named = new Map<string, Set<string>>();
  for (const entry of article.appliesTo) {
    if (entry.fact && entry.versions) entry.versions.forEach((v) => (named.get(entry.fact!) ?? named.set(entry.fact!, new Set()).get(entry.fact!)!).add(v));
  }
  article.diagnoses.forEach((diagnosis, i) => {
    const leaves = diagnosis.scope ? leavesOf(diagnosis.scope, `/diagnoses/${i}/scope`) : [];
    for (const fact of named.keys()) {
      if (!leaves.some((l) => l.condition.fact === fact)) {
        findings.push({
          level: 'error',
          file,
          pointer: `/diagnoses/${i}`,
          message: `the article's applies-to names versions of ${fact}, but diagnosis "${diagnosis.id}" has no scope condition on it`,
        });
      }
    }
    for (const { condition, pointer } of leaves) {
      const versions = named.get(condition.fact);
      if (!versions || condition.derived || condition.source.article || !['equal', 'in'].includes(condition.operator)) continue;
      const admitted = (Array.isArray(condition.value) ? condition.value : [condition.value]).map(String);
      const beyond = admitted.filter((v) => !versions.has(v));
      if (beyond.length)
        findings.push({
          level: 'error',
          file,
          pointer,
          message: `${condition.fact} ${beyond.join(', ')} is not in the article's applies-to (${[...versions].join(', ')}); cite the document that says so, or mark it derived`,
        });
    }
  });
  return findings;
}

/**
 * A scalar value no condition names is still used when its fact is tested (it is what falls
 * outside a condition's set); it is unused when no condition or derivation tests the fact at all.
 * A value of a list fact is unused when no condition looks for it.
 */
function unusedValues(kb: KnowledgeBase): LintFinding[] {
  const findings: LintFinding[] = [];
  const mentioned = new Map<string, Set<Scalar>>();
  const mention = (fact: string, values: Scalar[]) => values.forEach((v) => (mentioned.get(fact) ?? mentioned.set(fact, new Set()).get(fact)!).add(v));
  for (const article of kb.articles) {
    for (const { tree } of conditionTrees(article, kb.bounds)) {
      for (const { condition } of leavesOf(tree)) mention(condition.fact, Array.isArray(condition.value) ? condition.value : [condition.value]);
    }
  }
  for (const fact of kb.vocabulary.derivable) for (const derivation of fact.derivations!) for (const [name, values] of Object.entries(derivation.when)) mention(name, values);
  kb.vocabulary.facts.forEach((fact, i) => {
    const tested = mentioned.get(fact.name);
    if (!tested && fact.type !== 'ip-address') {
      findings.push({ level: 'warning', file: 'facts.json', pointer: `/facts/${i}`, message: `no condition tests ${fact.name}, so no rule uses any of its values` });
    } else if (tested && fact.type === 'string-list') {
      const unused = (fact.values ?? []).filter((v) => !tested.has(v.value)).map((v) => JSON.stringify(v.value));
      if (unused.length) findings.push({ level: 'warning', file: 'facts.json', pointer: `/facts/${i}/values`, message: `no condition looks for ${fact.name} ${unused.join(', ')}` });
    }
  });
  return findings;
}

/** Whether some assignment of the facts a condition tests makes it hold: tried exhaustively. */
function satisfiable(condition: Condition, kb: KnowledgeBase): boolean {
  const facts = [...new Set(leavesOf(condition).map((l) => l.condition.fact))];
  const domains = facts.map((name) => domain(kb, name));
  const holds = holdsFor(condition);
  const assign = (i: number, facts_: Record<string, FactValue>): boolean => {
    if (i === facts.length) return holds(facts_);
    return domains[i]!.some((value) => assign(i + 1, { ...facts_, [facts[i]!]: value }));
  };
  return assign(0, {});
}

function domain(kb: KnowledgeBase, name: string): FactValue[] {
  const definition = kb.vocabulary.get(name)!;
  const values = (definition.values ?? []).map((v) => v.value);
  if (definition.type !== 'string-list') return values;
  // Every subset of a list fact's values.
  return values.reduce<string[][]>((subsets, value) => [...subsets, ...subsets.map((s) => [...s, value as string])], [[]]);
}

// An inference counts as holding here when it can: satisfiability asks whether any caller's facts
// make the tree hold, and a caller may leave the fact an inference stands for unstated.
function holdsFor(condition: Condition): (facts: Record<string, FactValue>) => boolean {
  type Holds = (facts: Record<string, FactValue>) => boolean;
  return foldCondition<Holds>(condition, {
    fact:
      ({ fact, operator, value }) =>
      (facts) =>
        operators[operator](facts[fact]!, value),
    all: (parts) => (facts) => parts.every((part) => part(facts)),
    any: (parts) => (facts) => parts.some((part) => part(facts)),
    not: (part) => (facts) => !part(facts),
  });
}
