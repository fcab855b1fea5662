import { isFactCondition, type Condition, type FactCondition } from './model';

type Group<K extends 'all' | 'any' | 'not'> = Extract<Condition, Record<K, unknown>>;

/** Where a node sits: its JSON pointer (under the pointer the walk started at) and its depth (0 at the top). */
export interface Place {
  pointer: string;
  depth: number;
}

/**
 * What a walk makes of each kind of node, bottom-up: a fact condition on its own, a group from
 * what was made of its children (in file order). The one walk over condition trees: validation,
 * compilation, evaluation, lint, coverage and the fidelity tables all say only what they make of
 * a node, so the tree's shape (all / any / not / fact) is read in one place.
 */
export interface ConditionFold<R> {
  fact(condition: FactCondition, place: Place): R;
  all(parts: R[], node: Group<'all'>, place: Place): R;
  any(parts: R[], node: Group<'any'>, place: Place): R;
  not(part: R, node: Group<'not'>, place: Place): R;
}

/** Folds a condition tree with `fold`, children before their group. */
export function foldCondition<R>(condition: Condition, fold: ConditionFold<R>, pointer = '', depth = 0): R {
  const place = { pointer, depth };
  if (isFactCondition(condition)) return fold.fact(condition, place);
  if ('all' in condition)
    return fold.all(
      condition.all.map((child, i) => foldCondition(child, fold, `${pointer}/all/${i}`, depth + 1)),
      condition,
      place,
    );
  if ('any' in condition)
    return fold.any(
      condition.any.map((child, i) => foldCondition(child, fold, `${pointer}/any/${i}`, depth + 1)),
      condition,
      place,
    );
  return fold.not(foldCondition(condition.not, fold, `${pointer}/not`, depth + 1), condition, place);
}

/** Calls `visit` on every fact condition of a tree, in file order, with the kind of node directly above it. */
export function forEachFactCondition(condition: Condition, visit: (condition: FactCondition, place: Place & { parent: 'all' | 'any' | 'not' }) => void, pointer = ''): void {
  // The parent is known only once the group is reached, so the leaves wait in the fold's result.
  type Pending = { condition: FactCondition; place: Place; parent?: 'all' | 'any' | 'not' }[];
  const adopt = (parts: Pending[], parent: 'all' | 'any' | 'not'): Pending => parts.flatMap((leaves) => leaves.map((leaf) => ({ ...leaf, parent: leaf.parent ?? parent })));
  const leaves = foldCondition<Pending>(
    condition,
    {
      fact: (leaf, place) => [{ condition: leaf, place }],
      all: (parts) => adopt(parts, 'all'),
      any: (parts) => adopt(parts, 'any'),
      not: (part) => adopt([part], 'not'),
    },
    pointer,
  );
  for (const leaf of leaves) visit(leaf.condition, { ...leaf.place, parent: leaf.parent ?? 'all' });
}
