/**
 * Turns merged raw candidates into the public shape: the sentence each starts in (binary
 * search), the span clipped to that sentence, context signals from the other kinds of claim in
 * the sentence, and the score with its reasons.
 */
import { isSpaceCode } from './char-classes.js';
import { assess, contextSignals, KIND_BITS } from './score.js';
import type { ClaimCandidate, RawCandidate, Sentence } from './types.js';

/** Builds the claim list, sorted by start then end. */
export function finalise(text: string, merged: readonly RawCandidate[], sentences: readonly Sentence[]): ClaimCandidate[] {
  // Sized up front: growing arrays of tens of thousands by push() copies them (in large-object
  // space, while the collector is marking) several times over, which cost more than the work.
  const placed: RawCandidate[] = new Array(merged.length);
  const sentenceOf = new Int32Array(merged.length);
  let count = 0;
  const kinds = new Uint8Array(sentences.length);
  for (let k = 0; k < merged.length; k++) {
    const c = merged[k]!;
    const s = sentenceAt(sentences, c.start);
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
      findings: c.findings ?? [],
    };
  }
  return claims.sort((a, b) => a.start - b.start || a.end - b.end);
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
