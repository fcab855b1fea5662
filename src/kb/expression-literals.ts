import type { AST } from '@eslint-community/regexpp';
import { parseExpression } from './expression-syntax';

/**
 * Lists of texts such that every match of a regular expression holds one text of each list,
 * written as normalizeText writes a ticket (lower case; spaces, hyphens and underscores as
 * spaces): a ticket whose normalized text misses a list need not be searched. It is a prefilter
 * found for every expression, beside the `requires` a rule's author writes. Most of a ticket's
 * expressions match nothing in it, and running them was most of an annotation (a ticket ran
 * some 60 fact patterns and as many address cues, of which about five matched).
 *
 * Sound by construction, for expressions compiled with the flags "gi" and no "u": every text
 * given is made of characters the expression must match one for one, in a row, in any match (or
 * in a positive lookaround, which also reads the ticket), and each character is one a
 * case-insensitive match cannot find in another spelling that normalizeText writes differently
 * (ASCII, whose case variants are ASCII without "u", and the uncased kana and CJK ideographs).
 * An empty result is no prefilter.
 */
export function literalsOf(source: string, { spaceIsLiteral = true }: { spaceIsLiteral?: boolean } = {}): string[][] {
  const pattern = parseExpression(source);
  return new Derivation(spaceIsLiteral).ofAlternatives(pattern.alternatives);
}

/**
 * The lists literalsOf gives for each of the ways an expression can match, its top-level
 * alternatives (those of a group standing alone in one are its own): a ticket that meets no
 * way's lists is not searched. literalsOf's union over alternatives is met by a ticket that holds
 * "forward" for one way and "publish" for another; this is met only by one that holds all that a
 * single way requires. An expression of one way, or with a way that requires nothing, or of more
 * than MAX_WAYS, gives none.
 */
export function literalsByWay(source: string, { spaceIsLiteral = true }: { spaceIsLiteral?: boolean } = {}): string[][][] {
  const pattern = parseExpression(source);
  const ways = waysOf(pattern.alternatives);
  if (ways.length < 2 || ways.length > MAX_WAYS) return [];
  const derivation = new Derivation(spaceIsLiteral);
  const lists = ways.map((way) => derivation.ofAlternatives([way]));
  return lists.some((conjunction) => conjunction.length === 0) ? [] : lists;
}

// Each way is a few lookups per ticket; beyond this many, checking them costs about what the expression's run saves.
const MAX_WAYS = 16;

/** The alternatives, with a group that stands alone in one (but for \b, ^ and $, which take no characters) read as its own. */
function waysOf(alternatives: readonly AST.Alternative[]): AST.Alternative[] {
  return alternatives.flatMap((alternative) => {
    const taking = alternative.elements.filter((element) => !(element.type === 'Assertion' && (element.kind === 'word' || element.kind === 'start' || element.kind === 'end')));
    const [only] = taking;
    return taking.length === 1 && (only!.type === 'Group' || only!.type === 'CapturingGroup') ? waysOf(only.alternatives) : [alternative];
  });
}

// More texts than this in a list is a prefilter that passes most tickets, and a larger automaton for nothing.
const MAX_TEXTS = 24;
// Each character is a state of the automaton, but a longer text is rarer in a ticket: running on
// into the next word ("forwarded to", not "forwar") the prefilters of the first corpus skipped 16%
// more of the expressions a ticket ran (all of them finding nothing), for 2% more states; past 10
// they skipped no more.
const MAX_LENGTH = 10;
// The lists kept per expression: each is a lookup in the prefilter's array, read only when the ones before it are met.
const MAX_LISTS = 5;
// A text shorter than this is in nearly every ticket: no list is as good and costs nothing.
const MIN_LENGTH = 2;

/** Lists of texts, one text of each of which every match holds; the best first. */
type Conjunction = string[][];

class Derivation {
  constructor(private readonly spaceIsLiteral: boolean) {}

  /**
   * One of the alternatives matches. Where each requires one of its lists, one of those lists is
   * required: the union of each alternative's best list, then of each one's second best, and so on.
   */
  ofAlternatives(alternatives: readonly AST.Alternative[]): Conjunction {
    const each = alternatives.map((alternative) => this.ofSequence(alternative.elements));
    if (each.some((conjunction) => conjunction.length === 0)) return [];
    const lists: string[][] = [];
    for (let rank = 0; rank < Math.max(...each.map((c) => c.length)); rank += 1) {
      const union = new Set(each.flatMap((conjunction) => conjunction[Math.min(rank, conjunction.length - 1)]!));
      if (union.size <= MAX_TEXTS) lists.push([...union]);
    }
    return ranked(lists);
  }

