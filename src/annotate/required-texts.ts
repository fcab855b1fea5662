/** A node of a trie of texts, by UTF-16 code unit: the index of the text that ends here, if one does. */
interface TrieNode {
  next: Map<number, TrieNode>;
  text?: number;
}

/**
 * Which of `texts` (Extraction.requiredTexts) occur in a normalized ticket (normalizeText), by
 * index, found in one pass. Asking `includes` of the ticket once per text a rule requires (some
 * 400 of them) read a ticket hundreds of times and took more of its reading than the patterns
 * themselves. The trie walks code units as `includes` compares them, so a text is found exactly
 * where `includes` would find it (inside a word, or a letter before a combining accent), and it
 * walks at most the longest text's length from each position: linear in the ticket. (The
 * Aho-Corasick automaton the phrases are found with matches whole grapheme clusters, so it misses
 * the "e" of a decomposed "é", which a pattern's regular expression still reads: a prefilter
 * must never skip a ticket its pattern would match.)
 */
export function requiredTextsIn(normalized: string, texts: readonly string[]): Uint8Array {
  const root = trieOf(texts);
  const found = new Uint8Array(texts.length);
  // An empty text is in every ticket, as `includes` says.
  if (root.text !== undefined) found[root.text] = 1;
  for (let start = 0; start < normalized.length; start += 1) {
    let node = root.next.get(normalized.charCodeAt(start));
    for (let at = start + 1; node; at += 1) {
      if (node.text !== undefined) found[node.text] = 1;
      if (at === normalized.length) break;
      node = node.next.get(normalized.charCodeAt(at));
    }
  }
  return found;
}

// The tries of the lists this thread has read with, kept while their list is (a knowledge base's
// rules live as long as it does; worker threads get their own copy).
const tries = new WeakMap<readonly string[], TrieNode>();

function trieOf(texts: readonly string[]): TrieNode {
  let root = tries.get(texts);
  if (!root) {
    root = { next: new Map() };
    texts.forEach((text, index) => add(root!, text, index));
    tries.set(texts, root);
  }
  return root;
}

function add(root: TrieNode, text: string, index: number): void {
  let node = root;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    let child = node.next.get(unit);
    if (!child) {
      child = { next: new Map() };
      node.next.set(unit, child);
    }
    node = child;
  }
  node.text = index;
}
