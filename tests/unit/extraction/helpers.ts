import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { ClaimCandidate, ExtractedKind, ExtractionResult } from '../../../src/extraction/index.js';

export const SEED_TEXT = readFileSync(new URL('../../fixtures/iraq_tl.txt', import.meta.url), 'utf8');
export const SEED_GOLD = readFileSync(new URL('../../fixtures/iraq_tl.gold.jsonl', import.meta.url), 'utf8');

/** Candidates of a kind whose span overlaps the first occurrence of `phrase` (after `from`). */
export function overlapping(
  result: ExtractionResult,
  text: string,
  kind: ExtractedKind | null,
  phrase: string,
  from = 0,
): ClaimCandidate[] {
  const at = text.indexOf(phrase, from);
  expect(at, `"${phrase}" should occur in the test text`).toBeGreaterThanOrEqual(0);
  const end = at + phrase.length;
  return result.claims.filter((c) => (kind === null || c.kind === kind) && c.start < end && at < c.end);
}

/** Asserts that some candidate of `kind` overlaps `phrase`, and returns it. */
export function expectClaim(result: ExtractionResult, text: string, kind: ExtractedKind, phrase: string): ClaimCandidate {
  const found = overlapping(result, text, kind, phrase);
  expect(
    found.map((c) => c.quote),
    `a ${kind} candidate on "${phrase}"`,
  ).not.toHaveLength(0);
  return found[0]!;
}

/** Asserts a spelling candidate on `phrase` suggesting `suggestion`. */
export function expectSpelling(result: ExtractionResult, text: string, phrase: string, suggestion: string, from = 0): void {
  const found = overlapping(result, text, 'spelling', phrase, from);
  expect(
    found.map((c) => c.suggestion),
    `spelling candidate on "${phrase}"`,
  ).toContain(suggestion);
}

/** The output contract every result must honour, whatever the input. */
export function expectWellFormed(text: string, result: ExtractionResult): void {
  let previous = -1;
  for (const s of result.sentences) {
    expect(s.index).toBe(result.sentences.indexOf(s) + 1);
    expect(s.start).toBeGreaterThan(previous);
    expect(s.end).toBeGreaterThan(s.start);
    expect(/\s/.test(text[s.end - 1]!)).toBe(false);
    expect(/\s/.test(text[s.start]!)).toBe(false);
    previous = s.end - 1;
  }
  let last: ClaimCandidate | null = null;
  for (const c of result.claims) {
    expect(c.quote).toBe(text.slice(c.start, c.end));
    const sentence = result.sentences[c.sentenceIndex - 1]!;
    expect(c.start).toBeGreaterThanOrEqual(sentence.start);
    expect(c.end).toBeLessThanOrEqual(sentence.end);
    expect(c.score).toBeGreaterThanOrEqual(0);
    expect(c.score).toBeLessThanOrEqual(1);
    expect(Math.round(c.score * 100) / 100).toBe(c.score);
    expect(c.reasons.length).toBeGreaterThan(0);
    expect(c.suggestion === null).toBe(c.kind !== 'spelling');
    if (last) expect(last.start < c.start || (last.start === c.start && last.end <= c.end)).toBe(true);
    last = c;
  }
}
