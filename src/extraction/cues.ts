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
const lists = new WeakMap<object, readonly PhraseIndex[]>();

/** Gives each of a lexicon's phrase lists its bit in the cue table. */
export function registerCueLists(lexicon: object, indexes: readonly PhraseIndex[]): void {
  if (indexes.length > MAX_LISTS) throw new Error(`at most ${MAX_LISTS} phrase lists fit the cue table`);
  for (const [bit, index] of indexes.entries()) index.register(lexicon, bit);
  lists.set(lexicon, indexes);
}

/** Fills `t.cues` for the lexicon's phrase lists. */
export function markCues(lexicon: object, t: Tokens): void {
  const indexes = lists.get(lexicon) ?? [];
  const first = new Uint32Array(t.count);
  const last = new Uint32Array(t.count);
  const memo = new Float64Array(t.distinctLowers).fill(-1);
  for (let i = 0; i < t.count; i++) {
    const id = t.lowerId[i]!;
    let packed = memo[id]!;
    if (packed < 0) {
      const word = t.lower[i]!;
      let f = 0;
      let l = 0;
      for (let bit = 0; bit < indexes.length; bit++) {
        if (indexes[bit]!.hasKey(word, 0)) f |= 1 << bit;
        if (indexes[bit]!.hasKey(word, 1)) l |= 1 << bit;
      }
      packed = f + l * LAST_SHIFT;
      memo[id] = packed;
    }
    first[i] = packed % LAST_SHIFT;
    last[i] = Math.floor(packed / LAST_SHIFT);
  }
  t.cues = { owner: lexicon, first, last };
}
