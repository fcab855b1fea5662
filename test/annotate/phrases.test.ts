import fc from 'fast-check';
import AhoCorasick from 'modern-ahocorasick';
import { GraphemeBoundaries } from '../../src/annotate/grapheme-boundaries';
import { findPhrases } from '../../src/annotate/phrases';
import * as automata from '../../src/kb/code-unit-automaton';
import { loadKnowledgeBase } from '../../src/kb/load';
import { bundledRulesDir } from '../../src/paths';
import { PhraseListBuilder, WORD, normalizeText, type PhraseList } from '../../src/kb/phrases';
import { readBlindCorpora, readCorpus } from '../../harness/tickets';

// The phrases were found with the modern-ahocorasick library, by grapheme cluster; the project's
// automaton over code units must find exactly what it found, in the same order, which decides
// between equally confident readings.
function phrasesAsTheLibraryFound(normalized: string, list: PhraseList, library: AhoCorasick) {
  const hits: { use: number; start: number; end: number }[] = [];
  for (const match of library.search(normalized)) {
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

/** A list of one use per phrase, and its dictionary as the builder writes it (each phrase, and without its spaces). */
function listOf(phrases: readonly string[]): { list: PhraseList; dictionary: string[] } {
  const builder = new PhraseListBuilder();
  const dictionary: string[] = [];
  phrases.forEach((phrase, cue) => {
    builder.add([phrase], { kind: 'cue', cue });
    const normal = phrase
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, ' ');
    if (normal !== '') dictionary.push(...new Set([normal, normal.replaceAll(' ', '')]));
  });
  return { list: builder.build(), dictionary };
}

describe('phrases found by code unit, at grapheme cluster boundaries', () => {
  it('finds what the grapheme-cluster library found, in its order, around combining marks, joiners, flags, Hangul and line ends', () => {
    // é written as one code unit and as e + U+0301, a zero-width joiner, a regional indicator
    // (two surrogates), a Hangul syllable and its jamo, a carriage return before a line feed.
    const unit = fc.constantFrom('a', 'e', 's', 'n', ' ', '.', 'é', '\u0301', '\u200d', '\ud83c\udde9', '\ud83d\ude00', '한', '\u1100', '\u1161', '\r', '\n', '1');
    fc.assert(
      fc.property(fc.array(fc.string({ unit, minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }), fc.string({ unit, maxLength: 40 }), (phrases, ticket) => {
        const { list, dictionary } = listOf(phrases);
        expect(findPhrases(ticket, list)).toEqual(phrasesAsTheLibraryFound(ticket, list, new AhoCorasick(dictionary, { boundary: 'none' })));
      }),
      { numRuns: 3000, seed: 13 },
    );
  });

  it('finds a phrase only as a whole word, where an accented, Greek or Cyrillic letter is part of a word and a Chinese one is not', () => {
    const { list } = listOf(['cr', 'nat', '端口映射']);
    const found = (text: string) => findPhrases(text, list).map((hit) => text.slice(hit.start, hit.end));
    expect(found('nous avons créé une redirection')).toEqual([]);
    expect(found('cr 1234: nat for the server')).toEqual(['cr', 'nat']);
    expect(found('natα natж natō')).toEqual([]);
    expect(found('已经做了端口映射：tcp 135')).toEqual(['端口映射']);
  });

  it('finds what the library found with the bundled lexicons in every corpus ticket', () => {
    const { phrases, dictionary } = bundledPhrases();
    const library = new AhoCorasick(dictionary, { boundary: 'none' });
    const tickets = [...readCorpus(), ...readBlindCorpora().flatMap((corpus) => corpus.tickets)];
    for (const { id, subject, body } of tickets) {
      const normalized = normalizeText(`${subject}\n.\n${body}`);
      expect([id, findPhrases(normalized, phrases)]).toEqual([id, phrasesAsTheLibraryFound(normalized, phrases, library)]);
    }
  });

  it('sees a cluster boundary between any two code units below U+0300, but for a line feed after a carriage return', () => {
    // A thousand pairs to a text, each after a NUL, a control character, before and after which a
    // cluster always ends: the segmenter is slow to start, and slower still on long texts.
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const pairs = Array.from({ length: 0x300 * 0x300 }, (_, n) => String.fromCharCode(Math.floor(n / 0x300), n % 0x300));
    const unjoined: string[] = [];
    for (let from = 0; from < pairs.length; from += 1000) {
      const some = pairs.slice(from, from + 1000);
      const starts = new Uint8Array(3 * some.length + 1);
      for (const { index } of segmenter.segment(`\0${some.join('\0')}`)) starts[index] = 1;
      unjoined.push(...some.filter((_, n) => starts[3 * n + 2] !== 1));
    }
    expect(unjoined).toEqual(['\r\n']);
  });

  it('asks the segmenter where a combining mark or a joiner may join two code units, a window at a time, as over the whole text', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const agrees = (text: string) => {
      const boundaries = new GraphemeBoundaries(text);
      const starts = new Set([...segmenter.segment(text)].map((s) => s.index));
      const wrong = Array.from({ length: text.length + 1 }, (_, at) => at).filter((at) => boundaries.at(at) !== (at === text.length || starts.has(at)));
      expect(wrong).toEqual([]);
    };
    agrees('cafe\u0301 \ud83d\udc68\u200d\ud83d\udc69 a\r\nb');
    // Clusters across the segmenter's windows: a letter under 600 accents, 301 flags' halves in a
    // row (they pair from the first), a Devanagari conjunct (consonant, virama, consonant), an
    // Arabic prepended mark, Hangul jamo, an emoji sequence.
    agrees(`x${'a'.repeat(250)}${'\u0301'.repeat(600)} b`);
    agrees(`y${'\ud83c\udde9'.repeat(301)}z`);
    const unit = fc.constantFrom('a', ' ', '\r', '\n', 'е', '\u0301', '\u200d', '\ud83d\ude00', '\u00a9', '\ud83c\udde9', '\u1100', '\u1161', '\u11a8', '\u0915', '\u094d', '\u0600', '\u0903');
    fc.assert(fc.property(fc.string({ unit, minLength: 200, maxLength: 1200 }), agrees), { numRuns: 500, seed: 17 });
  });
});

/** The bundled lexicons' phrase list, and the dictionary its automaton was built from, one text per entry. */
function bundledPhrases(): { phrases: PhraseList; dictionary: string[] } {
  const build = jest.spyOn(automata, 'buildCodeUnitAutomaton');
  try {
    const { phrases } = loadKnowledgeBase(bundledRulesDir).extraction;
    const built = build.mock.results.findIndex((result) => result.value === phrases.automaton);
    // The automaton holds the texts the prefilters require after the entries' phrases.
    return { phrases, dictionary: build.mock.calls[built]![0].slice(0, phrases.entries.length) };
  } finally {
    build.mockRestore();
  }
}
