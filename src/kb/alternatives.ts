import { visitRegExpAST, type AST } from '@eslint-community/regexpp';
import { parseExpression } from './expression-syntax';
import { requiresSomething, type Prefilter } from './prefilter';

/**
 * The top-level alternatives of an expression ("A|B|C"), each compiled on its own, with the texts
 * a ticket must hold for it to match. A ticket that lacks an alternative's texts cannot match it
 * anywhere, so leaving it out of the search changes no match: annotation searches only the
 * alternatives a ticket can match (src/annotate/alternative-search.ts). Irregexp tries every
 * alternative at every position of the text; the large expressions of extraction.json hold up to
 * some forty, of which a ticket can match one or two. Searching those alone halved the time of
 * those patterns' searches timed on their own; in a whole annotation, interleaved with the build
 * before, it made annotation 3 to 5% faster.
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
  if (holdsCaptureGroup(pattern)) return undefined;
  const sources = waysOf(pattern.alternatives);
  if (sources.length < 2) return undefined;
  const expressions = sources.map((source) => new RegExp(source, regex.flags));
  const prefilters = expressions.map(prefilterOf);
  return prefilters.some(requiresSomething) ? { expressions, prefilters } : undefined;
}

/**
 * The sources of the alternatives, in order, with those of a group that stands alone in one
 * (beside assertions only) read as its own, the assertions around the group written around each:
 * "\b(?:forward|map)\b" is "\bforward\b" and "\bmap\b". An assertion matches in one way only,
 * so trying A then B after it is trying it before A, then before B: the choice of the whole stays
 * the same. (A quantified or capturing group, or one beside anything else, stays as it is.)
 */
function waysOf(alternatives: readonly AST.Alternative[]): string[] {
  return alternatives.flatMap((alternative) => {
    const groups = alternative.elements.filter((element) => !isPlainAssertion(element));
    const [group] = groups;
    if (groups.length !== 1 || group!.type !== 'Group') return [alternative.raw];
    const at = alternative.elements.indexOf(group);
    const before = alternative.elements
      .slice(0, at)
      .map((element) => element.raw)
      .join('');
    const after = alternative.elements
      .slice(at + 1)
      .map((element) => element.raw)
      .join('');
    return waysOf(group.alternatives).map((way) => `${before}(?:${way})${after}`);
  });
}

/** \b, \B, ^, $ and lookarounds: they take no characters and match in one way (a lookaround, once it holds, is not tried again another way). */
function isPlainAssertion(element: AST.Element): boolean {
  return element.type === 'Assertion';
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
