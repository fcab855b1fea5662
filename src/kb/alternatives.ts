import { visitRegExpAST } from '@eslint-community/regexpp';
import { parseExpression } from './expression-syntax';
import type { Prefilter } from './prefilter';

/**
 * The top-level alternatives of an expression ("A|B|C"), each compiled on its own, with the texts
 * a ticket must hold for it to match. A ticket that lacks an alternative's texts cannot match it
 * anywhere, so leaving it out of the search changes no match: annotation searches only the
 * alternatives a ticket can match (src/annotate/alternative-search.ts). Irregexp tries every
 * alternative at every position of the text; the large expressions of extraction.json hold up to
 * some forty, of which a ticket can match one or two, and searching those alone halved the time
 * the fact patterns take.
 */
export interface Alternatives {
  /** Each alternative, with the flags of the whole. */
  expressions: RegExp[];
  /** What a ticket must hold for each to be searched, as RequiredTexts.prefilterOf writes it. */
  prefilters: Prefilter[];
}

/**
 * The alternatives of `regex`, or nothing: for an expression of one alternative, for one whose
 * alternatives no required text tells apart, and for one with capture groups (a group's number
 * counts the groups of the alternatives before it, which an alternative on its own does not).
 */
export function alternativesOf(regex: RegExp, prefilterOf: (expression: RegExp) => Prefilter): Alternatives | undefined {
  const pattern = parseExpression(regex.source);
  if (pattern.alternatives.length < 2 || holdsCaptureGroup(pattern)) return undefined;
  const expressions = pattern.alternatives.map((alternative) => new RegExp(alternative.raw, regex.flags));
  const prefilters = expressions.map(prefilterOf);
  return prefilters.some(requiresSomething) ? { expressions, prefilters } : undefined;
}

function holdsCaptureGroup(pattern: ReturnType<typeof parseExpression>): boolean {
  let found = false;
  visitRegExpAST(pattern, {
    onCapturingGroupEnter: () => {
      found = true;
    },
  });
  return found;
}

/** Whether a prefilter (see prefilterOf in prefilter.ts) holds any list: the empty one is [0 lists, 0 expressions]. */
function requiresSomething(prefilter: Prefilter): boolean {
  return prefilter[0] !== 0 || prefilter[1] !== 0;
}
