import { escapeRegExp } from '../kb/escape-regexp';

/**
 * Where the clauses of one text start, found once for the whole text, so that each match looks up
 * the start of its clause in logarithmic time. (Looking back from every match over the text
 * before it, as extraction first did, made annotation quadratic in the length of a ticket.)
 *
 * A clause starts just after the last clause break that ends at or before a position, or at 0.
 * Breaks are matched without regard to case, and overlapping occurrences all count.
 */
export class ClauseStarts {
  private readonly ends: Int32Array;

  constructor(text: string, breaks: readonly string[]) {
    const ends = new Ends();
    for (const found of breaks) {
      if (!UNCASED.test(found)) continue;
      for (let at = text.indexOf(found); at >= 0; at = text.indexOf(found, at + 1)) ends.push(at + found.length);
    }
    for (const regex of breakExpressions(breaks)) {
      regex.lastIndex = 0;
      for (let match = regex.exec(text); match; match = regex.exec(text)) {
        ends.push(match.index + match[0].length);
        regex.lastIndex = match.index + 1;
      }
    }
    this.ends = ends.sorted();
  }

  /** The start of the clause that `index` is in. */
  before(index: number): number {
    const at = lastAtOrBefore(this.ends, index);
    return at < 0 ? 0 : this.ends[at]!;
  }

  /** The start of the clause after the one `index` is in, or undefined for the last clause. */
  after(index: number): number | undefined {
    return this.ends[lastAtOrBefore(this.ends, index) + 1];
  }
}

/**
 * The ends of a text's breaks as they are found, in a typed array that doubles as it fills, then
 * sorted natively. A plain array grown by push and sorted with a comparator took a 60,000-character
 * ticket's fifteen thousand line breaks six times as long as half as many (time spent growing and
 * collecting the array, not finding the breaks).
 */
class Ends {
  private values = new Int32Array(64);
  private length = 0;

  push(end: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length] = end;
    this.length += 1;
  }

  sorted(): Int32Array {
    return this.values.slice(0, this.length).sort();
  }
}

/**
 * Every match of a global regular expression, by exec: String.prototype.matchAll copies the
 * expression on every call, which was the largest single cost of annotating a ticket.
 */
export function matches(regex: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  eachMatchOf(regex, text, (match) => found.push(match));
  return found;
}

/** Visits every match `matches` returns, in order, without an array of them (most expressions match nothing, some very often). */
export function eachMatchOf(regex: RegExp, text: string, visit: (match: RegExpExecArray) => void): void {
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    if (match[0] === '') regex.lastIndex += 1;
    visit(match);
  }
}

/** The index of the last of the sorted `values` that is at most `limit`, or -1. */
export function lastAtOrBefore(values: ArrayLike<number>, limit: number): number {
  let low = 0;
  let high = values.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (values[middle]! <= limit) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

// A break of ASCII characters that are no letters (". ", "\n") has no other case: indexOf finds it
// where a case-insensitive expression would, without an array for every match, and a ticket is
// split into its sentences and clauses by a dozen of them. (Without the "u" flag no character
// beyond ASCII matches one within it without regard to case.)
const UNCASED = /^[^A-Za-z\u0080-\uffff]+$/;

// The expressions for a list's clause breaks that have case, built once per list (a knowledge
// base's lists live as long as it does) rather than once per text.
const expressionsOf = new WeakMap<readonly string[], RegExp[]>();

function breakExpressions(breaks: readonly string[]): RegExp[] {
  let expressions = expressionsOf.get(breaks);
  if (!expressions) {
    expressions = breaks.filter((found) => !UNCASED.test(found)).map((found) => new RegExp(escapeRegExp(found), 'gi'));
    expressionsOf.set(breaks, expressions);
  }
  return expressions;
}
