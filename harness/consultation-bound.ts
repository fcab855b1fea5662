import { normalizeFacts } from '../src/facts/normalize';
import { questionFacts } from '../src/consult/questions';
import { answerFrom, openingFacts, type Facts } from './consultation';
import { bundledKnowledgeBase } from './knowledge-base';

/**
 * The fewest questions any order of questions could take over `environments`, in total: the best
 * decision tree built with hindsight, knowing every scenario's answers, over the same questions
 * the service would offer (the facts some open candidate or workaround still waits for) and the
 * same stopping point (nothing left to ask). No ranking, which cannot know the answers in
 * advance, can do better, so it is the floor against which the service's ranking is measured.
 *
 * Scenarios are grouped by their opening (client kind and symptoms); within a group, asking a
 * fact splits the scenarios by their answer, and the search tries every fact at every node.
 * Questions commute (asking A then B reaches the facts B then A reaches), so results are
 * remembered per set of facts and scenarios: the search visits each subset of the open facts
 * once rather than each order, and takes seconds.
 */
export async function fewestQuestions(environments: Facts[]): Promise<number> {
  const openings = new Map<string, Facts[]>();
  for (const environment of environments) {
    const key = JSON.stringify(openingFacts(environment));
    openings.set(key, [...(openings.get(key) ?? []), environment]);
  }
  const memo: Memo = { costs: new Map(), questions: new Map() };
  let total = 0;
  for (const group of openings.values()) total += await fewestFrom(openingFacts(group[0]!), group, memo);
  return total;
}

/**
 * What the search remembers. Per facts and scenarios: the fewest questions, or (not exact) a bound
 * it is no less than. Per facts alone: the questions offered, which many groups of scenarios
 * standing at the same facts would otherwise diagnose again.
 */
interface Memo {
  costs: Map<string, { cost: number; exact: boolean }>;
  questions: Map<string, string[]>;
}

// Every environment in `group` has answered the same way so far, so all stand at `facts`.
async function fewestFrom(facts: Facts, group: Facts[], memo: Memo, ceiling = Infinity): Promise<number> {
  const factsKey = JSON.stringify(Object.entries(facts).sort(([a], [b]) => (a < b ? -1 : 1)));
  const key = JSON.stringify([factsKey, group.map((e) => JSON.stringify(e))]);
  const known = memo.costs.get(key);
  if (known && (known.exact || known.cost >= ceiling)) return known.cost;
  const best = await searchFrom(facts, factsKey, group, memo, ceiling);
  memo.costs.set(key, { cost: best, exact: best < ceiling });
  return best;
}

async function searchFrom(facts: Facts, factsKey: string, group: Facts[], memo: Memo, ceiling: number): Promise<number> {
  let questions = memo.questions.get(factsKey);
  if (!questions) {
    questions = await offeredAt(facts);
    memo.questions.set(factsKey, questions);
  }
  if (questions.length === 0) return 0;
  let best = ceiling;
  for (const fact of questions) {
    const branches = new Map<string, { facts: Facts; group: Facts[] }>();
    for (const environment of group) {
      const [name, value] = answerFrom(environment, fact);
      const key = JSON.stringify([name, value]);
      const branch = branches.get(key) ?? { facts: { ...facts, [name]: value }, group: [] };
      branch.group.push(environment);
      branches.set(key, branch);
    }
    // This question costs one per scenario, then each branch its own best.
    let cost = group.length;
    for (const branch of branches.values()) {
      if (cost >= best) break;
      cost += await fewestFrom(branch.facts, branch.group, memo, best - cost);
    }
    best = Math.min(best, cost);
  }
  return best;
}

// The facts the service would offer at `facts`, unranked: the search tries every one of them, so
// their order only changes how soon it finds a good tree, and the ranking costs far more than the
// diagnosis it ranks.
async function offeredAt(facts: Facts): Promise<string[]> {
  const { kb, diagnoser } = bundledKnowledgeBase();
  const normalized = normalizeFacts(facts, kb.vocabulary);
  if (!normalized.ok) throw new Error(`the floor search reached invalid facts: ${JSON.stringify(normalized.errors)}`);
  return questionFacts(kb, await diagnoser.diagnose(normalized.all), normalized);
}
