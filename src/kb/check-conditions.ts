import { KnowledgeBaseError } from './errors';
import { forEachFactCondition } from './condition-walk';
import type { Condition, FactCondition, FactDefinition, Scalar } from './model';
import type { Vocabulary } from './vocabulary';

/**
 * Checks every fact condition under `condition` against the vocabulary: the fact exists, the
 * operator suits the fact's type, and every value is one the fact can take. A rule that tests a
 * value no caller can send would silently never fire, so it stops the load instead.
 */
export function checkConditions(condition: Condition, vocabulary: Vocabulary, file: string, pointer: string): void {
  forEachFactCondition(condition, (leaf, place) => checkFactCondition(leaf, vocabulary, file, place.pointer), pointer);
}

const operatorsByType: Record<FactDefinition['type'], readonly string[]> = {
  string: ['equal', 'notEqual', 'in', 'notIn'],
  boolean: ['equal', 'notEqual'],
  'string-list': ['contains', 'doesNotContain'],
  // Rules test the address spaces derived from IP addresses, never the addresses themselves.
  'ip-address': [],
};

function checkFactCondition(condition: FactCondition, vocabulary: Vocabulary, file: string, pointer: string): void {
  const definition = vocabulary.get(condition.fact);
  if (!definition) {
    throw new KnowledgeBaseError(
      file,
      `${pointer}/fact`,
      `unknown fact "${condition.fact}"; known facts: ${vocabulary.names.join(', ')}; a new fact goes in rules/facts.json first (docs/authoring.md)`,
    );
  }
  if (condition.standsFor !== undefined && (condition.standsFor === condition.fact || !vocabulary.get(condition.standsFor))) {
    throw new KnowledgeBaseError(file, `${pointer}/standsFor`, `"${condition.standsFor}" must be another fact of the vocabulary`);
  }
  const operators = operatorsByType[definition.type];
  if (!operators.includes(condition.operator)) {
    const allowed = operators.length ? operators.join(', ') : 'none (test the derived address-space fact instead)';
    throw new KnowledgeBaseError(file, `${pointer}/operator`, `operator "${condition.operator}" does not suit ${definition.type} fact "${condition.fact}"; allowed: ${allowed}`);
  }
  const listOperator = condition.operator === 'in' || condition.operator === 'notIn';
  if (listOperator !== Array.isArray(condition.value)) {
    throw new KnowledgeBaseError(file, `${pointer}/value`, `operator "${condition.operator}" takes ${listOperator ? 'a list of values' : 'a single value'}`);
  }
  const allowed = vocabulary.allowedValues(condition.fact) ?? [];
  const values: Scalar[] = Array.isArray(condition.value) ? condition.value : [condition.value];
  values.forEach((value, i) => {
    if (!allowed.includes(value)) {
      const at = Array.isArray(condition.value) ? `${pointer}/value/${i}` : `${pointer}/value`;
      throw new KnowledgeBaseError(
        file,
        at,
        `${JSON.stringify(value)} is not a value of fact "${condition.fact}"; allowed: ${allowed.map((v) => JSON.stringify(v)).join(', ')}; a new value goes in rules/facts.json first, with its label (docs/authoring.md)`,
      );
    }
  });
}
