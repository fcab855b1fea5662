import type { Extraction } from '../kb/extraction';
import { ClauseStarts, lastAtOrBefore, matches } from './clauses';
import { tokenize, type Tokens } from './language';
import type { Sentences } from './sentences';

/**
 * Whether a match in one text is negated: a negation cue among the `window` tokens of its clause
 * before it ("we don't use NAT", "there is no NAT", "we are not using ISA"). The sentence around
 * a match is tokenized the first time one of its matches is asked about (language.ts), so the
 * contractions read as "not" whatever their spelling, and no text is tokenized twice.
 */
// How far before a match the quick test for a negation cue looks, in characters.
const LOOK_BACK = 64;

export class Negation {
  private readonly tokensOf = new Map<number, Tokens>();

  constructor(
    private readonly text: string,
    private readonly extraction: Extraction,
    private readonly sentences: Sentences,
  ) {}

  at(index: number): boolean {
    const { window, cues, clauseBreaks, cueText } = this.extraction.negation;
    // Most matches have no cue anywhere near: when the text just before one holds `window` gaps
    // between words (so every token the window looks at lies in it) and no cue's spelling, the
    // sentence need not be tokenized.
    const before = this.text.slice(Math.max(this.sentences.startOf(index), index - LOOK_BACK), index);
    if (!cueText.test(before) && (before.match(/\s+/g)?.length ?? 0) > window) return false;
    const { normals, starts } = this.sentenceTokens(index);
    // The token the match starts in; the cue must stand before it.
    const first = lastAtOrBefore(starts, index);
    for (let i = first - 1; i >= 0 && i >= first - window; i -= 1) {
      if (clauseBreaks.has(normals[i])) return false;
      if (cues.has(normals[i])) return true;
    }
    return false;
  }

  private sentenceTokens(index: number): Tokens {
    const start = this.sentences.startOf(index);
    let tokens = this.tokensOf.get(start);
    if (!tokens) {
      const read = tokenize(this.text.slice(start, this.sentences.endOf(index)));
      tokens = { normals: read.normals, starts: read.starts.map((s) => s + start), ends: read.ends.map((e) => e + start) };
      this.tokensOf.set(start, tokens);
    }
    return tokens;
  }
}

/**
 * Whose address stands at a position of one text: the role of the nearest cue before it in its
 * clause ("the Exchange server is 10.0.0.5"), or none.
 */
export class AddressRoles {
  private readonly clauses: ClauseStarts;
  // Every cue's matches in the whole text, found once. A cue cannot run across a clause break
  // (cues are words; breaks end in a space or a line break) nor into an address (an address
  // starts after a character that is not part of a word), so a clause's cues are among these.
  private readonly cues: { role: string; starts: number[]; ends: number[] }[];

  private readonly following: Extraction['addresses']['following'];

  constructor(
    private readonly text: string,
    { addresses }: Extraction,
  ) {
    this.following = addresses.following;
    this.clauses = new ClauseStarts(text, addresses.clauseBreaks);
    this.cues = addresses.cues.map(({ regex, role }) => {
      const found = matches(regex, text);
      return { role, starts: found.map((m) => m.index), ends: found.map((m) => m.index + m[0].length) };
    });
  }

  /** The role of the address text[index, end): a cue right after it, else the nearest before it. */
  at(index: number, end = index): string | undefined {
    for (const { regex, role } of this.following) {
      regex.lastIndex = end;
      if (regex.test(this.text)) return role;
    }
    const clauseStart = this.clauses.before(index);
    let nearest: { end: number; role: string } | undefined;
    for (const cue of this.cues) {
      const last = lastAtOrBefore(cue.ends, index);
      if (last < 0 || cue.starts[last] < clauseStart) continue;
      // On a tie the first cue in extraction.json wins.
      if (!nearest || cue.ends[last] > nearest.end) nearest = { end: cue.ends[last], role: cue.role };
    }
    return nearest?.role;
  }
}
