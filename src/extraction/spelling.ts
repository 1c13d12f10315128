/**
 * Spelling candidates, each with the suggested form. Rules run from the most to the least
 * certain, and the first to flag a token keeps it: a language's grammar rules, near-misses of
 * bundled names and months, rare variants of frequent words in the same text, then names
 * capitalised inconsistently.
 */
import { findNameMisses } from './name-misses.js';
import { findRareVariants, wordUsage } from './rare-variants.js';
import type { Scan } from './scan.js';
import { findCasingSlips, findGrammarSlips } from './spelling-rules.js';
import { Spellings } from './spellings.js';
import type { RawCandidate } from './types.js';

/** Finds likely misspellings; every candidate carries a suggestion. */
export function findSpellings(s: Scan): RawCandidate[] {
  const found = new Spellings(s.t);
  const known = new Uint8Array(s.t.count);
  const usage = wordUsage(s);
  findGrammarSlips(s, found);
  findNameMisses(s, known, usage, found);
  findRareVariants(s, usage, known, found);
  findCasingSlips(s, found);
  return found.candidates();
}
