import { conflict } from '../http/errors.js';
import type { AcceptedCorrection } from './report.js';

const excerpt = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/**
 * Refuses corrections that overlap (409 naming both claims): applying one would change the text
 * the other was written against, and claimdesk cannot know how the two should combine.
 * `corrections` must be in text order (start, then claim id), as the repository returns them.
 */
export function assertNoOverlap(corrections: readonly AcceptedCorrection[]): void {
  let widest: AcceptedCorrection | null = null;
  for (const c of corrections) {
    if (widest && c.start < widest.end) {
      throw conflict(
        `Claims #${widest.claimId} (“${excerpt(widest.quote)}”) and #${c.claimId} (“${excerpt(c.quote)}”) have overlapping corrections, so the corrected text cannot be built. ` +
          'Fold one fix into the other claim’s correction and clear it, then export again.',
        { claims: [widest.claimId, c.claimId] },
      );
    }
    if (!widest || c.end > widest.end) widest = c;
  }
}

/** A run of the corrected text: unchanged original text, or one correction with what it replaces. */
export type Piece = { kind: 'text'; text: string } | { kind: 'change'; correction: AcceptedCorrection };

/**
 * Cuts the text into unchanged runs and corrected spans, in order. Joining the runs with each
 * correction gives the corrected text; joining them with each quote gives the original back.
 */
export function* pieces(text: string, corrections: readonly AcceptedCorrection[]): Generator<Piece> {
  let at = 0;
  for (const c of corrections) {
    if (c.start > at) yield { kind: 'text', text: text.slice(at, c.start) };
    yield { kind: 'change', correction: c };
    at = c.end;
  }
  if (at < text.length) yield { kind: 'text', text: text.slice(at) };
}

/** The document text with every accepted correction applied at its span. */
export function applyCorrections(text: string, corrections: readonly AcceptedCorrection[]): string {
  assertNoOverlap(corrections);
  let out = '';
  for (const p of pieces(text, corrections)) out += p.kind === 'text' ? p.text : p.correction.correction;
  return out;
}
