/**
 * The cue table: for every token, one bit per phrase list of the lexicon saying whether the
 * token can start (or end) an entry of that list. Built with one lookup per distinct word, it
 * lets the twenty-odd phrase lists skip almost every token without a hash lookup of their own.
 */
import type { PhraseIndex } from './phrases.js';
import type { Tokens } from './tokens.js';

// Per word, the "starts an entry" bits plus the "ends an entry" bits times 2^26: one safe integer.
const MAX_LISTS = 26;
const LAST_SHIFT = 2 ** MAX_LISTS;
// Per lexicon, every key of its phrase lists with its packed bits: one lookup per distinct word
// instead of two per list.
const packedKeys = new WeakMap<object, ReadonlyMap<string, number>>();

/** Gives each of a lexicon's phrase lists its bit in the cue table. */
export function registerCueLists(lexicon: object, indexes: readonly PhraseIndex[]): void {
  if (indexes.length > MAX_LISTS) throw new Error(`at most ${MAX_LISTS} phrase lists fit the cue table`);
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  for (const [bit, index] of indexes.entries()) {
    index.register(lexicon, bit);
    for (const key of index.keys(0)) first.set(key, (first.get(key) ?? 0) | (1 << bit));
    for (const key of index.keys(1)) last.set(key, (last.get(key) ?? 0) | (1 << bit));
  }
  const packed = new Map<string, number>();
  for (const key of new Set([...first.keys(), ...last.keys()])) packed.set(key, (first.get(key) ?? 0) + (last.get(key) ?? 0) * LAST_SHIFT);
  packedKeys.set(lexicon, packed);
}

/** Fills `t.cues` for the lexicon's phrase lists. */
export function markCues(lexicon: object, t: Tokens): void {
  const keys = packedKeys.get(lexicon);
  const first = new Uint32Array(t.count);
  const last = new Uint32Array(t.count);
  // Unpacked once per distinct word (-1: not yet), so the loop over tokens does no float arithmetic.
  const memoFirst = new Int32Array(t.distinctLowers).fill(-1);
  const memoLast = new Int32Array(t.distinctLowers);
  for (let i = 0; i < t.count; i++) {
    const id = t.lowerId[i]!;
    if (memoFirst[id]! < 0) {
      const packed = keys?.get(t.lower[i]!) ?? 0;
      memoFirst[id] = packed % LAST_SHIFT;
      memoLast[id] = Math.floor(packed / LAST_SHIFT);
    }
    first[i] = memoFirst[id]!;
    last[i] = memoLast[id]!;
  }
  t.cues = { owner: lexicon, first, last };
}
