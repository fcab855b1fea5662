import { automatonOf, type PhraseList } from '../kb/phrases';

interface PhraseHit {
  /** Index into the list's uses. */
  use: number;
  start: number;
  end: number;
}

const WORD = /[a-z0-9]/;

/**
 * The phrases of a list found in a text made by normalizeText, as whole words (a plural counts:
 * "FortiGates"). Overlapping phrases are all found ("ISA" within "ISA Server 2004").
 */
export function findPhrases(normalized: string, list: PhraseList): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (const match of automatonOf(list).search(normalized)) {
    const entry = list.entries[match.patternIndex]!;
    if (entry.wordStart && match.start > 0 && WORD.test(normalized[match.start - 1]!)) continue;
    let end = match.end;
    if (entry.wordEnd && end < normalized.length && WORD.test(normalized[end]!)) {
      end = entry.plural ? pluralEnd(normalized, end) : -1;
      if (end < 0) continue;
    }
    hits.push({ use: entry.use, start: match.start, end });
  }
  return hits;
}

function pluralEnd(text: string, end: number): number {
  for (const suffix of ['s', 'es']) {
    const after = end + suffix.length;
    if (text.startsWith(suffix, end) && (after >= text.length || !WORD.test(text[after]!))) return after;
  }
  return -1;
}
