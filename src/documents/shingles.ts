/**
 * Near-duplicate texts by word shingles: the runs of SHINGLE_WORDS consecutive words of a text,
 * lower-cased, hashed to 32 bits. Two texts are near-duplicates when the imported one shares at
 * least NEAR_DUPLICATE_SHARE of its shingles with a stored one (docs/MATCHING.md, "Near-duplicate documents").
 * Pure: no database.
 */

export const SHINGLE_WORDS = 5;
export const NEAR_DUPLICATE_SHARE = 0.9;
/** A stored sample keeps the hashes divisible by this, so that a text's share survives sampling… */
const SAMPLE_MODULUS = 16;
/** …and the smallest few, so that a short text (under ~50 words) still has a sample. */
const SAMPLE_SMALLEST = 8;

/** FNV-1a, 32 bits, as a signed integer (PostgreSQL's integer). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** The distinct shingle hashes of a text; a text shorter than one shingle is one shingle. */
export function shingleHashes(text: string): Set<number> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<number>();
  if (words.length === 0) return out;
  if (words.length < SHINGLE_WORDS) {
    out.add(hash(words.join(' ')));
    return out;
  }
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(hash(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  return out;
}

/** What is stored of a text's shingles: a sample sharing roughly the share the full sets share. */
export function shingleSample(hashes: ReadonlySet<number>): number[] {
  const all = [...hashes].sort((a, b) => a - b);
  const sample = new Set(all.slice(0, SAMPLE_SMALLEST));
  for (const h of all) if (h % SAMPLE_MODULUS === 0) sample.add(h);
  return [...sample].sort((a, b) => a - b);
}

/** The share of `mine` (the imported text's shingles) that `theirs` also holds, 0–1. */
export function sharedShare(mine: ReadonlySet<number>, theirs: ReadonlySet<number>): number {
  if (mine.size === 0) return 0;
  let shared = 0;
  for (const h of mine) if (theirs.has(h)) shared++;
  return shared / mine.size;
}
