import { normalizeFacts } from '../src/facts/normalize';
import { groupAsked, questionFacts } from '../src/consult/questions';
import { answerFrom, openingFacts, type Facts } from './consultation';
import { bundledKnowledgeBase } from './knowledge-base';

/** A scenario as the floor search sees it: its environment, and the diagnoses it expects confirmed. */
export interface BoundScenario {
  environment: Facts;
  expected: readonly string[];
}

/**
 * What a consultation's turns are counted until: `end`, nothing is left to ask; `confirmed`,
 * every diagnosis the scenario expects is confirmed (scenarios that expect none are left out).
 */
export type Measure = 'end' | 'confirmed';

/**
 * The fewest turns any order of questions could take over `scenarios`, in total, for `measure`:
 * the best decision tree built with hindsight, knowing every scenario's answers, over the same
 * questions the service would offer (the facts some open candidate or workaround still waits for,
 * and, with `groups`, each question group (rules/facts.json) of two or more of them, answered in
 * one turn) and the same stopping point. No ranking, which cannot know the answers in advance,
 * can do better, so it is the floor against which the service's ranking is measured.
 *
 * Scenarios are grouped by their opening (client kind and symptoms); within a group, asking a
 * fact splits the scenarios by their answer, and the search tries every question at every node.
 * Questions commute (asking A then B reaches the facts B then A reaches), so results are
 * remembered per set of facts and scenarios: the search visits each subset of the open facts
 * once rather than each order, and takes seconds.
 */
export async function fewestTurns(scenarios: readonly BoundScenario[], measure: Measure, groups: boolean): Promise<number> {
  const counted = measure === 'confirmed' ? scenarios.filter((s) => s.expected.length > 0) : scenarios;
  const openings = new Map<string, BoundScenario[]>();
  for (const scenario of counted) {
    const key = JSON.stringify(openingFacts(scenario.environment));
    openings.set(key, [...(openings.get(key) ?? []), scenario]);
  }
  const search = new FloorSearch(measure, groups);
  let total = 0;
  for (const group of openings.values()) total += await search.fewestFrom(openingFacts(group[0]!.environment), group);
  return total;
}

/** What the service offers at a set of facts: the questions (each a list of facts answered in one turn) and the diagnoses confirmed. */
interface Offer {
  questions: string[][];
  confirmed: Set<string>;
}

class FloorSearch {
  /** Per facts and scenarios: the fewest turns, or (not exact) a bound it is no less than. */
  private readonly costs = new Map<string, { cost: number; exact: boolean }>();
  /** Per facts alone: what many groups of scenarios standing at the same facts would otherwise diagnose again. */
  private readonly offers = new Map<string, Offer>();

  constructor(
    private readonly measure: Measure,
    private readonly groups: boolean,
  ) {}

  // Every scenario in `group` has answered the same way so far, so all stand at `facts`.
  async fewestFrom(facts: Facts, group: BoundScenario[], ceiling = Infinity): Promise<number> {
    const factsKey = JSON.stringify(Object.entries(facts).sort(([a], [b]) => (a < b ? -1 : 1)));
    const offer = await this.offerAt(facts, factsKey);
    // A scenario whose diagnoses are all confirmed has stopped counting.
    const open = this.measure === 'confirmed' ? group.filter((s) => !s.expected.every((id) => offer.confirmed.has(id))) : group;
    if (open.length === 0 || offer.questions.length === 0) return 0;
    const key = JSON.stringify([factsKey, open.map((s) => JSON.stringify(s.environment))]);
    const known = this.costs.get(key);
    if (known && (known.exact || known.cost >= ceiling)) return known.cost;
    const best = await this.searchFrom(facts, open, offer, ceiling);
    this.costs.set(key, { cost: best, exact: best < ceiling });
    return best;
  }

  private async searchFrom(facts: Facts, group: BoundScenario[], offer: Offer, ceiling: number): Promise<number> {
    let best = ceiling;
    for (const question of offer.questions) {
      const branches = new Map<string, { facts: Facts; group: BoundScenario[] }>();
      for (const scenario of group) {
        const answers = question.map((fact) => answerFrom(scenario.environment, fact));
        const key = JSON.stringify(answers);
        const branch = branches.get(key) ?? { facts: { ...facts, ...Object.fromEntries(answers) }, group: [] };
        branch.group.push(scenario);
        branches.set(key, branch);
      }
      // This question costs one per scenario, then each branch its own best.
      let cost = group.length;
      for (const branch of branches.values()) {
        if (cost >= best) break;
        cost += await this.fewestFrom(branch.facts, branch.group, best - cost);
      }
      best = Math.min(best, cost);
    }
    return best;
  }

  // The facts the service would offer at `facts`, unranked (the search tries every one, so their
  // order only changes how soon it finds a good tree, and the ranking costs far more than the
  // diagnosis it ranks), with each group of two or more of them, and the diagnoses confirmed.
  private async offerAt(facts: Facts, factsKey: string): Promise<Offer> {
    let offer = this.offers.get(factsKey);
    if (!offer) {
      const { kb, diagnoser } = bundledKnowledgeBase();
      const normalized = normalizeFacts(facts, kb.vocabulary);
      if (!normalized.ok) throw new Error(`the floor search reached invalid facts: ${JSON.stringify(normalized.errors)}`);
      const report = await diagnoser.diagnose(normalized.all);
      const single = questionFacts(kb, report, normalized);
      const offered = new Set(single);
      const grouped = this.groups ? kb.vocabulary.questionGroups.map((group) => groupAsked(group, offered)).filter((facts) => facts !== undefined) : [];
      offer = { questions: [...single.map((fact) => [fact]), ...grouped], confirmed: new Set(report.diagnoses.filter((d) => d.status === 'confirmed').map((d) => d.id)) };
      this.offers.set(factsKey, offer);
    }
    return offer;
  }
}
