/**
 * An Aho-Corasick automaton over UTF-16 code units, with its transitions kept sparse: the
 * lexicons' phrases make some 45,000 states over 280 code units, which a dense table would hold
 * in 50 MB, far beyond the processor's caches. Each state lists the edges of its trie, sorted by
 * code unit class, and a step that finds none follows the state's failure link (its longest
 * proper suffix that is a state), at most as many links in a pass as code units read.
 *
 * A state is its record's offset in one table, the records in breadth-first order: what a step
 * reads of a state (its edges, its failure link, where its texts are) is on one or two cache
 * lines, and the shallow states most steps visit lie together. (With a typed array per field,
 * the states numbered as the texts came, a step touched five lines scattered over a megabyte,
 * and between two tickets the rest of annotation evicts them: the pass took five times as long
 * as on its own.)
 *
 * Plain typed arrays, so that it travels to worker threads with the extraction rules as it is.
 */
export interface CodeUnitAutomaton {
  /** The class of each UTF-16 code unit: 0 for one no text holds, else 1 and up. */
  unitClass: Uint16Array;
  /** The state the root steps to on each class, 0 (the root) for none: nearly every class leaves the root. */
  rootStep: Int32Array;
  /** The states' records, the root's at 0: see FAILURE, OUTPUTS_FROM, OUTPUTS_TO, EDGE_COUNT and EDGES. */
  table: Int32Array;
  /**
   * The texts that end at each state, by index: its own first (in the order of the list), then
   * its suffixes', longest first.
   */
  outputs: Int32Array;
  /** Each text's length in code units, by index. */
  lengths: Int32Array;
}

// A state's record: its failure link, the range of `outputs` that holds its texts, and its
// edges, as many pairs of a class and the state it leads to, by class.
const FAILURE = 0;
const OUTPUTS_FROM = 1;
const OUTPUTS_TO = 2;
const EDGE_COUNT = 3;
const EDGES = 4;

/** The automaton of a list of texts; an empty text is never found (callers that want one found everywhere say so themselves). */
export function buildCodeUnitAutomaton(texts: readonly string[]): CodeUnitAutomaton {
  const unitClass = new Uint16Array(0x10000);
  let classes = 1;
  for (const text of texts) {
    for (let i = 0; i < text.length; i += 1) {
      const unit = text.charCodeAt(i);
      if (unitClass[unit] === 0) unitClass[unit] = classes++;
    }
  }
  const trie = new Trie(texts, unitClass);
  const { states, label, childrenFrom, children } = trie;
  // Breadth first, so that a state's suffix, which is shorter, has its failure link and texts
  // before the state needs them: the classic construction. The order is the records' too.
  const order = [0];
  for (let head = 0; head < order.length; head += 1) {
    for (let c = childrenFrom[order[head]!]!; c < childrenFrom[order[head]! + 1]!; c += 1) order.push(children[c]!);
  }
  const offset = new Int32Array(states);
  let size = 0;
  for (const state of order) {
    offset[state] = size;
    size += EDGES + 2 * (childrenFrom[state + 1]! - childrenFrom[state]!);
  }
  const table = new Int32Array(size);
  const rootStep = new Int32Array(classes);
  for (let c = childrenFrom[0]!; c < childrenFrom[1]!; c += 1) rootStep[label[children[c]!]!] = offset[children[c]!]!;
  const automaton: CodeUnitAutomaton = { unitClass, rootStep, table, outputs: new Int32Array(), lengths: Int32Array.from(texts, (text) => text.length) };
  const outputs: number[] = [];
  for (const state of order) {
    const at = offset[state]!;
    const failure = table[at + FAILURE]!;
    // A state's texts are its own, then its failure link's, which is shallower and has them already.
    table[at + OUTPUTS_FROM] = outputs.length;
    for (let o = trie.endsFrom[state]!; o < trie.endsFrom[state + 1]!; o += 1) outputs.push(trie.ends[o]!);
    for (let o = table[failure + OUTPUTS_FROM]!; o < table[failure + OUTPUTS_TO]!; o += 1) outputs.push(outputs[o]!);
    table[at + OUTPUTS_TO] = outputs.length;
    table[at + EDGE_COUNT] = childrenFrom[state + 1]! - childrenFrom[state]!;
    for (let c = childrenFrom[state]!, edge = at + EDGES; c < childrenFrom[state + 1]!; c += 1, edge += 2) {
      const child = children[c]!;
      table[edge] = label[child]!;
      table[edge + 1] = offset[child]!;
      // The child's failure link: where the state's own link goes on the same class.
      if (state !== 0) table[offset[child]! + FAILURE] = stepOnClass(automaton, failure, label[child]!);
    }
  }
  automaton.outputs = Int32Array.from(outputs);
  return automaton;
}

