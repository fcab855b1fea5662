import type { FactValue } from '../facts/normalize';
import type { Operator, Scalar } from '../kb/model';

/**
 * json-rules-engine's default operators, as that library defines them (contains and
 * doesNotContain are false for a fact that is not a list, as its fact validator makes them).
 * The compiled evaluator and the question look-ahead use these; a differential test holds them
 * to json-rules-engine's own results.
 */
export const operators: Record<Operator, (fact: FactValue, expected: Scalar | Scalar[]) => boolean> = {
  equal: (fact, expected) => fact === expected,
  notEqual: (fact, expected) => fact !== expected,
  in: (fact, expected) => (expected as Scalar[]).includes(fact as Scalar),
  notIn: (fact, expected) => !(expected as Scalar[]).includes(fact as Scalar),
  contains: (fact, expected) => Array.isArray(fact) && fact.includes(expected as string),
  doesNotContain: (fact, expected) => Array.isArray(fact) && !fact.includes(expected as string),
};
