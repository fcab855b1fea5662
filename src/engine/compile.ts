import type { Facts } from '../facts/normalize';
import { foldCondition } from '../kb/condition-walk';
import type { Condition } from '../kb/model';
import { factNode, groupNode, negate, type ResultNode } from './evaluate';
import { operators } from './operators';

/**
 * A compiled condition tree: from the facts to the result tree evaluate() would read, evidence and
 * all.
 */
export type CompiledCondition = (facts: Facts) => ResultNode;

/**
 * A condition tree compiled once into closures that evaluate it straight to the same result tree
 * evaluate() reads from json-rules-engine: each fact condition with its operator bound, a missing
 * fact unknown, all/any/not combined the Kleene way. No promises, no almanac, no copies of the
 * facts: the work is what the conditions need and nothing else.
 */
export function compileCondition(condition: Condition): CompiledCondition {
  const group =
    (kind: 'all' | 'any') =>
    (parts: CompiledCondition[]): CompiledCondition =>
    (facts) => {
      const children = parts.map((part) => part(facts));
      return groupNode(kind, children);
    };
  return foldCondition<CompiledCondition>(condition, {
    fact: (leaf) => {
      const { fact, operator, value: expected } = leaf;
      const test = operators[operator];
      return (facts) => factNode(leaf, facts, Object.hasOwn(facts, fact) ? test(facts[fact]!, expected) : null);
    },
    all: group('all'),
    any: group('any'),
    not: (inner) => (facts) => {
      const child = inner(facts);
      return { kind: 'not', value: negate(child.value), child };
    },
  });
}

/**
 * A compiled condition tree reduced to its truth: true, false, or null when facts it needs are
 * missing.
 */
export type CompiledTruth = (facts: Facts) => boolean | null;

/**
 * The same condition compiled to its truth alone, allocating nothing: most candidates are ruled
 * out or undetermined, and their full result trees are only built if someone asks for them.
 */
export function compileTruth(condition: Condition): CompiledTruth {
  // all is decided by the first false part, any by the first true one.
  const group =
    (decisive: boolean) =>
    (parts: CompiledTruth[]): CompiledTruth =>
    (facts) => {
      let unknown = false;
      for (const part of parts) {
        const value = part(facts);
        if (value === decisive) return decisive;
        if (value === null) unknown = true;
      }
      return unknown ? null : !decisive;
    };
  return foldCondition<CompiledTruth>(condition, {
    fact: ({ fact, operator, value: expected, standsFor, untilStated }) => {
      const test = operators[operator];
      // An inference is not used once the fact it stands for is known; a premise holds until its
      // fact is stated (see factNode).
      const missing = untilStated ? true : null;
      if (standsFor !== undefined) return (facts) => (Object.hasOwn(facts, standsFor) ? false : Object.hasOwn(facts, fact) ? test(facts[fact]!, expected) : missing);
      return (facts) => (Object.hasOwn(facts, fact) ? test(facts[fact]!, expected) : missing);
    },
    all: group(false),
    any: group(true),
    not: (inner) => (facts) => negate(inner(facts)),
  });
}
