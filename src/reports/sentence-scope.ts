import type { ClaimKind, CorrectionScope } from '../claims/claim-vocabulary.js';
import type { NoteError } from './correction-note.js';
import { sentenceIndexAt } from '../documents/spans.js';
import type { AcceptedCorrection } from './report.js';

/** The text a sentence-scope correction needs: the document and where its sentences start. */
export interface SentenceText {
  text: string;
  sentenceStarts: readonly number[];
}

/**
 * The sentence(s) holding [start, end), without the white space at their edges: a sentence-scope
 * correction replaces exactly this, so the space before the next sentence survives it.
 */
export function sentenceSpan(doc: SentenceText, start: number, end: number): { start: number; end: number } {
  const starts = doc.sentenceStarts;
  const first = sentenceIndexAt(starts, start);
  const last = sentenceIndexAt(starts, Math.max(start, end - 1));
  let from = starts.length ? (starts[first - 1] ?? 0) : 0;
  let to = starts[last] ?? doc.text.length;
  while (from < start && /\s/.test(doc.text[from]!)) from += 1;
  while (to > end && /\s/.test(doc.text[to - 1]!)) to -= 1;
  return { start: from, end: to };
}

/** A stored correction with its scope, before sentence scopes are widened. */
export interface ScopedCorrection extends AcceptedCorrection {
  scope: CorrectionScope;
}

/**
 * The corrections as they apply to the text, in text order: a sentence-scope correction covers its
 * whole sentence and supersedes the passage corrections inside it (it was written as the whole
 * sentence should read, so it already holds their fixes); each superseding correction lists the
 * claims it covers in `supersedes`. Anything else that overlaps is left for assertNoOverlap to refuse.
 */
export function widenCorrections(doc: SentenceText, corrections: readonly ScopedCorrection[]): AcceptedCorrection[] {
  const widened = corrections.map((c): AcceptedCorrection => {
    if (c.scope !== 'sentence') return { ...c };
    const span = sentenceSpan(doc, c.start, c.end);
    return { ...c, start: span.start, end: span.end, quote: doc.text.slice(span.start, span.end), supersedes: [] };
  });
  const kept = widened.filter((inner) => {
    if (inner.scope === 'sentence') return true;
    const outer = widened.find((o) => o.scope === 'sentence' && o.start <= inner.start && o.end >= inner.end);
    if (outer) outer.supersedes!.push(inner.claimId);
    return !outer;
  });
  return kept.sort((a, b) => a.start - b.start || a.claimId - b.claimId);
}

/** The claim's sentence as it will read with this claim's correction alone applied, or null without one. */
export function correctedSentence(
  doc: SentenceText,
  claim: { start: number; end: number; correction: string | null; correctionScope: CorrectionScope },
): string | null {
  if (claim.correction === null) return null;
  if (claim.correctionScope === 'sentence') return claim.correction;
  const span = sentenceSpan(doc, claim.start, claim.end);
  return doc.text.slice(span.start, claim.start) + claim.correction + doc.text.slice(claim.end, span.end);
}

/**
 * A resolved error as the correction note names it: what the article said (the passage, or the
 * whole sentence for a sentence-scope correction) and the rest of its sentence around it.
 */
export function noteErrorAt(
  doc: SentenceText,
  c: {
    verdict: NoteError['verdict'];
    kind: ClaimKind;
    start: number;
    end: number;
    correction: string | null;
    correctionScope: CorrectionScope;
  },
): NoteError {
  const span = sentenceSpan(doc, c.start, c.end);
  if (c.correctionScope === 'sentence')
    return {
      verdict: c.verdict,
      kind: c.kind,
      quote: doc.text.slice(span.start, span.end),
      correction: c.correction,
      before: '',
      after: '',
    };
  return {
    verdict: c.verdict,
    kind: c.kind,
    quote: doc.text.slice(c.start, c.end),
    correction: c.correction,
    before: doc.text.slice(span.start, c.start),
    after: doc.text.slice(c.end, span.end),
  };
}

/** The claim statement a ClaimReview falls back to: the claim's sentence, trimmed to a short line. */
export function defaultClaimStatement(sentence: string, max = 300): string {
  const line = sentence.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))}…`;
}
