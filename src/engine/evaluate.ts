import type { FactValue, Facts } from '../facts/normalize';
import { foldCondition } from '../kb/condition-walk';
import type { Condition, FactCondition, Operator, Scalar, Source } from '../kb/model';

/** true: holds; false: does not hold; null: depends on a fact that was not given. */
export type Truth = boolean | null;

/**
 * One fact condition as evaluated: what the article expects, what the caller said, and the source
 * the condition comes from.
 */
export interface Evidence {
  fact: string;
  operator: Operator;
  expected: Scalar | Scalar[];
  observed?: FactValue;
  result: Truth;
  source: Source;
  derived?: string;
  /** The fact this condition is an inference about (see FactCondition.standsFor). */
  standsFor?: string;
  /** Present when the inference was not used because the fact it stands for is known. */
  unused?: string;
  /** Present when the condition was taken to hold because its fact is not stated (untilStated). */
  assumed?: string;
}

/** A condition tree with the truth of every node, as evaluated. */
export type ResultNode = { kind: 'fact'; value: Truth; evidence: Evidence } | { kind: 'all' | 'any'; value: Truth; children: ResultNode[] } | { kind: 'not'; value: Truth; child: ResultNode };

/**
 * A condition tree's verdict with its reasons: the evidence, and what leaves it undetermined or
 * makes it false.
 */
export interface Evaluation {
  value: Truth;
  /** Every fact condition, depth-first. */
  evidence: Evidence[];
  /** When value is null: the facts whose absence leaves it undetermined. */
  missingFacts: string[];
  /** When value is false: the fact conditions that make it so. */
  failed: Evidence[];
  tree: ResultNode;
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
  return summarize(read(condition, engineResult, facts));
}

/**
 * Reads a result tree into an Evaluation: its value, its evidence, and the facts or conditions
 * that explain the value.
 */
export function summarize(tree: ResultNode): Evaluation {
  const evidence: Evidence[] = [];
  collect(tree, evidence);
  return {
    value: tree.value,
    evidence,
    missingFacts: tree.value === null ? [...new Set(explain(tree, null).map((e) => e.fact))] : [],
    failed: tree.value === false ? explain(tree, false) : [],
    tree,
  };
}

/** An all or any node over its children's results, with the value they combine to. */
export function groupNode(kind: 'all' | 'any', children: ResultNode[]): ResultNode {
  return {
    kind,
    value: combine(
      kind,
      children.map((c) => c.value),
    ),
    children,
  };
}

/** Combines child truths the Kleene way. */
function combine(kind: 'all' | 'any', parts: Truth[]): Truth {
  const decisive = kind === 'all' ? false : true;
  return parts.includes(decisive) ? decisive : parts.includes(null) ? null : !decisive;
}

/** Kleene negation: not unknown is still unknown. */
export const negate = (value: Truth): Truth => (value === null ? null : !value);

function read(condition: Condition, engineResult: EngineConditionResult, facts: Facts): ResultNode {
  // The condition is folded into a reader of json-rules-engine's result tree, which has its shape.
  type Reader = (result: EngineConditionResult) => ResultNode;
  const group =
    (kind: 'all' | 'any') =>
    (parts: Reader[]): Reader =>
    (result) => {
      const results = result[kind] ?? [];
      const children = parts.map((part, i) => part(results[i]!));
      return groupNode(kind, children);
    };
  const reader = foldCondition<Reader>(condition, {
    fact: (leaf) => (result) => {
      const given = Object.hasOwn(facts, leaf.fact);
      if (given && typeof result.result !== 'boolean') throw new Error(`json-rules-engine left condition on "${leaf.fact}" unevaluated`);
      return factNode(leaf, facts, given ? (result.result as boolean) : null);
    },
    all: group('all'),
    any: group('any'),
    not: (inner) => (result) => {
      const child = inner(result.not ?? {});
      return { kind: 'not', value: negate(child.value), child };
    },
  });
  return reader(engineResult);
}

/**
 * A fact condition's node, given what its operator made of the fact (null: the fact is missing).
 * An inference (standsFor) whose fact is known is not used: it counts as not holding, and says why.
 * An article's premise (untilStated) whose fact is missing is taken to hold, and says so.
 */
export function factNode(condition: FactCondition, facts: Facts, tested: Truth): ResultNode {
  const unused = condition.standsFor !== undefined && Object.hasOwn(facts, condition.standsFor);
  const assumed = condition.untilStated === true && tested === null;
  const value = unused ? false : assumed ? true : tested;
  const evidence: Evidence = {
    fact: condition.fact,
    operator: condition.operator,
    expected: condition.value,
    ...(Object.hasOwn(facts, condition.fact) ? { observed: facts[condition.fact] } : {}),
    result: value,
    source: condition.source,
    ...(condition.derived ? { derived: condition.derived } : {}),
    ...(condition.standsFor ? { standsFor: condition.standsFor } : {}),
    ...(unused ? { unused: `${condition.standsFor} is known, so this inference about it is not used` } : {}),
    ...(assumed ? { assumed: `${condition.fact} is not stated: the article's premise is taken to hold until it is` } : {}),
  };
  return { kind: 'fact', value, evidence };
}

function collect(node: ResultNode, into: Evidence[]): void {
  if (node.kind === 'fact') into.push(node.evidence);
  else if (node.kind === 'not') collect(node.child, into);
  else for (const child of node.children) collect(child, into);
}

/**
 * The fact conditions responsible for `node` having `value`: the parts that have that value
 * (for a false `all`, its false parts; for a false `any`, all of them; for an unknown node, its
 * unknown parts), and under `not`, the parts of the inner condition responsible for the opposite.
 */
function explain(node: ResultNode, value: Truth): Evidence[] {
  if (node.kind === 'fact') return node.value === value ? [node.evidence] : [];
  if (node.kind === 'not') return explain(node.child, negate(value));
  return node.children.filter((c) => c.value === value).flatMap((c) => explain(c, value));
}
