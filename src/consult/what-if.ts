import { negate, type ResultNode, type Truth } from '../engine/evaluate';
import { operators } from '../engine/operators';
import type { FactValue } from '../facts/normalize';

/** Hypothetical answers to facts not given yet. */
export type Answers = ReadonlyMap<string, FactValue>;

/**
 * What an evaluated condition tree would come to if the facts in `answers` were answered so:
 * true, false, or null while it still waits for facts. Allocates nothing: the ranking asks it
 * thousands of times.
 */
export function valueIf(node: ResultNode, answers: Answers): Truth {
  switch (node.kind) {
    case 'fact': {
      if (node.value !== null) return node.value;
      const { fact, operator, expected, standsFor } = node.evidence;
      if (standsFor !== undefined && answers.has(standsFor)) return false;
      const answer = answers.get(fact);
      return answer === undefined ? null : operators[operator](answer, expected);
    }
    case 'not':
      return negate(valueIf(node.child, answers));
    default: {
      const decisive = node.kind === 'all' ? false : true;
      let unknown = false;
      for (const child of node.children) {
        const value = valueIf(child, answers);
        if (value === decisive) return decisive;
        if (value === null) unknown = true;
      }
      return unknown ? null : !decisive;
    }
  }
}

/** Adds to `into` the facts `node` still waits for under `answers` (the facts whose answers could still decide it). */
export function gatherWaiting(node: ResultNode, answers: Answers, into: Set<string>): void {
  if (valueIf(node, answers) !== null) return;
  if (node.kind === 'fact') into.add(node.evidence.fact);
  else if (node.kind === 'not') gatherWaiting(node.child, answers, into);
  else for (const child of node.children) gatherWaiting(child, answers, into);
}
