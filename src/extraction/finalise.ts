/**
 * Turns merged raw candidates into the public shape: the sentence each starts in (binary
 * search), the span clipped to that sentence, context signals from the other kinds of claim in
 * the sentence, and the score with its reasons.
 */
import { isSpaceCode } from './char-classes.js';
import { assess, contextSignals, KIND_BITS } from './score.js';
import type { ClaimCandidate, Finding, RawCandidate, Sentence } from './types.js';

/** Builds the claim list, sorted by start then end. */
export function finalise(text: string, merged: readonly RawCandidate[], sentences: readonly Sentence[]): ClaimCandidate[] {
  // Sized up front: growing arrays of tens of thousands by push() copies them (in large-object
  // space, while the collector is marking) several times over, which cost more than the work.
  const placed: RawCandidate[] = new Array(merged.length);
  const sentenceOf = new Int32Array(merged.length);
  let count = 0;
  const kinds = new Uint8Array(sentences.length);
  // Candidates come sorted by start (pre-check additions last), so the sentence is found by
  // walking forward from the previous one; a binary search per claim cost a cache miss per step
  // on a large document, and grew with its size.
  let s = -1;
  for (let k = 0; k < merged.length; k++) {
    const c = merged[k]!;
    if (s >= 0 && c.start < sentences[s]!.start) s = sentenceAt(sentences, c.start);
    else while (s + 1 < sentences.length && sentences[s + 1]!.start <= c.start) s++;
    const sentence = sentences[s];
    if (!sentence) continue;
    // Raw candidates are this call's own objects: clip them in place.
    c.start = Math.max(c.start, sentence.start);
    c.end = Math.min(c.end, sentence.end);
    while (c.end > c.start && isSpaceCode(text.charCodeAt(c.end - 1))) c.end--;
    if (c.end <= c.start) continue;
    placed[count] = c;
    sentenceOf[count] = s;
    count++;
    kinds[s]! |= KIND_BITS[c.kind];
  }
  const claims: ClaimCandidate[] = new Array(count);
  let sorted = true;
  for (let k = 0; k < count; k++) {
    const c = placed[k]!;
    const sentence = sentenceOf[k]!;
    const { score, reasons } = assess(c.signals, contextSignals(c.kind, kinds[sentence]!));
    claims[k] = {
      sentenceIndex: sentence + 1,
      start: c.start,
      end: c.end,
      quote: text.slice(c.start, c.end),
      kind: c.kind,
      score,
      reasons,
      suggestion: c.suggestion,
      findings: c.findings ?? NO_FINDINGS,
    };
    if (k > 0 && byStart(claims[k - 1]!, claims[k]!) > 0) sorted = false;
  }
  // Only pre-check additions (appended last) break the order; sorting an ordered list still
  // compares every pair once, so it is skipped when nothing was added.
  return sorted ? claims : claims.sort(byStart);
}

// Most claims have no finding: they share one frozen empty list instead of holding one each.
const NO_FINDINGS: Finding[] = Object.freeze([]) as unknown as Finding[];

function byStart(a: ClaimCandidate, b: ClaimCandidate): number {
  return a.start - b.start || a.end - b.end;
}

/** Index of the last sentence starting at or before `offset` (-1 before the first). */
export function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
