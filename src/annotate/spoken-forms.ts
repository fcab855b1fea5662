import type { SpokenForms } from '../kb/extraction';

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
  return {
    text: rewritten,
    start: (index) => mapped(rewrites, index, false),
    end: (index) => mapped(rewrites, index, true),
  };
}

function mapped(rewrites: Rewrite[], index: number, isEnd: boolean): number {
  let shift = 0;
  for (const rewrite of rewrites) {
    if (index < rewrite.at || (!isEnd && index === rewrite.at)) break;
    if (index < rewrite.at + rewrite.length || (isEnd && index === rewrite.at + rewrite.length)) {
      return isEnd ? rewrite.from + rewrite.fromLength : rewrite.from;
    }
    shift = rewrite.from + rewrite.fromLength - (rewrite.at + rewrite.length);
  }
  return index + shift;
}
