import type { RuleProperties, TopLevelCondition } from 'json-rules-engine';
import { conditionTrees, type ConditionTree } from '../kb/condition-trees';
import type { KnowledgeBase } from '../kb/load';
import { foldCondition } from '../kb/condition-walk';
import type { Condition, TopCondition } from '../kb/model';

/**
 * The id of a diagnosis or workaround across the knowledge base: its article's id, a dot, its own
 * id.
 */
export const qualify = (articleId: string, localId: string) => `${articleId}.${localId}`;

/** The json-rules-engine rule a condition tree runs as: one per tree, named by its role and owner. */
export const ruleName = (tree: Pick<ConditionTree, 'role' | 'owner'>) => `${tree.role}:${tree.owner}`;

/** The knowledge base as json-rules-engine rules, with the provenance annotations left out. */
export function toEngineRules(kb: KnowledgeBase): RuleProperties[] {
  return kb.articles.flatMap((article) => conditionTrees(article, kb.bounds).map((tree) => engineRule(ruleName(tree), tree.tree)));
}

/**
 * A json-rules-engine rule for one condition tree; its event is its name, so a result is traced
 * back to its tree.
 */
export function engineRule(name: string, conditions: TopCondition): RuleProperties {
  return { name, conditions: engineCondition(conditions) as TopLevelCondition, event: { type: name } };
}

/** A condition as json-rules-engine takes it: the provenance annotations left out. */
export function engineCondition(condition: Condition): unknown {
  return foldCondition<unknown>(condition, {
    fact: ({ fact, operator, value }) => ({ fact, operator, value }),
    all: (all) => ({ all }),
    any: (any) => ({ any }),
    not: (not) => ({ not }),
  });
}
