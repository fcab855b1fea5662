import type { SpokenForms } from '../kb/extraction';
import { lastAtOrBefore } from './clauses';

/** A text with its spoken forms read as words, and the way back to offsets in the text as written. */
export interface SpokenText {
  text: string;
  /** The offset in the written text where a span starting at `index` of `text` starts. */
  start(index: number): number;
  /** The offset in the written text where a span ending at `index` of `text` ends: a span ending inside a word read from a spoken form ends where the form does. */
  end(index: number): number;
}

interface Rewrite {
  /** Where the word stands in the rewritten text, and how long it is. */
  at: number;
  length: number;
  /** Where the form it stands for stood in the written text, and how long it was. */
  from: number;
  fromLength: number;
}

/**
 * `text` with each spoken or split form (extraction.json `spokenForms`: "n a t", "out look", "one
 * three five") read as the word it stands for, in one pass of one expression whose alternatives
 * are the forms, in their order. The text gets shorter, so spans found in it are mapped back: the
 * evidence quotes what the caller wrote ("n a t in between"), and a form's word is never longer
 * than the form.
 */
export function readSpokenForms(text: string, forms: SpokenForms | undefined): SpokenText {
  const rewrites: Rewrite[] = [];
  let shift = 0;
  const rewritten = forms
    ? text.replace(forms.regex, (match: string, ...rest: unknown[]) => {
        const word = forms.words[rest.findIndex((group) => group !== undefined)];
        const offset = rest[forms.words.length] as number;
        if (word === undefined || word.length > match.length) return match;
        rewrites.push({ at: offset - shift, length: word.length, from: offset, fromLength: match.length });
        shift += match.length - word.length;
        return word;
      })
    : text;
  if (rewrites.length === 0) return { text, start: (index) => index, end: (index) => index };
  const starts = rewrites.map((rewrite) => rewrite.at);
  return {
    text: rewritten,
    start: (index) => mapped(rewrites, starts, index, false),
    end: (index) => mapped(rewrites, starts, index, true),
  };
}

/**
 * `index` of the rewritten text in the written one, found by the last word that starts before it
 * (`starts`: the words' offsets, in order), in logarithmic time: a text read for many facts maps
 * many spans. Inside that word, a start maps to the form's start and an end (up to the word's end)
 * to the form's end; past it, the text is shifted as the forms before it shortened it. An end at a
 * word's start is before the word.
 */
function mapped(rewrites: Rewrite[], starts: number[], index: number, isEnd: boolean): number {
  const before = rewrites[lastAtOrBefore(starts, index - 1)];
  if (!before) return index;
  const wordEnd = before.at + before.length;
  if (index < wordEnd || (isEnd && index === wordEnd)) return isEnd ? before.from + before.fromLength : before.from;
  return index + before.from + before.fromLength - wordEnd;
}