/**
 * The trie of a list of texts, as arrays: each state's class, its children (by class) and the
 * texts that end at it (by index). Built from the texts sorted by their classes, each text's path
 * the previous one's as far as they agree and new states after: no lookup of a child by class,
 * which with a Map per state made the phrases' automaton take 0.2 s to build.
 */
class Trie {
  readonly states: number;
  /** The class on the edge into each state (0 for the root). */
  readonly label: number[] = [0];
  /** The children of state s, by class: children[childrenFrom[s] .. childrenFrom[s + 1]). */
  readonly childrenFrom: Int32Array;
  readonly children: Int32Array;
  /** The texts that end at state s, by index: ends[endsFrom[s] .. endsFrom[s + 1]). */
  readonly endsFrom: Int32Array;
  readonly ends: Int32Array;

  constructor(texts: readonly string[], unitClass: Uint16Array) {
    const keys = texts.map((text) => {
      let key = '';
      for (let i = 0; i < text.length; i += 1) key += String.fromCharCode(unitClass[text.charCodeAt(i)]!);
      return key;
    });
    // A stable sort: equal texts stay in the order of the list.
    const sorted = keys.map((_, index) => index).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
    const parent = [-1];
    const endState = new Int32Array(texts.length).fill(-1);
    // The states along the previous text's path, by depth.
    const path = [0];
    let previous = '';
    for (const index of sorted) {
      const key = keys[index]!;
      if (key === '') continue;
      let common = 0;
      while (common < key.length && common < previous.length && key.charCodeAt(common) === previous.charCodeAt(common)) common += 1;
      path.length = common + 1;
      // Sorted, a text that parts from the previous one at `common` goes on with a greater class
      // than any child the state there has yet: a new state.
      for (let depth = common; depth < key.length; depth += 1) {
        path.push(this.label.length);
        parent.push(path[depth]!);
        this.label.push(key.charCodeAt(depth));
      }
      endState[index] = path[key.length]!;
      previous = key;
    }
    this.states = this.label.length;
    // States are made in the order of the sorted texts: each one's children in the order of their classes.
    [this.childrenFrom, this.children] = grouped(this.states, parent.slice(1), (n) => n + 1);
    [this.endsFrom, this.ends] = grouped(this.states, Array.from(endState), (n) => n);
  }
}

/**
 * Items grouped by the state each belongs to (`owners[n]`, -1 for none), each group in the items'
 * order: the group of state s is items[from[s] .. from[s + 1]), item n written as `item(n)`.
 */
function grouped(states: number, owners: readonly number[], item: (n: number) => number): [Int32Array, Int32Array] {
  const from = new Int32Array(states + 1);
  for (const owner of owners) if (owner >= 0) from[owner + 1]! += 1;
  for (let s = 0; s < states; s += 1) from[s + 1]! += from[s]!;
  const items = new Int32Array(from[states]!);
  const next = from.slice(0, states);
  owners.forEach((owner, n) => {
    if (owner >= 0) items[next[owner]!++] = item(n);
  });
  return [from, items];
}

/** The state after `state` reads the code unit `unit`. */
export function nextState(automaton: CodeUnitAutomaton, state: number, unit: number): number {
  const unitClass = automaton.unitClass[unit]!;
  // A code unit no text holds sends the pass back to the start.
  return unitClass === 0 ? 0 : stepOnClass(automaton, state, unitClass);
}

/** Where the texts that end at `state` start in the automaton's outputs. */
export function outputsFrom(automaton: CodeUnitAutomaton, state: number): number {
  return automaton.table[state + OUTPUTS_FROM]!;
}

/** Where the texts that end at `state` end in the automaton's outputs (exclusive). */
export function outputsTo(automaton: CodeUnitAutomaton, state: number): number {
  return automaton.table[state + OUTPUTS_TO]!;
}

function stepOnClass({ table, rootStep }: CodeUnitAutomaton, state: number, unitClass: number): number {
  for (; state !== 0; state = table[state + FAILURE]!) {
    for (let e = state + EDGES, end = e + 2 * table[state + EDGE_COUNT]!; e < end; e += 2) {
      const label = table[e]!;
      if (label === unitClass) return table[e + 1]!;
      if (label > unitClass) break;
    }
  }
  return rootStep[unitClass]!;
}
