import type { RuleProperties, TopLevelCondition } from 'json-rules-engine';
import type { KnowledgeBase } from '../kb/load';
import { isFactCondition, type Condition, type TopCondition } from '../kb/model';

/** Rule names: one rule per diagnosis and one per workaround with applicability conditions. */
export const diagnosisRuleName = (qualifiedId: string) => `diagnosis:${qualifiedId}`;
export const workaroundRuleName = (qualifiedId: string) => `workaround:${qualifiedId}`;

export const qualify = (articleId: string, localId: string) => `${articleId}.${localId}`;

/** The knowledge base as json-rules-engine rules, with the provenance annotations left out. */
export function toEngineRules(kb: KnowledgeBase): RuleProperties[] {
  const rules: RuleProperties[] = [];
  for (const article of kb.articles) {
    for (const diagnosis of article.diagnoses) {
      rules.push(rule(diagnosisRuleName(qualify(article.id, diagnosis.id)), diagnosis.conditions));
    }
    for (const workaround of article.workarounds) {
      if (workaround.applicability) {
        rules.push(rule(workaroundRuleName(qualify(article.id, workaround.id)), workaround.applicability.conditions));
      }
    }
  }
  return rules;
}

function rule(name: string, conditions: TopCondition): RuleProperties {
  return { name, conditions: engineCondition(conditions) as TopLevelCondition, event: { type: name } };
}

/** A condition as json-rules-engine takes it: the provenance annotations left out. */
export function engineCondition(condition: Condition): unknown {
  if (isFactCondition(condition)) return { fact: condition.fact, operator: condition.operator, value: condition.value };
  if ('all' in condition) return { all: condition.all.map(engineCondition) };
  if ('any' in condition) return { any: condition.any.map(engineCondition) };
  return { not: engineCondition(condition.not) };
}
