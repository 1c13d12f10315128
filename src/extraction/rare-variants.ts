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

export interface Usage {
  count: number;
  /** Occurrences capitalised in mid-sentence, where a capital marks a name. */
  midCapitals: number;
  /** The form to suggest: as written mid-sentence if it ever is, else as first written. */
  display: string;
  /** Where it occurs, kept only while it is still rare enough to be a variant. */
  at: number[];
}

/** How often each word occurs (lower-cased), with where and how it is written. */
export function wordUsage(s: Scan): Map<string, Usage> {
  const t = s.t;
  const usage = new Map<string, Usage>();
  const byId: (Usage | undefined)[] = new Array<Usage | undefined>(t.distinctLowers);
  for (let i = 0; i < t.count; i++) {
    if (t.type[i] !== WORD) continue;
    let u = byId[t.lowerId[i]!];
    if (!u) {
      u = byId[t.lowerId[i]!] = { count: 0, midCapitals: 0, display: t.raw[i]!, at: [] };
      usage.set(t.lower[i]!, u);
    }
    u.count++;
    if (u.count <= MAX_VARIANT_COUNT) u.at.push(i);
    if (t.cap[i] === 1 && !t.initial[i] && u.midCapitals++ === 0) u.display = t.raw[i]!;
  }
  return usage;
}

/** Flags rare forms of frequent names and lexicon words, skipping tokens in `known`. */
export function findRareVariants(s: Scan, usage: ReadonlyMap<string, Usage>, known: Uint8Array, found: Spellings): void {
  const t = s.t;
  const targets = new Map<string, { raw: string; count: number; name: boolean }>();
  for (const [lower, u] of usage) {
    const name = u.midCapitals >= 2;
    if (u.count < MIN_TARGET_COUNT || lower.length < MIN_LENGTH || (!name && !s.lex.keyWords.has(lower))) continue;
    targets.set(lower, { raw: u.display, count: u.count, name });
  }
  if (targets.size === 0) return;
  // Lower-case variants can only be of lexicon words; capitalised ones of names or lexicon words.
  const keys = [...targets.keys()];
  const wordIndex = new DeletionIndex(keys.filter((k) => !targets.get(k)!.name));
  const allIndex = new DeletionIndex(keys);
  usage.forEach((u, lower) => {
    const i = u.at[0]!;
    if (u.count > MAX_VARIANT_COUNT || lower.length < MIN_LENGTH || lower.length > MAX_WORD_LENGTH) return;
    if (known[i] || found.has(i) || !isUnknown(s, i)) return;
    const midCapital = t.cap[i] === 1 && !t.initial[i];
    const near = (midCapital ? allIndex : wordIndex).find(lower);
    // The nearest frequent enough target, then the most frequent: the first such in `near`
    // (nearest first) wins ties, as a stable sort would leave it.
    let best: { raw: string; count: number } | null = null;
    let bestDistance = 0;
    for (const m of near) {
      const target = targets.get(m.key)!;
      if (target.count < u.count * MIN_RATIO || areAffixVariants(lower, m.key, s.lex.affixes)) continue;
      if (best === null || m.distance < bestDistance || (m.distance === bestDistance && target.count > best.count)) {
        best = target;
        bestDistance = m.distance;
      }
    }
    if (best === null) return;
    const why = signal('rareVariant', best.raw);
    for (const k of u.at) found.add(k, k, matchCase(t.raw[k]!, best.raw), why);
  });
}

// "Reolusyon" at a sentence start should be corrected to "Resolusyon", not "resolusyon".
function matchCase(variant: string, target: string): string {
  const capital = variant[0] !== variant[0]!.toLowerCase();
  return capital ? target[0]!.toUpperCase() + target.slice(1) : target;
}
