import type { Facts } from '../facts/normalize';
import { isFactCondition, type Condition } from '../kb/model';
import { combine, factNode, negate, type ResultNode } from './evaluate';
import { operators } from './operators';

export type CompiledCondition = (facts: Facts) => ResultNode;

/**
 * A condition tree compiled once into closures that evaluate it straight to the same result tree
 * evaluate() reads from json-rules-engine: each fact condition with its operator bound, a missing
 * fact unknown, all/any/not combined the Kleene way. No promises, no almanac, no copies of the
 * facts: the work is what the conditions need and nothing else.
 */
export function compileCondition(condition: Condition): CompiledCondition {
  if (isFactCondition(condition)) {
    const { fact, operator, value: expected } = condition;
    const test = operators[operator];
    return (facts) => factNode(condition, facts, Object.hasOwn(facts, fact) ? test(facts[fact], expected) : null);
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return (facts) => {
      const child = inner(facts);
      return { kind: 'not', value: negate(child.value), child };
    };
  }
  const kind = 'all' in condition ? 'all' : 'any';
  const parts = ('all' in condition ? condition.all : condition.any).map(compileCondition);
  return (facts) => {
    const children = parts.map((part) => part(facts));
    return { kind, value: combine(kind, children.map((c) => c.value)), children };
  };
}

export type CompiledTruth = (facts: Facts) => boolean | null;

/**
 * The same condition compiled to its truth alone, allocating nothing: most candidates are ruled
 * out or undetermined, and their full result trees are only built if someone asks for them.
 */
export function compileTruth(condition: Condition): CompiledTruth {
  if (isFactCondition(condition)) {
    const { fact, operator, value: expected, standsFor, untilStated } = condition;
    const test = operators[operator];
    // An inference is not used once the fact it stands for is known; a premise holds until its
    // fact is stated (see factNode).
    const missing = untilStated ? true : null;
    if (standsFor !== undefined) return (facts) => (Object.hasOwn(facts, standsFor) ? false : Object.hasOwn(facts, fact) ? test(facts[fact], expected) : missing);
    return (facts) => (Object.hasOwn(facts, fact) ? test(facts[fact], expected) : missing);
  }
  if ('not' in condition) {
    const inner = compileTruth(condition.not);
    return (facts) => negate(inner(facts));
  }
  const parts = ('all' in condition ? condition.all : condition.any).map(compileTruth);
  const decisive = 'all' in condition ? false : true;
  return (facts) => {
    let unknown = false;
    for (const part of parts) {
      const value = part(facts);
      if (value === decisive) return decisive;
      if (value === null) unknown = true;
    }
    return unknown ? null : !decisive;
  };
}
