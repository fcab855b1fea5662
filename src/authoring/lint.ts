import { operators } from '../engine/operators';
import { engineCondition } from '../engine/rules';
import type { FactValue } from '../facts/normalize';
import type { KnowledgeBase } from '../kb/load';
import { isFactCondition, type Condition, type Scalar } from '../kb/model';

export interface LintFinding {
  level: 'error' | 'warning';
  file: string;
  pointer: string;
  message: string;
}

/**
 * Checks a loaded knowledge base for what loads but cannot be right: a diagnosis or an
 * applicability condition that no facts can satisfy, two diagnoses with the same conditions, a
 * workaround no diagnosis offers. Warns of vocabulary values no rule can use.
 */
export function lint(kb: KnowledgeBase): LintFinding[] {
  const findings: LintFinding[] = [];
  const seen = new Map<string, string>();
  for (const article of kb.articles) {
    const file = `articles/${article.id}.json`;
    article.diagnoses.forEach((diagnosis, i) => {
      const pointer = `/diagnoses/${i}/conditions`;
      if (!satisfiable(diagnosis.conditions, kb)) findings.push({ level: 'error', file, pointer, message: `diagnosis "${diagnosis.id}" can never hold: no facts satisfy its conditions` });
      const key = JSON.stringify(engineCondition(diagnosis.conditions));
      const twin = seen.get(key);
      if (twin) findings.push({ level: 'error', file, pointer, message: `diagnosis "${diagnosis.id}" has the same conditions as ${twin}` });
      seen.set(key, `${article.id}.${diagnosis.id}`);
    });
    const offered = new Set(article.diagnoses.flatMap((d) => d.workarounds));
    article.workarounds.forEach((workaround, i) => {
      if (!offered.has(workaround.id)) findings.push({ level: 'error', file, pointer: `/workarounds/${i}`, message: `workaround "${workaround.id}" is offered by no diagnosis` });
      if (workaround.applicability && !satisfiable(workaround.applicability.conditions, kb)) {
        findings.push({ level: 'error', file, pointer: `/workarounds/${i}/applicability/conditions`, message: `workaround "${workaround.id}" can never apply` });
      }
    });
  }
  const mentioned = new Map<string, Set<Scalar>>();
  for (const article of kb.articles) {
    for (const condition of [...article.diagnoses.map((d) => d.conditions), ...article.workarounds.flatMap((w) => (w.applicability ? [w.applicability.conditions] : []))]) {
      for (const leaf of leaves(condition)) {
        const values = mentioned.get(leaf.fact) ?? new Set<Scalar>();
        (Array.isArray(leaf.value) ? leaf.value : [leaf.value]).forEach((v) => values.add(v));
        mentioned.set(leaf.fact, values);
      }
    }
  }
  // A scalar value no condition names is still used when its fact is tested (it is what falls
  // outside a condition's set); it is unused when no condition tests the fact at all. A value of
  // a list fact is unused when no condition looks for it.
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

function leaves(condition: Condition): Extract<Condition, { fact: string }>[] {
  if (isFactCondition(condition)) return [condition];
  if ('all' in condition) return condition.all.flatMap(leaves);
  if ('any' in condition) return condition.any.flatMap(leaves);
  return leaves(condition.not);
}

/** Whether some assignment of the facts a condition tests makes it hold: tried exhaustively. */
function satisfiable(condition: Condition, kb: KnowledgeBase): boolean {
  const facts = [...new Set(leaves(condition).map((l) => l.fact))];
  const domains = facts.map((name) => domain(kb, name));
  const assign = (i: number, facts_: Record<string, FactValue>): boolean => {
    if (i === facts.length) return holds(condition, facts_);
    return domains[i].some((value) => assign(i + 1, { ...facts_, [facts[i]]: value }));
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

function holds(condition: Condition, facts: Record<string, FactValue>): boolean {
  if (isFactCondition(condition)) return operators[condition.operator](facts[condition.fact], condition.value);
  if ('all' in condition) return condition.all.every((c) => holds(c, facts));
  if ('any' in condition) return condition.any.some((c) => holds(c, facts));
  return !holds(condition.not, facts);
}
