/**
 * Where a text's grapheme clusters (what a reader sees as one character) start and end, as
 * Intl.Segmenter finds them; a phrase is found only from one boundary to another, so that the "e"
 * of a decomposed "é" (an "e" and a combining accent) is no "e" of a phrase.
 *
 * Asks the segmenter only of the texts that need it. Below U+0300 no code unit is part of a
 * cluster with the one before it (the combining marks, the joiners, the Hangul jamo and the
 * surrogates, which the rules of Unicode's annex 29 join, all lie above), save a line feed after
 * a carriage return: a ticket in English, German or French is one cluster per code unit.
 */
export class GraphemeBoundaries {
  private boundaries: Uint8Array | undefined;

  constructor(private readonly text: string) {}

  /** Whether a cluster of the text starts or ends at the offset `at` (0 to its length). */
  at(at: number): boolean {
    const { text } = this;
    if (at === 0 || at === text.length) return true;
    const before = text.charCodeAt(at - 1);
    const after = text.charCodeAt(at);
    if (before < FIRST_JOINING && after < FIRST_JOINING && !(before === CR && after === LF)) return true;
    this.boundaries ??= segmented(text);
    return this.boundaries[at] === 1;
  }
}

// U+0300, the first combining mark: no code unit below it joins the one before it in a cluster.
const FIRST_JOINING = 0x300;
const CR = 0x0d;
const LF = 0x0a;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// The code units the segmenter is given at once. Node's segmenter copies the whole text it
// segments for each cluster it gives (a 60,000-character Russian ticket took 0.4 s, and past
// 64 K code units a minute): a text is segmented a window at a time, each from the last
// boundary of the one before, where the rules of annex 29 start afresh.
const WINDOW = 256;

function segmented(text: string): Uint8Array {
  const boundaries = new Uint8Array(text.length + 1);
  boundaries[text.length] = 1;
  for (let from = 0, width = WINDOW; from < text.length;) {
    let to = Math.min(from + width, text.length);
    // Never between the two halves of a surrogate pair: the segmenter would read a lone one.
    if (to < text.length && isHighSurrogate(text.charCodeAt(to - 1))) to += 1;
    // The window's end is a boundary to the segmenter, not always to the text: it is left out
    // unless it is the text's end, and the next window starts at the last boundary before it.
    let last = from;
    for (const { index } of segmenter.segment(text.slice(from, to))) {
      boundaries[from + index] = 1;
      last = from + index;
    }
    if (to === text.length) break;
    // A cluster longer than the window (a letter under hundreds of accents): a wider one.
    if (last === from) width *= 2;
    else [from, width] = [last, WINDOW];
  }
  return boundaries;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}
