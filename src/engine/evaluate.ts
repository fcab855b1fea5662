import type { FactValue, Facts } from '../facts/normalize';
import { isFactCondition, type Condition, type Operator, type Scalar, type Source } from '../kb/model';

/** true: holds; false: does not hold; null: depends on a fact that was not given. */
export type Truth = boolean | null;

export interface Evidence {
  fact: string;
  operator: Operator;
  expected: Scalar | Scalar[];
  observed?: FactValue;
  result: Truth;
  source: Source;
  derived?: string;
}

export interface Evaluation {
  value: Truth;
  evidence: Evidence[];
  /** Facts whose absence leaves the value undetermined (empty unless value is null). */
  missingFacts: string[];
}

/** A condition as json-rules-engine reports it after a run. */
interface EngineConditionResult {
  result?: boolean;
  all?: EngineConditionResult[];
  any?: EngineConditionResult[];
  not?: EngineConditionResult;
}

/**
 * Reads json-rules-engine's per-condition results in three-valued (Kleene) logic. The engine
 * decides each fact condition; this decides what a missing fact means. The engine alone would
 * call `natMode notEqual none` true when natMode was never given, and so report a diagnosis the
 * caller's facts do not support: here a condition on a missing fact is unknown, `all` is false
 * if any part is false and true only if every part is, `any` the reverse, `not` flips true and
 * false and leaves unknown alone.
 */
export function evaluate(condition: Condition, engineResult: EngineConditionResult, facts: Facts): Evaluation {
  const evidence: Evidence[] = [];
  const value = walk(condition, engineResult, facts, evidence);
  const missingFacts = value === null ? unique(evidence.filter((e) => e.result === null).map((e) => e.fact)) : [];
  return { value, evidence, missingFacts };
}

function walk(condition: Condition, engineResult: EngineConditionResult, facts: Facts, evidence: Evidence[]): Truth {
  if (isFactCondition(condition)) {
    const given = Object.hasOwn(facts, condition.fact);
    if (given && typeof engineResult.result !== 'boolean') {
      throw new Error(`json-rules-engine left condition on "${condition.fact}" unevaluated`);
    }
    const result = given ? (engineResult.result as boolean) : null;
    evidence.push({
      fact: condition.fact,
      operator: condition.operator,
      expected: condition.value,
      ...(given ? { observed: facts[condition.fact] } : {}),
      result,
      source: condition.source,
      ...(condition.derived ? { derived: condition.derived } : {}),
    });
    return result;
  }
  if ('all' in condition) {
    const parts = condition.all.map((c, i) => walk(c, engineResult.all![i], facts, evidence));
    return parts.includes(false) ? false : parts.includes(null) ? null : true;
  }
  if ('any' in condition) {
    const parts = condition.any.map((c, i) => walk(c, engineResult.any![i], facts, evidence));
    return parts.includes(true) ? true : parts.includes(null) ? null : false;
  }
  const inner = walk(condition.not, engineResult.not!, facts, evidence);
  return inner === null ? null : !inner;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
