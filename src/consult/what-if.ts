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
      const { fact, operator, expected } = node.evidence;
      if (node.value !== null) return { value: node.value, waitingFor: new Set() };
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
