import { answerFrom, openingFacts, turn, type Facts } from './consultation';

/**
 * The fewest questions any order of questions could take over `environments`, in total: the best
 * decision tree built with hindsight, knowing every scenario's answers, over the same questions
 * the service would offer (the facts some open candidate or workaround still waits for) and the
 * same stopping point (nothing left to ask). No ranking, which cannot know the answers in
 * advance, can do better, so it is the floor against which the service's ranking is measured.
 *
 * Scenarios are grouped by their opening (client kind and symptoms); within a group, asking a
 * fact splits the scenarios by their answer, and the search tries every fact at every node. The
 * tables are small (a few dozen scenarios, at most six facts open), so the exhaustive search
 * takes seconds.
 */
export async function fewestQuestions(environments: Facts[]): Promise<number> {
  const openings = new Map<string, Facts[]>();
  for (const environment of environments) {
    const key = JSON.stringify(openingFacts(environment));
    openings.set(key, [...(openings.get(key) ?? []), environment]);
  }
  let total = 0;
  for (const group of openings.values()) total += await fewestFrom(openingFacts(group[0]!), group);
  return total;
}

// Every environment in `group` has answered the same way so far, so all stand at `facts`.
async function fewestFrom(facts: Facts, group: Facts[], ceiling = Infinity): Promise<number> {
  const { questions } = await turn(facts);
  if (questions.length === 0) return 0;
  let best = ceiling;
  for (const { fact } of questions) {
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
      cost += await fewestFrom(branch.facts, branch.group, best - cost);
    }
    best = Math.min(best, cost);
  }
  return best;
}
