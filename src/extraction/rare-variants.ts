/**
 * In-document misspellings: a word used once or twice that is one or two edits from a form the
 * same text uses far more often ("Iraw" beside twenty "Iraq", "reolusyon" beside "resolusyon").
 * To keep ordinary Tagalog inflection out, the frequent form must be a capitalised name used
 * mid-sentence or a lexicon word, and the two must not be affix variants of one root.
 */
import { areAffixVariants } from './affixes.js';
import { DeletionIndex, MAX_WORD_LENGTH } from './deletion-index.js';
import { isUnknown } from './name-misses.js';
import type { Scan } from './scan.js';
import { signal } from './score.js';
import type { Spellings } from './spellings.js';
import { WORD } from './tokens.js';

// A target must be used at least this often, and this many times more than the variant.
const MIN_TARGET_COUNT = 3;
const MIN_RATIO = 3;
const MAX_VARIANT_COUNT = 2;
const MIN_LENGTH = 4;

/**
 * How often each word occurs, indexed by its lower-cased form's id (Tokens.lowerId). Typed arrays
 * rather than an object per word: a large text has tens of thousands of distinct words, and
 * objects that live through the spelling pass are what the garbage collector copies.
 */
export interface Usage {
  /** Occurrences as a word token. */
  readonly count: Int32Array;
  /** Occurrences capitalised in mid-sentence, where a capital marks a name. */
  readonly midCapitals: Int32Array;
  /** The token whose text is the form to suggest: the first written mid-sentence with a capital, else the first. */
  readonly display: Int32Array;
  /** The first two occurrences (token indexes; -1 for none): all of them while a word is rare enough to be a variant. */
  readonly first: Int32Array;
  readonly second: Int32Array;
  /** The ids of the words, in the order of their first occurrence. */
  readonly order: Int32Array;
}

/** Occurrences of the lower-cased word `lower` in the text (0 when it has none). */
export function usageCount(s: Scan, usage: Usage, lower: string): number {
  const id = s.t.lowerIdOf(lower);
  return id < 0 ? 0 : usage.count[id]!;
}

/** How often each word occurs (lower-cased), with where and how it is written. */
export function wordUsage(s: Scan): Usage {
  const t = s.t;
  const n = t.distinctLowers;
  const count = new Int32Array(n);
  const midCapitals = new Int32Array(n);
  const display = new Int32Array(n);
  const first = new Int32Array(n).fill(-1);
  const second = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  let words = 0;
  for (let i = 0; i < t.count; i++) {
    if (t.type[i] !== WORD) continue;
    const id = t.lowerId[i]!;
    const c = ++count[id]!;
    if (c === 1) {
      first[id] = i;
      display[id] = i;
      order[words++] = id;
    } else if (c === 2) second[id] = i;
    if (t.cap[i] === 1 && !t.initial[i] && midCapitals[id]!++ === 0) display[id] = i;
  }
  return { count, midCapitals, display, first, second, order: order.subarray(0, words) };
}

/** Flags rare forms of frequent names and lexicon words, skipping tokens in `known`. */
export function findRareVariants(s: Scan, usage: Usage, known: Uint8Array, found: Spellings): void {
  const t = s.t;
  const targets = new Map<string, { raw: string; count: number; name: boolean }>();
  const order = usage.order;
  for (let k = 0; k < order.length; k++) {
    const id = order[k]!;
    const count = usage.count[id]!;
    if (count < MIN_TARGET_COUNT) continue;
    const lower = t.lower[usage.first[id]!]!;
    const name = usage.midCapitals[id]! >= 2;
    if (lower.length < MIN_LENGTH || (!name && !s.lex.keyWords.has(lower))) continue;
    targets.set(lower, { raw: t.raw[usage.display[id]!]!, count, name });
  }
  if (targets.size === 0) return;
  // Lower-case variants can only be of lexicon words; capitalised ones of names or lexicon words.
  const keys = [...targets.keys()];
  const wordIndex = new DeletionIndex(keys.filter((k) => !targets.get(k)!.name));
  const allIndex = new DeletionIndex(keys);
  for (let k = 0; k < order.length; k++) {
    const id = order[k]!;
    const count = usage.count[id]!;
    const i = usage.first[id]!;
    const lower = t.lower[i]!;
    if (count > MAX_VARIANT_COUNT || lower.length < MIN_LENGTH || lower.length > MAX_WORD_LENGTH) continue;
    if (known[i] || found.has(i) || !isUnknown(s, i)) continue;
    const midCapital = t.cap[i] === 1 && !t.initial[i];
    const near = (midCapital ? allIndex : wordIndex).find(lower);
    // The nearest frequent enough target, then the most frequent: the first such in `near`
    // (nearest first) wins ties, as a stable sort would leave it.
    let best: { raw: string; count: number } | null = null;
    let bestDistance = 0;
    for (const m of near) {
      const target = targets.get(m.key)!;
      if (target.count < count * MIN_RATIO || areAffixVariants(lower, m.key, s.lex.affixes)) continue;
      if (best === null || m.distance < bestDistance || (m.distance === bestDistance && target.count > best.count)) {
        best = target;
        bestDistance = m.distance;
      }
    }
    if (best === null) continue;
    const why = signal('rareVariant', best.raw);
    found.add(i, i, matchCase(t.raw[i]!, best.raw), why);
    const again = usage.second[id]!;
    if (again >= 0) found.add(again, again, matchCase(t.raw[again]!, best.raw), why);
  }
}

// "Reolusyon" at a sentence start should be corrected to "Resolusyon", not "resolusyon".
function matchCase(variant: string, target: string): string {
  const capital = variant[0] !== variant[0]!.toLowerCase();
  return capital ? target[0]!.toUpperCase() + target.slice(1) : target;
}
