import { forEachFactCondition } from './condition-walk';
import { type Article, type Bound, type Condition, type FactCondition, type TopCondition } from './model';

/** A condition tree of an article, with the JSON pointer it sits at in the article's file. */
export interface ConditionTree {
  pointer: string;
  tree: TopCondition;
  /** What the tree decides. */
  role: 'diagnosis' | 'scope' | 'confirmation' | 'applicability' | 'caveat';
  /** The qualified id of the diagnosis or workaround it belongs to (`#<index>` added for a caveat). */
  owner: string;
}

/**
 * Every condition tree an article holds, in file order: the one list the loader, lint, coverage
 * and the engine walk. With `bounds`, a diagnosis's scope is the one it is evaluated with (its
 * own and the article's bounds, see effectiveScope); without, the scope as the file has it.
 */
export function conditionTrees(article: Article, bounds?: ReadonlyMap<string, Bound>): ConditionTree[] {
  const trees: ConditionTree[] = [];
  article.diagnoses.forEach((diagnosis, i) => {
    const owner = `${article.id}.${diagnosis.id}`;
    trees.push({ pointer: `/diagnoses/${i}/conditions`, tree: diagnosis.conditions, role: 'diagnosis', owner });
    const scope = bounds ? effectiveScope(article, diagnosis.scope, bounds) : diagnosis.scope;
    if (scope) trees.push({ pointer: `/diagnoses/${i}/scope`, tree: scope, role: 'scope', owner });
    if (diagnosis.confirmation) trees.push({ pointer: `/diagnoses/${i}/confirmation/conditions`, tree: diagnosis.confirmation.conditions, role: 'confirmation', owner });
  });
  article.workarounds.forEach((workaround, i) => {
    const owner = `${article.id}.${workaround.id}`;
    if (workaround.applicability) trees.push({ pointer: `/workarounds/${i}/applicability/conditions`, tree: workaround.applicability.conditions, role: 'applicability', owner });
    workaround.caveats?.forEach((caveat, j) => {
      if (caveat.when) trees.push({ pointer: `/workarounds/${i}/caveats/${j}/when`, tree: caveat.when, role: 'caveat', owner: `${owner}#${j}` });
    });
  });
  return trees;
}

/** A fact condition with its pointer and the kind of node directly above it. */
export interface Leaf {
  condition: FactCondition;
  pointer: string;
  parent: 'all' | 'any' | 'not';
}

/** The fact conditions of a tree, depth-first in file order. */
export function leavesOf(tree: Condition, pointer = ''): Leaf[] {
  const leaves: Leaf[] = [];
  forEachFactCondition(tree, (condition, { pointer: at, parent }) => leaves.push({ condition, pointer: at, parent }), pointer);
  return leaves;
}

/**
 * The scope a diagnosis is evaluated with: its own (the article's applies-to, per revision) and
 * the article's bounds, all of which must hold. Undefined when there is neither.
 */
function effectiveScope(article: Article, own: TopCondition | undefined, bounds: ReadonlyMap<string, Bound>): TopCondition | undefined {
  const parts: Condition[] = [...(own ? [own] : []), ...(article.bounds ?? []).map((id) => bounds.get(id)!.conditions)];
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? (parts[0] as TopCondition) : { all: parts };
}
