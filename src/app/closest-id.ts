/**
 * The id of `known` closest to `asked` by edit distance (case ignored), when it is close enough
 * to be what was meant: at most a third of its length away (KB29165 for KB291615, 291615 for
 * KB291615), so that an unrelated id is not offered. Ids over 64 characters are no id's typo.
 */
export function closestId(asked: string, known: readonly string[]): string | undefined {
  if (asked.length > 64) return undefined;
  let best: { id: string; distance: number } | undefined;
  for (const id of known) {
    const distance = editDistance(asked.toUpperCase(), id.toUpperCase());
    if (distance <= Math.floor(id.length / 3) && (!best || distance < best.distance)) best = { id, distance };
  }
  return best?.id;
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[b.length]!;
}
