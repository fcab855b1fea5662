import { visitRegExpAST, type AST } from '@eslint-community/regexpp';
import { parseExpression } from './expression-syntax';

/**
 * The first top-level alternative of `source` that does not hold capture group `group`, by its
 * index, or undefined when every one does. A pattern read with valueFromGroup gives no value where
 * the alternative that matched lacks the group: groups are numbered across the whole expression,
 * so "outlook (2003)|(2003) version of outlook" reads its second way as group 2, never group 1,
 * and matches without a value.
 */
export function alternativeWithoutGroup(source: string, group: number): number | undefined {
  const pattern = parseExpression(source);
  const numbered: AST.CapturingGroup[] = [];
  visitRegExpAST(pattern, { onCapturingGroupEnter: (node) => numbered.push(node) });
  const wanted = numbered[group - 1];
  if (!wanted) return 0;
  const index = pattern.alternatives.findIndex((alternative) => wanted.start < alternative.start || wanted.end > alternative.end);
  return index === -1 ? undefined : index;
}
