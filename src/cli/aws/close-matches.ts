/**
 * Python's `difflib.get_close_matches` (SequenceMatcher without junk), which the CLI uses for its
 * "maybe you meant" suggestions — ported so the suggestions are the real CLI's, in its order.
 */
function longestMatch(a: string, b: string, alo: number, ahi: number, blo: number, bhi: number): [number, number, number] {
  let besti = alo;
  let bestj = blo;
  let bestsize = 0;
  let lengths = new Map<number, number>();
  for (let i = alo; i < ahi; i++) {
    const next = new Map<number, number>();
    for (let j = blo; j < bhi; j++) {
      if (a[i] !== b[j]) continue;
      const k = (lengths.get(j - 1) ?? 0) + 1;
      next.set(j, k);
      if (k > bestsize) {
        besti = i - k + 1;
        bestj = j - k + 1;
        bestsize = k;
      }
    }
    lengths = next;
  }
  return [besti, bestj, bestsize];
}

function matchingCharacters(a: string, b: string): number {
  let total = 0;
  const queue: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  while (queue.length > 0) {
    const [alo, ahi, blo, bhi] = queue.pop()!;
    const [i, j, k] = longestMatch(a, b, alo, ahi, blo, bhi);
    if (k === 0) continue;
    total += k;
    if (alo < i && blo < j) queue.push([alo, i, blo, j]);
    if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
  }
  return total;
}

export function similarity(a: string, b: string): number {
  const size = a.length + b.length;
  return size === 0 ? 1 : (2 * matchingCharacters(a, b)) / size;
}

/** The best `n` choices scoring at least `cutoff`, best first (ties: the larger string first, as heapq.nlargest). */
export function closeMatches(word: string, choices: readonly string[], n = 3, cutoff = 0.6): string[] {
  return choices
    .map((choice) => ({ choice, score: similarity(choice, word) }))
    .filter((scored) => scored.score >= cutoff)
    .sort((x, y) => y.score - x.score || (x.choice < y.choice ? 1 : x.choice > y.choice ? -1 : 0))
    .slice(0, n)
    .map((scored) => scored.choice);
}
