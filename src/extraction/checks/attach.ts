/**
 * Puts each finding on the claims it is about: the merged candidates of its kind overlapping its
 * span, or a new candidate of its kind (a spelling one carrying the suggestion) when none does. Each
 * finding also adds a signal, so a claim with findings scores higher; findings never resolve it.
 */
import { signal } from '../score.js';
import type { RawCandidate } from '../types.js';
import type { PlacedFinding } from './check-input.js';

/** Attaches findings to `merged` (sorted by start) in place and returns the candidates to add. */
export function attachFindings(merged: RawCandidate[], findings: readonly PlacedFinding[]): RawCandidate[] {
  const added: RawCandidate[] = [];
  if (findings.length === 0) return added;
  let longest = 0;
  for (let k = 0; k < merged.length; k++) longest = Math.max(longest, merged[k]!.end - merged[k]!.start);
  for (const f of findings) {
    const targets = overlappingCandidates(merged, f.start, f.end, longest).filter((c) => c.kind === f.kind);
    if (targets.length === 0) {
      const suggestion = f.kind === 'spelling' ? (f.finding.suggestion ?? null) : null;
      const c: RawCandidate = { kind: f.kind, start: f.start, end: f.end, signals: [signal('precheck')], suggestion };
      targets.push(c);
      added.push(c);
    }
    for (const c of targets) {
      // A spelling rule that already made a suggestion knows this text better than a dictionary.
      if (c.kind === 'spelling' && c.suggestion !== null && c.suggestion !== f.finding.suggestion && c.signals.length > 0) continue;
      c.findings ??= [];
      if (c.findings.some((x) => x.code === f.finding.code && x.message === f.finding.message)) continue;
      c.findings.push(f.finding);
      c.signals.push(signal('finding', f.finding.code));
    }
  }
  return added;
}

// Candidates with start < end and end > start, found from a binary search on start.
function overlappingCandidates(merged: readonly RawCandidate[], start: number, end: number, longest: number): RawCandidate[] {
  let lo = 0;
  let hi = merged.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (merged[mid]!.start < start - longest) lo = mid + 1;
    else hi = mid;
  }
  const out: RawCandidate[] = [];
  for (let k = lo; k < merged.length && merged[k]!.start < end; k++) if (merged[k]!.end > start) out.push(merged[k]!);
  return out;
}
