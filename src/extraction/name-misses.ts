/**
 * Near-misses of the bundled names: a multi-word name with one word slightly off ("United
 * Sates") or missing a function word ("State of Union"), a one-word name ("Afganistan", "Iraw"),
 * and a month name in a date ("Oktobre 2005"). Exact known names are marked so that the other
 * spelling rules leave them alone.
 */
import { distance } from 'fastest-levenshtein';
import { areAffixVariants } from './affixes.js';
import { allowedEdits, DeletionIndex } from './deletion-index.js';
import type { Lexicon } from './lexicon.js';
import type { KnownName } from './names.js';
import { isContent, type Scan } from './scan.js';
import { signal } from './score.js';
import { ACRONYM, NUMBER, PUNCT, type Tokens, WORD } from './tokens.js';
import type { Spellings } from './spellings.js';
import { type Usage, usageCount } from './rare-variants.js';

const monthIndexes = new WeakMap<Lexicon, { index: DeletionIndex; preferred: Map<string, string> }>();

/** Marks tokens inside exact known names in `known` and records near-misses in `found`. */
export function findNameMisses(s: Scan, known: Uint8Array, usage: Usage, found: Spellings): void {
  const t = s.t;
  // Each distinct word is looked up once per document.
  const singles: (string | null | undefined)[] = new Array(t.distinctLowers);
  const keys = nameKeys(s);
  // The month a word is a near-miss of, per distinct word (undefined: not yet looked up).
  const months: (string | null | undefined)[] = new Array(t.distinctLowers);
  for (let i = 0; i < t.count; i++) {
    if (t.type[i] !== WORD && t.cap[i] !== 1) continue;
    const exact = t.cap[i] === 1 && isKey(t, keys.phrase, i) ? s.names.phrases.matchAt(t, i) : null;
    if (exact) {
      known.fill(1, i, i + exact.length);
      i += exact.length - 1;
      continue;
    }
    if (t.cap[i] !== 1) continue;
    const phrase = phraseMiss(s, i, keys);
    if (phrase) {
      found.add(i, phrase.last, phrase.suggestion, phrase.signal);
      i = phrase.last;
      continue;
    }
    if (t.initial[i] || !isUnknown(s, i)) continue;
    let single = singles[t.lowerId[i]!];
    if (single === undefined) {
      single = singleMiss(s, i, usage);
      singles[t.lowerId[i]!] = single;
    }
    if (single) found.add(i, i, single, signal('nearMiss', single));
    const month = monthMiss(s, i, months);
    if (month) found.add(i, i, month, signal('nearMiss', month));
  }
}

/** A word no list knows: a candidate for correction. */
export function isUnknown(s: Scan, i: number): boolean {
  const w = s.t.lower[i]!;
  return s.t.type[i] === WORD && !s.lex.vocabulary.has(w) && !s.names.words.has(w) && !hasDigit(w);
}

