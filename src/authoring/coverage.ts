import { Diagnoser } from '../engine/diagnose';
import type { ResultNode } from '../engine/evaluate';
import { normalizeFacts } from '../facts/normalize';
import type { KnowledgeBase } from '../kb/load';
import type { ScenarioTable } from './scenario-tables';

interface Exercise {
  id: string;
  kind: 'diagnosis' | 'workaround' | 'condition';
  /** Scenarios in which it holds (applies, for a workaround; is true, for a condition). */
  matched: number;
  /** Scenarios in which it does not. */
  unmatched: number;
}

/**
 * What the scenario tables exercise: for every diagnosis, workaround and fact condition, how many
 * scenarios (of all tables) make it hold and how many do not. A workaround does not hold where its
 * diagnosis does not, or where it is excluded.
 */
export async function coverage(kb: KnowledgeBase, tables: ScenarioTable[]): Promise<Exercise[]> {
  const diagnoser = new Diagnoser(kb);
  const counts = new Map<string, Exercise>();
  const count = (id: string, kind: Exercise['kind'], held: boolean | null) => {
    const entry = counts.get(id) ?? { id, kind, matched: 0, unmatched: 0 };
    if (held === true) entry.matched += 1;
    if (held === false) entry.unmatched += 1;
    counts.set(id, entry);
  };
  for (const article of kb.articles) {
    for (const d of article.diagnoses) count(`${article.id}.${d.id}`, 'diagnosis', null);
    for (const w of article.workarounds) count(`${article.id}.${w.id}`, 'workaround', null);
  }
  for (const scenario of tables.flatMap((t) => [...t.valid, ...t.invalid])) {
    const facts = normalizeFacts(scenario.facts, kb.vocabulary);
    if (!facts.ok) throw new Error(`scenario "${scenario.name}" has invalid facts`);
    const report = await diagnoser.diagnose(facts.all);
    const applicable = new Set<string>();
    for (const d of report.diagnoses) for (const w of d.workarounds) if (w.applicable === true) applicable.add(w.id);
    for (const candidate of report.candidates) {
      count(candidate.id, 'diagnosis', candidate.status === 'confirmed');
      leafResults(candidate.conditionEvaluation.tree, `${candidate.id} conditions`).forEach(([id, result]) => count(id, 'condition', result));
      leafResults(candidate.scopeEvaluation.tree, `${candidate.id} scope`).forEach(([id, result]) => count(id, 'condition', result));
    }
    for (const article of kb.articles) {
      for (const w of article.workarounds) count(`${article.id}.${w.id}`, 'workaround', applicable.has(`${article.id}.${w.id}`));
    }
  }
  return [...counts.values()];
}

function leafResults(node: ResultNode, at: string): [string, boolean | null][] {
  if (node.kind === 'fact') return [[`${at}: ${node.evidence.fact} ${node.evidence.operator} ${JSON.stringify(node.evidence.expected)}`, node.value]];
  if (node.kind === 'not') return leafResults(node.child, `${at} not`);
  return node.children.flatMap((child, i) => leafResults(child, `${at} ${node.kind}[${i}]`));
}
