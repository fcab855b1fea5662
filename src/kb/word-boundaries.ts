import type { AST } from '@eslint-community/regexpp';
import { parseExpression } from './expression-syntax';

/**
 * Where an expression compiled without the "u" flag puts a word boundary (\b) against a letter
 * outside ASCII: the text around it, or undefined. Without "u", \b knows only [A-Za-z0-9_] as word
 * characters, so in "\bär inte" or "\bстатическ" the boundary holds only after an ASCII letter,
 * never after the space that starts a word: the branch can never match where it was meant to.
 * (Russian "динамический IP" went unread for that reason.) A branch is reported when the only
 * character it can start (or end) with there is such a letter.
 */
export function deadWordBoundary(source: string): string | undefined {
  return inAlternatives(parseExpression(source).alternatives, source);
}

function inAlternatives(alternatives: readonly AST.Alternative[], source: string): string | undefined {
  for (const { elements } of alternatives) {
    for (const [i, element] of elements.entries()) {
      if (element.type === 'Assertion' && element.kind === 'word' && !element.negate) {
        const next = elements[i + 1];
        const previous = elements[i - 1];
        if ((next && startsDead(next)) || (previous && endsDead(previous))) return source.slice(Math.max(0, element.start - 20), element.end + 20);
      }
      const inner = nested(element);
      const found = inner && inAlternatives(inner, source);
      if (found) return found;
    }
  }
  return undefined;
}

function nested(element: AST.Element): readonly AST.Alternative[] | undefined {
  if (element.type === 'Group' || element.type === 'CapturingGroup') return element.alternatives;
  if (element.type === 'Assertion' && (element.kind === 'lookahead' || element.kind === 'lookbehind')) return element.alternatives;
  if (element.type === 'Quantifier') return nested(element.element);
  return undefined;
}

function startsDead(element: AST.Element): boolean {
  return edgeDead(element, (elements) => elements[0]);
}

function endsDead(element: AST.Element): boolean {
  return edgeDead(element, (elements) => elements[elements.length - 1]);
}

function edgeDead(element: AST.Element, edge: (elements: readonly AST.Element[]) => AST.Element | undefined): boolean {
  switch (element.type) {
    case 'Character':
      return isNonAsciiLetter(element.value);
    case 'CharacterClass':
      return !element.negate && element.elements.length > 0 && element.elements.every((part) => part.type === 'Character' && isNonAsciiLetter(part.value));
    case 'Group':
    case 'CapturingGroup':
      return element.alternatives.some((alternative) => {
        const first = edge(alternative.elements);
        return first !== undefined && edgeDead(first, edge);
      });
    case 'Quantifier':
      return element.min > 0 && edgeDead(element.element, edge);
    default:
      return false;
  }
}

function isNonAsciiLetter(codePoint: number): boolean {
  return codePoint > 0x7f && /\p{L}/u.test(String.fromCodePoint(codePoint));
}
