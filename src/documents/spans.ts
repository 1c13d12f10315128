/** The 1-based sentence that contains `offset`, by binary search over sentence start offsets. */
export function sentenceIndexAt(sentenceStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = sentenceStarts.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sentenceStarts[mid] ?? 0) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found + 1;
}

/**
 * Where the `occurrence`-th (1-based) appearance of `quote` starts in `text`, or -1.
 * Also returns how many times it appears, so a form can ask which one was meant.
 */
export function findOccurrence(text: string, quote: string, occurrence = 1): { start: number; count: number } {
  let count = 0;
  let start = -1;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    count += 1;
    if (count === occurrence) start = at;
  }
  return { start, count };
}
