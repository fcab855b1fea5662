import { combine, negate, type ResultNode, type Truth } from '../engine/evaluate';
import { operators } from '../engine/operators';
import type { FactValue } from '../facts/normalize';


/** Hypothetical answers to facts not given yet. */
export type Answers = ReadonlyMap<string, FactValue>;

export interface Outcome {
  value: Truth;
  /** When value is null: the facts it still waits for. */
  waitingFor: Set<string>;
}

/** What an evaluated condition tree would come to if the facts in `answers` were answered so. */
export function whatIf(node: ResultNode, answers: Answers): Outcome {
  switch (node.kind) {
    case 'fact': {
      const { fact, operator, expected, standsFor } = node.evidence;
      if (node.value !== null) return { value: node.value, waitingFor: new Set() };
      // An inference stops counting once the fact it stands for is answered (see factNode).
      if (standsFor !== undefined && answers.has(standsFor)) return { value: false, waitingFor: new Set() };
      const answer = answers.get(fact);
      return answer === undefined ? { value: null, waitingFor: new Set([fact]) } : { value: operators[operator](answer, expected), waitingFor: new Set() };
    }
    case 'not': {
      const inner = whatIf(node.child, answers);
      return { value: negate(inner.value), waitingFor: inner.waitingFor };
    }
    default: {
      const parts = node.children.map((child) => whatIf(child, answers));
      const value = combine(node.kind, parts.map((p) => p.value));
      const waitingFor = new Set<string>();
      if (value === null) for (const part of parts) if (part.value === null) part.waitingFor.forEach((f) => waitingFor.add(f));
      return { value, waitingFor };
    }
  }
}

/** The value alone of what whatIf computes, allocating nothing: the ranking asks it thousands of times. */
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

/** Adds to `into` the facts `node` still waits for under `answers` (whatIf's waitingFor, without its sets). */
export function gatherWaiting(node: ResultNode, answers: Answers, into: Set<string>): void {
  if (valueIf(node, answers) !== null) return;
  if (node.kind === 'fact') into.add(node.evidence.fact);
  else if (node.kind === 'not') gatherWaiting(node.child, answers, into);
  else for (const child of node.children) gatherWaiting(child, answers, into);
}
