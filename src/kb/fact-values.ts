import { KnowledgeBaseError } from './errors';

/**
 * Stops at the first of `values` that is not among `allowed`, the values of `fact`: the error
 * names the file, the JSON pointer `pointerOf` gives for the value's index, and what is allowed.
 * Every place a rules file gives a fact's value checks it so, with the same message.
 */
export function checkFactValues(values: readonly unknown[], allowed: readonly unknown[], fact: string, file: string, pointerOf: (index: number) => string): void {
  values.forEach((value, index) => {
    if (!allowed.includes(value)) {
      throw new KnowledgeBaseError(file, pointerOf(index), `${JSON.stringify(value)} is not a value of fact "${fact}"; allowed: ${allowed.map((v) => JSON.stringify(v)).join(', ')}`);
    }
  });
}