// /\d/.test(w) without a regex call: this runs for most capitalised words of a text.
function hasDigit(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

// The word tokens from i on, skipping the full stops of initials.
function wordsFrom(s: Scan, i: number, n: number): number[] {
  const out: number[] = [];
  for (let k = i; k < s.t.count && out.length < n && s.t.sentence[k] === s.t.sentence[i]; k++) {
    if (s.t.type[k] === PUNCT && s.t.raw[k] === '.') continue;
    if (s.t.type[k] === PUNCT) break;
    out.push(k);
  }
  return out;
}

// Longest name, in words, that a near-miss is looked for.
const MAX_NAME_WORDS = 8;

// The name tables are large, so most capitalised words would cost a look-up that finds nothing;
// whether a word is a key is remembered per distinct word (Tokens.lowerId) instead.
// Per table, per distinct word: 0 not asked yet, 1 not a key, 2 a key.
interface NameKeys {
  readonly phrase: KeyMemo;
  readonly first: KeyMemo;
  readonly second: KeyMemo;
}
interface KeyMemo {
  readonly memo: Uint8Array;
  readonly has: (w: string) => boolean;
}

function nameKeys(s: Scan): NameKeys {
  const memo = (has: (w: string) => boolean): KeyMemo => ({ memo: new Uint8Array(s.t.distinctLowers), has });
  return {
    phrase: memo((w) => s.names.phrases.startsAny(w)),
    first: memo((w) => s.names.byFirst.has(w)),
    second: memo((w) => s.names.bySecond.has(w)),
  };
}

/** Whether token i's lower-cased text is a key of the table `key` stands for. */
function isKey(t: Tokens, key: KeyMemo, i: number): boolean {
  // Only a word's lower-cased text is the form its lowerId stands for.
  if (t.type[i] !== WORD && t.type[i] !== ACRONYM) return key.has(t.lower[i]!);
  const id = t.lowerId[i]!;
  if (key.memo[id] === 0) key.memo[id] = key.has(t.lower[i]!) ? 2 : 1;
  return key.memo[id] === 2;
}

function phraseMiss(s: Scan, i: number, keys: NameKeys) {
  const t = s.t;
  const byFirst = isKey(t, keys.first, i) ? s.names.byFirst.get(t.lower[i]!) : undefined;
  const bySecond =
    i + 1 >= t.count ? s.names.bySecond.get('') : isKey(t, keys.second, i + 1) ? s.names.bySecond.get(t.lower[i + 1]!) : undefined;
  if (!byFirst && !bySecond) return null;
  const at = wordsFrom(s, i, MAX_NAME_WORDS);
  for (const pool of [byFirst, bySecond]) {
    for (const name of pool ?? []) {
      const n = name.words.length;
      if (at.length >= n && typoOf(s, at, n, name)) {
        return { last: at[n - 1]!, suggestion: name.text, signal: signal('nearMiss', name.text) };
      }
      if (n >= 3 && at.length >= n - 1 && missingWord(s, at, name)) {
        return { last: at[n - 2]!, suggestion: name.text, signal: signal('missingWord', name.text) };
      }
    }
  }
  return null;
}

// The first n words are the name's words, one or two letters off in words no list knows, with
// at least one word exact. Cheap checks (lengths) come before the costly ones.
function typoOf(s: Scan, at: readonly number[], n: number, name: KnownName): boolean {
  let edits = 0;
  let exact = 0;
  const limit = allowedEdits(name.text.length);
  for (let k = 0; k < n; k++) {
    const have = s.t.lower[at[k]!]!;
    const want = name.words[k]!;
    if (have === want) {
      exact++;
      continue;
    }
    if (have.length < 3 || Math.abs(have.length - want.length) > limit) return false;
    if (!isUnknown(s, at[k]!)) return false;
    // The distance before the affix test: it rules out most words, and costs far less.
    const d = distance(have, want);
    if (edits + d > limit || areAffixVariants(have, want, s.lex.affixes)) return false;
    edits += d;
  }
  return exact > 0 && edits > 0;
}

// The first n - 1 words are the name's words with one inner function word left out.
function missingWord(s: Scan, at: readonly number[], name: KnownName): boolean {
  const words = name.words;
  if (s.t.cap[at[0]!] !== 1 || s.t.lower[at[0]!] !== words[0]) return false;
  for (let d = 1; d < words.length - 1; d++) {
    if (!s.lex.stopwords.has(words[d]!)) continue;
    let same = true;
    for (let k = 0, w = 0; k < words.length - 1 && same; k++, w++) {
      if (w === d) w++;
      same = s.t.lower[at[k]!] === words[w];
    }
    if (same) return true;
  }
  return false;
}

// Short names need the real name elsewhere in the text; long ones are rarely legitimate variants.
function singleMiss(s: Scan, i: number, usage: Usage): string | null {
  const w = s.t.lower[i]!;
  // The nearest, then the one this text uses most; the first such in find()'s order (nearest
  // first) wins ties, as a stable sort would leave it.
  let best: string | null = null;
  let bestDistance = 0;
  let bestCount = 0;
  for (const m of s.names.singleIndex.find(w)) {
    const count = usageCount(s, usage, m.key);
    if (areAffixVariants(w, m.key, s.lex.affixes) || (w.length < 7 && count === 0)) continue;
    if (best === null || m.distance < bestDistance || (m.distance === bestDistance && count > bestCount)) {
      best = m.key;
      bestDistance = m.distance;
      bestCount = count;
    }
  }
  return best === null ? null : (s.names.single.get(best) ?? null);
}

// A month spelt wrong counts only where a date is plainly meant: next to a number or after "noong"/"in".
function monthMiss(s: Scan, i: number, memo: (string | null | undefined)[]): string | null {
  const t = s.t;
  const dated = t.type[i + 1] === NUMBER || t.type[i - 1] === NUMBER || s.lex.datePrepositions.matchEndingAt(t, i - 1);
  if (!dated || !isContent(s, i)) return null;
  // Only word tokens get here (isUnknown), so the lowerId stands for t.lower[i].
  let month = memo[t.lowerId[i]!];
  if (month === undefined) {
    month = nearestMonth(s, t.lower[i]!);
    memo[t.lowerId[i]!] = month;
  }
  return month;
}

function nearestMonth(s: Scan, word: string): string | null {
  let m = monthIndexes.get(s.lex);
  if (!m) {
    const preferred = new Map(s.lex.monthForms.map((f) => [f.form.toLowerCase(), f.preferred] as const));
    m = { index: new DeletionIndex(preferred.keys()), preferred };
    monthIndexes.set(s.lex, m);
  }
  for (const x of m.index.find(word)) {
    if (!areAffixVariants(word, x.key, s.lex.affixes)) return m.preferred.get(x.key) ?? null;
  }
  return null;
}
