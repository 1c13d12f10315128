/**
 * Finds dictionary words within one or two edits of a query without comparing against every
 * entry: both sides are indexed by the strings left after deleting one character (the
 * symmetric-delete method), and only entries sharing such a string are measured. One deletion
 * on each side finds every one-edit neighbour and the two-edit ones that matter most for
 * typing slips — transpositions ("Untied"), a letter swapped for another plus a shift — while
 * keeping the work per word proportional to its length.
 */
import { distance } from 'fastest-levenshtein';

export interface NearMiss {
  readonly key: string;
  readonly distance: number;
}

/** Longest word the index will look at; longer tokens are not words anyone misspells. */
export const MAX_WORD_LENGTH = 32;

/** Edits allowed for a word of this length: one from four letters, two from eight. */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  return length >= 8 ? 2 : 1;
}

// Below this many entries, measuring each one is cheaper than generating deletions of the query.
const SMALL_INDEX = 48;

export class DeletionIndex {
  private readonly deletes = new Map<string, string[]>();
  private readonly keys: string[];

  constructor(keys: Iterable<string>) {
    this.keys = [...new Set(keys)].filter((k) => k.length <= MAX_WORD_LENGTH);
    if (this.keys.length <= SMALL_INDEX) return;
    for (const key of this.keys) {
      for (const d of variants(key)) {
        const list = this.deletes.get(d);
        if (list) list.push(key);
        else this.deletes.set(d, [key]);
      }
    }
  }

  /** Entries within the allowed edit distance of `word` (never `word` itself), nearest first. */
  find(word: string): NearMiss[] {
    const max = allowedEdits(word.length);
    if (max === 0 || word.length > MAX_WORD_LENGTH) return NONE;
    const found: NearMiss[] = [];
    if (this.keys.length <= SMALL_INDEX) {
      for (const key of this.keys) measure(word, key, max, found);
      return found.length > 1 ? found.sort(byDistance) : found;
    }
    // Most words share no deletion with any key: look the variants up before allocating anything.
    // The word itself, then each one-character deletion; a repeated deletion ("aab" → "ab" twice)
    // finds only keys already seen.
    const seen = this.seen;
    seen.clear();
    this.collect(word, word, max, found);
    for (let i = 0; i < word.length; i++) {
      if (i > 0 && word.charCodeAt(i) === word.charCodeAt(i - 1)) continue;
      this.collect(word, word.slice(0, i) + word.slice(i + 1), max, found);
    }
    return found.length > 1 ? found.sort(byDistance) : found;
  }

  // Keys measured by the current find(), so a key sharing several deletions is measured once.
  private readonly seen = new Set<string>();

  private collect(word: string, d: string, max: number, found: NearMiss[]): void {
    const keys = this.deletes.get(d);
    if (keys === undefined) return;
    for (const key of keys) {
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      measure(word, key, max, found);
    }
  }
}

const NONE: NearMiss[] = [];
const byDistance = (a: NearMiss, b: NearMiss) => a.distance - b.distance;

function measure(word: string, key: string, max: number, found: NearMiss[]): void {
  const limit = Math.min(max, allowedEdits(key.length));
  if (key === word || Math.abs(key.length - word.length) > limit) return;
  const dist = distance(word, key);
  if (dist <= limit) found.push({ key, distance: dist });
}

// The word and every string obtained by deleting one character from it.
function variants(word: string): Set<string> {
  const out = new Set<string>([word]);
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return out;
}
