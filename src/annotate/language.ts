import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * The words of a piece of text as wink-nlp reads them: its tokenizer splits contractions
 * ("can't", "cant", "couldn’t" become "can"/"could" and "not"; "won't" becomes "will" "not") and
 * gives each token its normal form, lower case with the contraction spelled out. Offsets are
 * into the text that was read, end exclusive.
 */
export interface Tokens {
  normals: string[];
  starts: number[];
  ends: number[];
}

// Only the tokenizer: sentence boundaries, parts of speech and wink's own negation scope cost
// 3 to 7 times as much per character, and its scope runs past what a negation governs ("can't
// connect since we installed the ASA" negates the ASA). Measured in docs/extraction.md.
let nlp: ReturnType<typeof winkNLP> | undefined;

/** Loads the language model (135 ms on this project's machine), once per process or thread. */
function loadLanguage(): void {
  nlp ??= winkNLP(model, []);
}

// wink-nlp knows its helpers by identity (any other function reads as its.value), so they are
// passed as they are; they use no `this`, which this view of them says.
type TokenHelper = (index: number, rdd: unknown) => string;

/** The tokens of a text, loading the language model on first use. */
export function tokenize(text: string): Tokens {
  loadLanguage();
  const its: { normal: TokenHelper; precedingSpaces: TokenHelper } = nlp!.its;
  const tokens = nlp!.readDoc(text).tokens();
  const normals = tokens.out<string>(its.normal);
  const values = tokens.out();
  const spaces = tokens.out<string>(its.precedingSpaces);
  const words: Tokens = { normals: [], starts: [], ends: [] };
  let at = 0;
  for (let i = 0; i < values.length; i += 1) {
    const start = located(text, values[i]!, at + spaces[i]!.length);
    at = Math.min(start + values[i]!.length, text.length);
    const last = words.ends.length - 1;
    if (last >= 0 && start === words.ends[last] && splitWithinWord(text, start)) {
      words.normals[last] += normals[i]!;
      words.ends[last] = at;
    } else {
      words.normals.push(normals[i]!);
      words.starts.push(start);
      words.ends.push(at);
    }
  }
  return words;
}

// The tokenizer knows the letters of Latin-1 only: it cuts a word at any other letter, so that
// Polish "całej" reads as "ca" "ł" "ej", and "ej" is Swedish for "not". A cut between two letters,
// one of them beyond Latin-1, is inside a word, and the pieces are joined again. Contractions
// are cut between letters it knows ("ca" "n't"), and stay cut.
const BEYOND_LATIN1_LETTER = /[\u{0100}-\u{10ffff}]/u;
const LETTER = /\p{L}/u;

function splitWithinWord(text: string, at: number): boolean {
  const before = text[at - 1];
  const after = text[at];
  if (before === undefined || after === undefined || !LETTER.test(before) || !LETTER.test(after)) return false;
  return BEYOND_LATIN1_LETTER.test(before) || BEYOND_LATIN1_LETTER.test(after);
}

// The tokenizer skips a few characters without counting them as spaces (a vertical tab before a
// control character), which would shift every later offset: a token is looked for a few
// characters on from where the counts put it, and left where they put it if it is not there.
const SKIPPED_AT_MOST = 8;

function located(text: string, token: string, expected: number): number {
  for (let at = expected; at <= expected + SKIPPED_AT_MOST && at < text.length; at += 1) {
    if (text.startsWith(token, at)) return at;
  }
  return Math.min(expected, text.length);
}
