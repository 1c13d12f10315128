/**
 * Telling a misspelling from an inflection. Tagalog builds words with prefixes (mag-, nag-,
 * ipa-), infixes (-um-, -in-), suffixes (-in, -an) and reduplication (sasabihin), so two
 * correct forms of one root are often one or two edits apart; English adds -s, -ed, -ing.
 * Two words count as variants of each other when stripping affixes from both can meet.
 */

export interface Affixes {
  readonly prefixes: readonly string[];
  readonly infixes: readonly string[];
  readonly suffixes: readonly string[];
}

// Two words within two edits differ by at most a couple of affixes, so two removals suffice.
const MAX_DEPTH = 2;
const MAX_STEMS = 200;
const MIN_STEM = 3;
// Stems are asked for again and again for a document's frequent words; keep recent answers.
const CACHE_LIMIT = 20_000;
const cache = new Map<string, { affixes: Affixes; stems: Set<string> }>();

/** True when a and b (lower-cased) look like two inflections of one root rather than a typo. */
export function areAffixVariants(a: string, b: string, affixes: Affixes): boolean {
  if (a.startsWith(b) || b.startsWith(a) || a.endsWith(b) || b.endsWith(a)) return true;
  const fromA = cachedStems(a, affixes);
  for (const stem of cachedStems(b, affixes)) if (fromA.has(stem)) return true;
  return false;
}

function cachedStems(word: string, affixes: Affixes): Set<string> {
  const hit = cache.get(word);
  if (hit && hit.affixes === affixes) return hit.stems;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const result = stems(word, affixes);
  cache.set(word, { affixes, stems: result });
  return result;
}

/** The word and the shorter forms reached by removing up to two affixes. */
export function stems(word: string, affixes: Affixes): Set<string> {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let depth = 0; depth < MAX_DEPTH && out.size < MAX_STEMS; depth++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (const v of oneStep(w, affixes)) {
        if (v.length >= MIN_STEM && !out.has(v)) {
          out.add(v);
          next.push(v);
        }
      }
    }
    frontier = next;
  }
  return out;
}

function oneStep(w: string, affixes: Affixes): string[] {
  const out: string[] = [];
  if (w.includes('-')) out.push(w.replace(/-/g, ''));
  for (const p of affixes.prefixes) {
    if (w.startsWith(p)) out.push(w.slice(p.length).replace(/^-/, ''));
  }
  for (const s of affixes.suffixes) {
    if (w.endsWith(s)) out.push(w.slice(0, -s.length));
  }
  for (const inf of affixes.infixes) {
    if (w.startsWith(inf)) out.push(w.slice(inf.length));
    if (w.slice(1, 1 + inf.length) === inf) out.push(w[0] + w.slice(1 + inf.length));
  }
  // Reduplicated first syllable: "sasabihin" → "sabihin", "aaral" → "aral", "nagsasabi" → "nagsabi".
  for (let k = 0; k <= 4 && k < w.length; k++) {
    for (let len = 1; len <= 3; len++) {
      if (k + 2 * len <= w.length && w.slice(k, k + len) === w.slice(k + len, k + 2 * len)) {
        out.push(w.slice(0, k) + w.slice(k + len));
      }
    }
  }
  return out;
}
