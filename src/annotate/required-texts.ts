import { buildCodeUnitAutomaton, nextState, outputsFrom, outputsTo, type CodeUnitAutomaton } from '../kb/code-unit-automaton';
import type { Prefilter } from '../kb/extraction';

/**
 * Which of `texts` (Extraction.requiredTexts) occur in a normalized ticket (normalizeText), by
 * index, found in one pass. Asking `includes` of the ticket once per text a rule requires (some
 * 250 of them) read a ticket hundreds of times and took more of its reading than the patterns
 * themselves.
 *
 * The pass is an Aho-Corasick automaton over UTF-16 code units (code-unit-automaton.ts), so a
 * text is found exactly where `includes` would find it (inside a word, or a letter before a
 * combining accent), which findPhrases, keeping to whole grapheme clusters, would not: a
 * prefilter must never skip a ticket its pattern would match. (A trie walked from every position,
 * with a Map per node, did the same in more steps and took 6% of an annotation; a dense table of
 * steps, 570 kB for some 2,900 states, ran no faster than the sparse one it shares with the
 * phrases.)
 */
export function requiredTextsIn(normalized: string, texts: readonly string[]): Uint8Array {
  const { automaton, everywhere } = automatonOf(texts);
  const { outputs } = automaton;
  const found = new Uint8Array(texts.length);
  for (const text of everywhere) found[text] = 1;
  // A state's texts are marked the first time the pass reaches it: later visits add nothing.
  // (Each state with texts has a range of outputs of its own, which stands for it here.)
  const reached = new Uint8Array(outputs.length);
  let state = 0;
  for (let at = 0; at < normalized.length; at += 1) {
    state = nextState(automaton, state, normalized.charCodeAt(at));
    const from = outputsFrom(automaton, state);
    const to = outputsTo(automaton, state);
    if (from === to || reached[from] === 1) continue;
    reached[from] = 1;
    for (let o = from; o < to; o += 1) found[outputs[o]!] = 1;
  }
  return found;
}

/**
 * Whether a ticket in which requiredTextsIn found `found` holds one text of each of the
 * prefilter's lists, and of each list of one way of each of its expressions. Loops rather than
 * every and some: it is asked some 400 times a ticket, and with the ways their callbacks cost more
 * than the lookups they make.
 */
export function passes({ lists, ways }: Prefilter, found: Uint8Array): boolean {
  if (!meets(lists, found)) return false;
  for (const byWay of ways) {
    let met = false;
    for (let way = 0; way < byWay.length && !met; way += 1) met = meets(byWay[way]!, found);
    if (!met) return false;
  }
  return true;
}

function meets(lists: Prefilter['lists'], found: Uint8Array): boolean {
  for (const texts of lists) {
    let met = false;
    for (let text = 0; text < texts.length && !met; text += 1) met = found[texts[text]!] === 1;
    if (!met) return false;
  }
  return true;
}

/** The automaton of a list of texts, and the empty texts, which are in every ticket, as `includes` says. */
interface Automaton {
  automaton: CodeUnitAutomaton;
  everywhere: number[];
}

// The automata of the lists this thread has read with, kept while their list is (a knowledge
// base's rules live as long as it does; worker threads get their own copy).
const automata = new WeakMap<readonly string[], Automaton>();

function automatonOf(texts: readonly string[]): Automaton {
  let automaton = automata.get(texts);
  if (!automaton) {
    automaton = { automaton: buildCodeUnitAutomaton(texts), everywhere: texts.flatMap((text, index) => (text === '' ? [index] : [])) };
    automata.set(texts, automaton);
  }
  return automaton;
}
