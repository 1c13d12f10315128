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
  private readonly keys: string[];
  // Hash of a deletion string → (key index, deleted position or -1 for the key itself) pairs, in
  // the order the keys were given. Hashes rather than the strings: a query then builds no string
  // for each of its deletions, and a number key is the cheaper look-up. Equal hashes are checked
  // letter by letter, so a collision never adds a key.
  private readonly buckets = new Map<number, number[]>();
  // One bit per hash (modulo its size): most of a query's deletions match no key, and a clear bit
  // says so without the Map look-up.
  private filter = new Int32Array(0);
  private filterMask = 0;
  // seen[k] === query: key k was measured by the current find(), so it is measured once.
  private seen = new Uint32Array(0);
  private query = 0;

  constructor(keys: Iterable<string>) {
    this.keys = [...new Set(keys)].filter((k) => k.length <= MAX_WORD_LENGTH);
    if (this.keys.length <= SMALL_INDEX) return;
    this.seen = new Uint32Array(this.keys.length);
    let bits = 1 << 12;
    while (bits < this.keys.length * 64 && bits < 1 << 24) bits <<= 1;
    this.filter = new Int32Array(bits >> 5);
    this.filterMask = bits - 1;
    for (let k = 0; k < this.keys.length; k++) {
      const key = this.keys[k]!;
      this.put(deletionHash(key, -1), k, -1);
      for (let i = 0; i < key.length; i++) if (!repeats(key, i)) this.put(deletionHash(key, i), k, i);
    }
  }

  private put(hash: number, key: number, at: number): void {
    const bit = hash & this.filterMask;
    this.filter[bit >> 5]! |= 1 << (bit & 31);
    const list = this.buckets.get(hash);
    if (list) list.push(key, at);
    else this.buckets.set(hash, [key, at]);
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
    // A fresh stamp marks this query's measured keys (wrapping after 2^32 queries clears them).
    if (++this.query === 0xffffffff) {
      this.seen.fill(0);
      this.query = 1;
    }
    // The word itself, then each one-character deletion (of a run of one letter, the first only:
    // the others leave the same string).
    this.collect(word, -1, max, found);
    for (let i = 0; i < word.length; i++) if (!repeats(word, i)) this.collect(word, i, max, found);
    return found.length > 1 ? found.sort(byDistance) : found;
  }

  // Measures the keys one of whose deletions (or the key itself) equals `word` less position `at`.
  private collect(word: string, at: number, max: number, found: NearMiss[]): void {
    const hash = deletionHash(word, at);
    const bit = hash & this.filterMask;
    if ((this.filter[bit >> 5]! & (1 << (bit & 31))) === 0) return;
    const list = this.buckets.get(hash);
    if (list === undefined) return;
    for (let e = 0; e < list.length; e += 2) {
      const k = list[e]!;
      if (this.seen[k] === this.query) continue;
      const key = this.keys[k]!;
      if (!sameDeletion(key, list[e + 1]!, word, at)) continue;
      this.seen[k] = this.query;
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

// Deleting position i of a run of one letter leaves what deleting its first position leaves.
function repeats(s: string, i: number): boolean {
  return i > 0 && s.charCodeAt(i) === s.charCodeAt(i - 1);
}

// Polynomial hash of `s` without position `at` (-1: all of it), kept within 30 bits so the
// Map's keys stay small integers.
function deletionHash(s: string, at: number): number {
  let h = 0;
  for (let k = 0; k < s.length; k++) if (k !== at) h = (Math.imul(h, 31) + s.charCodeAt(k)) | 0;
  return h & 0x3fffffff;
}

// a without position i equals b without position j (-1: nothing deleted).
function sameDeletion(a: string, i: number, b: string, j: number): boolean {
  const n = a.length - (i < 0 ? 0 : 1);
  if (n !== b.length - (j < 0 ? 0 : 1)) return false;
  for (let k = 0, x = 0, y = 0; k < n; k++, x++, y++) {
    if (x === i) x++;
    if (y === j) y++;
    if (a.charCodeAt(x) !== b.charCodeAt(y)) return false;
  }
  return true;
}
