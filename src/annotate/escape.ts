/**
 * Ticket text made safe for each place a note goes. Only quotes of the ticket need it: the rest
 * of a note is the knowledge base's own text. What a quote may contain is whatever the ticket's
 * author typed between the words a pattern matched ("port 135 <img src=x onerror=y> blocked").
 */

/** A quote is cut to this many characters, and ends with … when it was. */
export const MAX_QUOTE_LENGTH = 80;

// Line and paragraph breaks, other control characters and the bidirectional overrides and
// isolates (which can make a line read backwards) all become spaces: a quote stays on its line
// and reads as written.
const BREAK_OR_CONTROL = String.raw`[\s\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]`;
const BREAKS_AND_CONTROLS = new RegExp(`${BREAK_OR_CONTROL}+`, 'gu');
// What BREAKS_AND_CONTROLS or trim would change (a quick test: most quotes hold none): a
// character of either but the plain space, two spaces in a row, or a space at an end.
const NEEDS_ONE_LINE = new RegExp(`(?! )${BREAK_OR_CONTROL}| {2}|^ | $`, 'u');

/** A quote on one line (runs of spaces, breaks and controls made one space), cut to MAX_QUOTE_LENGTH. */
export function oneLineQuote(text: string): string {
  const line = NEEDS_ONE_LINE.test(text) ? text.replace(BREAKS_AND_CONTROLS, ' ').trim() : text;
  return line.length > MAX_QUOTE_LENGTH ? `${line.slice(0, MAX_QUOTE_LENGTH - 1)}…` : line;
}

/**
 * Text that Markdown shows as it is: CommonMark lets every ASCII punctuation character be
 * escaped with a backslash, and an escaped one starts no link, emphasis, HTML tag or entity.
 */
export function markdownLiteral(text: string): string {
  return HOLDS_ASCII_PUNCTUATION.test(text) ? text.replace(ASCII_PUNCTUATION, '\\$&') : text;
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
// The same characters, asked of a quote first: many hold none, and a replace copies the text.
const HOLDS_ASCII_PUNCTUATION = new RegExp(ASCII_PUNCTUATION.source);

/**
 * Text for a ServiceNow journal field (work notes): plain text, except that [code]...[/code]
 * shows HTML. The brackets of those tags become full-width brackets, which ServiceNow does not read.
 */
export function journalText(text: string): string {
  return text.replace(/\[(\s*\/?\s*code\s*)\]/gi, '［$1］');
}
