import type { Prefilter } from '../kb/extraction';

/**
 * Which of `texts` (Extraction.requiredTexts) occur in a normalized ticket (normalizeText), by
 * index, found in one pass. Asking `includes` of the ticket once per text a rule requires (some
 * 250 of them) read a ticket hundreds of times and took more of its reading than the patterns
 * themselves.
 *
 * The pass is an Aho-Corasick automaton over UTF-16 code units, one table step per code unit, so
 * a text is found exactly where `includes` would find it (inside a word, or a letter before a
 * combining accent). The Aho-Corasick library the phrases are found with matches whole grapheme
 * clusters, so it misses the "e" of a decomposed "é", which a pattern's regular expression still
 * reads: a prefilter must never skip a ticket its pattern would match. (A trie walked from every
 * position, with a Map per node, did the same in more steps and took 6% of an annotation.)
 */
export function requiredTextsIn(normalized: string, texts: readonly string[]): Uint8Array {
  const { unitClass, width, step, outputsFrom, outputs, everywhere } = automatonOf(texts);
  const found = new Uint8Array(texts.length);
  for (const text of everywhere) found[text] = 1;
  // A state's texts are marked the first time the pass reaches it: later visits add nothing.
  const reached = new Uint8Array(outputsFrom.length - 1);
  let state = 0;
  for (let at = 0; at < normalized.length; at += 1) {
    const unit = unitClass[normalized.charCodeAt(at)]!;
    // A code unit no text holds sends the pass back to the start.
    state = unit === 0 ? 0 : step[state * width + unit]!;
    if (reached[state] === 1) continue;
    reached[state] = 1;
    for (let o = outputsFrom[state]!; o < outputsFrom[state + 1]!; o += 1) found[outputs[o]!] = 1;
  }
  return found;
}

/** Whether a ticket in which requiredTextsIn found `found` holds one text of each of the prefilter's lists. */
export function passes(prefilter: Prefilter, found: Uint8Array): boolean {
  return prefilter.every((texts) => texts.some((text) => found[text] === 1));
}

/** The automaton of a list of texts: its states' steps by code unit class, and the texts that end at each state. */
interface Automaton {
  /** The class of each UTF-16 code unit: 0 for one no text holds, else 1 to width - 1. */
  unitClass: Uint16Array;
  width: number;
  /** The state after state s reads a unit of class c: step[s * width + c]. */
  step: Int16Array | Int32Array;
  /** The texts that end at state s (its own and its suffixes'): outputs[outputsFrom[s] .. outputsFrom[s + 1]). */
  outputsFrom: Int32Array;
  outputs: Int32Array;
  /** The empty texts, which are in every ticket, as `includes` says. */
  everywhere: number[];
}

// The automata of the lists this thread has read with, kept while their list is (a knowledge
// base's rules live as long as it does; worker threads get their own copy).
const automata = new WeakMap<readonly string[], Automaton>();

function automatonOf(texts: readonly string[]): Automaton {
  let automaton = automata.get(texts);
  if (!automaton) {
    automaton = build(texts);
    automata.set(texts, automaton);
  }
  return automaton;
}

function build(texts: readonly string[]): Automaton {
  const unitClass = new Uint16Array(0x10000);
  let width = 1;
  for (const text of texts) {
    for (let i = 0; i < text.length; i += 1) {
      const unit = text.charCodeAt(i);
      if (unitClass[unit] === 0) unitClass[unit] = width++;
    }
  }
  // The trie of the texts: children by class (0: none, as no state steps back to the root by its trie).
  const children: number[][] = [new Array<number>(width).fill(0)];
  const ends: number[][] = [[]];
  const everywhere: number[] = [];
  texts.forEach((text, index) => {
    if (text === '') return void everywhere.push(index);
    let state = 0;
    for (let i = 0; i < text.length; i += 1) {
      const unit = unitClass[text.charCodeAt(i)]!;
      if (children[state]![unit] === 0) {
        children[state]![unit] = children.length;
        children.push(new Array<number>(width).fill(0));
        ends.push([]);
      }
      state = children[state]![unit]!;
    }
    ends[state]!.push(index);
  });
  // Breadth first, each state's missing steps are its longest proper suffix's, and its texts
  // include that suffix's: the classic construction, with the failure links folded into the table.
  // Half the memory, so that more of the table stays in the processor's caches, while the states fit in 16 bits.
  const step = children.length <= 0x7fff ? new Int16Array(children.length * width) : new Int32Array(children.length * width);
  const suffix = new Int32Array(children.length);
  const outputs: number[][] = ends.map((own) => [...own]);
  const queue: number[] = [];
  for (let unit = 1; unit < width; unit += 1) {
    const child = children[0]![unit]!;
    step[unit] = child;
    if (child !== 0) queue.push(child);
  }
  for (let head = 0; head < queue.length; head += 1) {
    const state = queue[head]!;
    outputs[state]!.push(...outputs[suffix[state]!]!);
    for (let unit = 1; unit < width; unit += 1) {
      const child = children[state]![unit]!;
      if (child === 0) {
        step[state * width + unit] = step[suffix[state]! * width + unit]!;
      } else {
        suffix[child] = step[suffix[state]! * width + unit]!;
        step[state * width + unit] = child;
        queue.push(child);
      }
    }
  }
  const outputsFrom = new Int32Array(children.length + 1);
  outputs.forEach((own, state) => (outputsFrom[state + 1] = outputsFrom[state]! + own.length));
  return { unitClass, width, step, outputsFrom, outputs: Int32Array.from(outputs.flat()), everywhere };
}