  /** Every element matches, one after the other: what each requires, and the runs of literal characters between them. */
  private ofSequence(elements: readonly AST.Element[]): Conjunction {
    const lists: string[][] = [];
    let run = '';
    const endRun = () => {
      if (run !== '') lists.push([shortened(run)]);
      run = '';
    };
    for (const element of elements) {
      const single = this.literalCharacter(element);
      if (single !== undefined) {
        run += single;
        continue;
      }
      // \b, ^ and $ take no characters: the literals either side of them stand side by side.
      if (element.type === 'Assertion' && (element.kind === 'word' || element.kind === 'start' || element.kind === 'end')) continue;
      if (element.type === 'Quantifier') {
        const repeated = this.literalCharacter(element.element);
        if (repeated !== undefined && element.min >= 1) {
          run += repeated.repeat(Math.min(element.min, MAX_LENGTH));
          // After a variable count the next literal does not follow these at a known distance.
          if (element.max !== element.min) endRun();
          continue;
        }
        endRun();
        if (element.min >= 1) lists.push(...this.ofElement(element.element));
        continue;
      }
      endRun();
      lists.push(...this.ofElement(element));
    }
    endRun();
    return ranked(lists);
  }

  private ofElement(element: AST.Element): Conjunction {
    switch (element.type) {
      case 'Group':
      case 'CapturingGroup':
        return this.ofAlternatives(element.alternatives);
      case 'Assertion':
        // What a positive lookaround reads is in the ticket too; a negative one requires nothing.
        return (element.kind === 'lookahead' || element.kind === 'lookbehind') && !element.negate ? this.ofAlternatives(element.alternatives) : [];
      default: {
        const single = this.literalCharacter(element);
        return single === undefined ? [] : [[single]];
      }
    }
  }

  /** The normalized character an element matches, when it matches exactly one, in every case variant alike. */
  private literalCharacter(element: AST.Element | AST.QuantifiableElement): string | undefined {
    if (element.type === 'Character') return this.normalized(element.value);
    if (element.type === 'CharacterClass' && !element.negate && element.elements.length > 0) {
      const forms = new Set(element.elements.map((e) => (e.type === 'Character' ? this.normalized(e.value) : undefined)));
      const [only] = forms;
      return forms.size === 1 ? only : undefined;
    }
    return undefined;
  }

  /** A character as normalizeText writes every text character the expression matches it with, or undefined when that is not one character. */
  private normalized(code: number): string | undefined {
    const c = String.fromCharCode(code);
    if (/[\s_-]/.test(c)) return this.spaceIsLiteral ? ' ' : undefined;
    if (code < 0x80) return c.toLowerCase();
    return UNCASED.test(c) ? c : undefined;
  }
}

// Kana and CJK ideographs have no case: a case-insensitive match finds only themselves.
const UNCASED = /^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]$/;

/** The lists worth a lookup, the likeliest to be missing from a ticket first: longest shortest text, then fewest texts. */
function ranked(lists: readonly string[][]): Conjunction {
  const distinct = new Map(lists.map((list) => [[...new Set(list)].sort().join('\n'), [...new Set(list)]]));
  return [...distinct.values()]
    .filter((list) => score(list) >= MIN_LENGTH)
    .sort((a, b) => score(b) - score(a) || a.length - b.length)
    .slice(0, MAX_LISTS);
}

function score(texts: readonly string[]): number {
  return Math.min(...texts.map((text) => text.trim().length));
}

/** A run of literal characters cut to MAX_LENGTH: any part of it is in every match too; the part with fewest spaces is kept. */
function shortened(run: string): string {
  if (run.length <= MAX_LENGTH) return run;
  let kept = run.slice(0, MAX_LENGTH);
  for (let start = 1; start + MAX_LENGTH <= run.length; start += 1) {
    const part = run.slice(start, start + MAX_LENGTH);
    if (spaces(part) < spaces(kept)) kept = part;
  }
  return kept;
}

function spaces(text: string): number {
  return text.split(' ').length - 1;
}
