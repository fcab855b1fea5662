import type { Alternatives } from '../kb/alternatives';
import { passes } from '../kb/prefilter';
import { eachMatchOf } from './clauses';

/**
 * Visits each match of a global expression in `text`, in order, as exec finds them one after the
 * other (an empty match steps one character on), searching only the alternatives of it that the
 * ticket can match (see Alternatives): `found` says which required texts it holds.
 *
 * Two or more of them are searched side by side and their matches merged as the whole expression
 * would choose: at the leftmost position where any matches, the first in the expression's order
 * wins, and the search goes on after its match. An alternative's next match is searched again
 * only when the chosen one overlaps it: lookbehinds read the whole text, so where a search starts
 * changes nothing but which matches it can return.
 */
export function eachMatch(regex: RegExp, alternatives: Alternatives | undefined, text: string, found: Uint8Array, visit: (match: RegExpExecArray) => void): void {
  const searched = alternatives && searchedAlternatives(alternatives, found);
  if (searched === undefined) return eachMatchOf(regex, text, visit);
  if (searched.length <= 1) {
    if (searched.length === 1) eachMatchOf(searched[0]!, text, visit);
    return;
  }
  const next = searched.map((expression) => matchFrom(expression, text, 0));
  for (;;) {
    let chosen = -1;
    for (let i = 0; i < next.length; i += 1) {
      if (next[i] && (chosen < 0 || next[i]!.index < next[chosen]!.index)) chosen = i;
    }
    if (chosen < 0) return;
    const match = next[chosen]!;
    visit(match);
    const after = match.index + Math.max(match[0].length, 1);
    for (let i = 0; i < next.length; i += 1) {
      if (next[i] && next[i]!.index < after) next[i] = matchFrom(searched[i]!, text, after);
    }
  }
}

/** Every match eachMatch visits, in order. */
export function matchesOf(regex: RegExp, alternatives: Alternatives | undefined, text: string, found: Uint8Array): RegExpExecArray[] {
  const all: RegExpExecArray[] = [];
  eachMatch(regex, alternatives, text, found, (match) => all.push(match));
  return all;
}

/** Whether the expression matches anywhere in `text`, searching only the alternatives the ticket can match. */
export function matchesAnywhere(regex: RegExp, alternatives: Alternatives | undefined, text: string, found: Uint8Array): boolean {
  const searched = alternatives && searchedAlternatives(alternatives, found);
  return (searched ?? [regex]).some((expression) => matchFrom(expression, text, 0) !== null);
}

/** The alternatives a ticket holds the texts of, in the expression's order; nothing when it holds those of all (the whole expression is then searched as it is). */
function searchedAlternatives({ expressions, prefilters }: Alternatives, found: Uint8Array): RegExp[] | undefined {
  const searched = expressions.filter((_, i) => passes(prefilters[i]!, found));
  return searched.length === expressions.length ? undefined : searched;
}

function matchFrom(regex: RegExp, text: string, from: number): RegExpExecArray | null {
  regex.lastIndex = from;
  return regex.exec(text);
}
