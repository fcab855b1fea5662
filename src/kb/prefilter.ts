/**
 * The texts a ticket must hold for an expression to be worth running, as indices into
 * Extraction.requiredTexts: one text of every list, in the ticket as normalizeText writes it, and
 * for each expression that can match in several ways (literalsByWay) one text of every list of
 * one of its ways. The lists are a rule's `requires`, as its author wrote them, and what its
 * expressions themselves require (literalsOf). No list, no prefilter.
 *
 * Written out in one typed array a rule, which passes reads front to back: it is asked some 400
 * times a ticket, and as arrays of arrays of indices each ask chased pointers to objects all over
 * the heap, which the rest of annotation evicts from the caches between tickets (profiled, the
 * asking took a tenth of an annotation).
 */
export type Prefilter = Int32Array;

/** Lists of texts, one of each of which a ticket must hold, by index into Extraction.requiredTexts. */
type Lists = readonly (readonly number[])[];

/**
 * The prefilter that requires `lists`, and of each entry of `ways` (an expression's ways, each
 * its lists) the lists of one way. Written as: the lists; the number of expressions; for each
 * expression its size and number of ways, and for each way its size and lists. Lists are
 * written as their number, then each list's length and texts.
 */
export function prefilterOf(lists: Lists, ways: readonly (readonly Lists[])[]): Prefilter {
  const code: number[] = [];
  const writeLists = (of: Lists) => {
    code.push(of.length);
    for (const list of of) code.push(list.length, ...list);
  };
  // A size written before what it measures, filled in once that is written.
  const sized = (write: () => void) => {
    const at = code.push(0) - 1;
    write();
    code[at] = code.length - at - 1;
  };
  writeLists(lists);
  code.push(ways.length);
  for (const byWay of ways) {
    sized(() => {
      code.push(byWay.length);
      for (const way of byWay) sized(() => writeLists(way));
    });
  }
  return Int32Array.from(code);
}

/** Whether a prefilter requires anything of a ticket: the empty one is written [0 lists, 0 expressions]. */
export function requiresSomething(prefilter: Prefilter): boolean {
  return prefilter[0] !== 0 || prefilter[1] !== 0;
}

/** Whether a ticket that holds the required texts `found` (1 at a text's index) passes the prefilter. */
export function passes(prefilter: Prefilter, found: Uint8Array): boolean {
  let at = endOfMet(prefilter, 0, found);
  if (at < 0) return false;
  const expressions = prefilter[at++]!;
  for (let expression = 0; expression < expressions; expression += 1) {
    const next = at + 1 + prefilter[at]!;
    const ways = prefilter[at + 1]!;
    at += 2;
    let met = false;
    for (let way = 0; way < ways && !met; way += 1) {
      met = endOfMet(prefilter, at + 1, found) >= 0;
      at += 1 + prefilter[at]!;
    }
    if (!met) return false;
    at = next;
  }
  return true;
}

/** Where the lists written at `at` end, when the ticket meets them all; else -1. */
function endOfMet(code: Prefilter, at: number, found: Uint8Array): number {
  const lists = code[at++]!;
  for (let list = 0; list < lists; list += 1) {
    const length = code[at++]!;
    let met = false;
    for (let text = at; text < at + length && !met; text += 1) met = found[code[text]!] === 1;
    if (!met) return -1;
    at += length;
  }
  return at;
}
