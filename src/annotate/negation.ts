import type { Extraction } from '../kb/extraction';
import { lastAtOrBefore } from './clauses';
import { tokenize, type Tokens } from './language';
import type { Sentences } from './sentences';

/** Splits a text into tokens with their normal forms (language.ts); swappable to compare tokenizers (scripts/compare-negation.ts). */
export type Tokenizer = (text: string) => Tokens;

// How far before a match the quick test for a negation cue looks, in characters.
const LOOK_BACK = 64;

/**
 * Whether a match in one text is negated: a negation cue among the `window` tokens of its clause
 * before it ("we don't use NAT", "there is no NAT", "we are not using ISA"). The sentence around
 * a match is tokenized the first time one of its matches is asked about (language.ts), so the
 * contractions read as "not" whatever their spelling, and no text is tokenized twice.
 */
export class Negation {
  private readonly tokensOf = new Map<number, Tokens>();

  constructor(
    private readonly text: string,
    private readonly extraction: Extraction,
    private readonly sentences: Sentences,
    private readonly tokenizer: Tokenizer = tokenize,
  ) {}

  /** Whether the match that starts at `index` is negated. */
  at(index: number): boolean {
    const { window, cues, clauseBreaks, cueText, fillers } = this.extraction.negation;
    // Most matches have no cue anywhere near: when the text just before one (from the start of
    // its sentence, or holding more than `window` gaps between words, so that every token the
    // window looks at lies in it) has no cue's spelling, the sentence need not be tokenized.
    const sentence = this.sentences.startOf(index);
    const from = Math.max(sentence, index - LOOK_BACK);
    const before = this.text.slice(from, index);
    // Each token the window counts may have an article before it, which it does not count: the
    // tokens it looks at lie in the last 2 × window words before the match (and the start of the
    // word the match is in). A cue's spelling further back ("no VPN needed, says the doc: the
    // server's port 135") is too far for the window to reach, and asks for no tokens.
    const near = lastWords(before, 2 * window);
    if (!cueText.test(near) && (from === sentence || near.length < before.length)) return false;
    const { normals, starts } = this.sentenceTokens(index);
    // The token the match starts in; the cue must stand before it.
    const first = lastAtOrBefore(starts, index);
    let counted = 0;
    for (let i = first - 1; i >= 0 && counted < window; i -= 1) {
      if (clauseBreaks.has(normals[i]!)) return false;
      if (cues.has(normals[i]!)) return true;
      // "doesn't come with a fixed address": an article is no step further from the cue.
      if (!fillers.has(normals[i]!)) counted += 1;
    }
    return false;
  }

  private sentenceTokens(index: number): Tokens {
    const start = this.sentences.startOf(index);
    let tokens = this.tokensOf.get(start);
    if (!tokens) {
      const read = this.tokenizer(this.text.slice(start, this.sentences.endOf(index)));
      tokens = { normals: read.normals, starts: read.starts.map((s) => s + start), ends: read.ends.map((e) => e + start) };
      this.tokensOf.set(start, tokens);
    }
    return tokens;
  }
}

/** The end of `text` that holds its last `count` whole words and the part of a word it ends in; all of it when it holds no more. */
function lastWords(text: string, count: number): string {
  // From the end, gap by gap (a run of white space, as \s reads it): asked for every match, a
  // search of the whole look-back with matchAll, which copies its expression, took 2% of an annotation.
  let gaps = 0;
  for (let at = text.length - 1; at >= 0; at -= 1) {
    if (!isSpace(text.charCodeAt(at))) continue;
    const gapEnd = at + 1;
    while (at > 0 && isSpace(text.charCodeAt(at - 1))) at -= 1;
    gaps += 1;
    if (gaps === count + 1) return text.slice(gapEnd);
  }
  return text;
}

// The white space \s matches, by code unit.
const SPACE = /\s/;
const ASCII_SPACE = Uint8Array.from({ length: 128 }, (_, unit) => (SPACE.test(String.fromCharCode(unit)) ? 1 : 0));

function isSpace(unit: number): boolean {
  return unit < 128 ? ASCII_SPACE[unit] === 1 : SPACE.test(String.fromCharCode(unit));
}
