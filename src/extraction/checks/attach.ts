/**
 * Puts each finding on the claims it is about: the merged candidates of its kind overlapping its
 * span (else any overlapping candidate), or a new candidate of its kind when none overlaps. Each
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
  for (const c of merged) longest = Math.max(longest, c.end - c.start);
  for (const f of findings) {
    const overlapping = overlappingCandidates(merged, f.start, f.end, longest);
    const sameKind = overlapping.filter((c) => c.kind === f.kind);
    const targets = sameKind.length > 0 ? sameKind : overlapping;
    if (targets.length === 0) {
      const c: RawCandidate = { kind: f.kind, start: f.start, end: f.end, signals: [], suggestion: null };
      targets.push(c);
      added.push(c);
    }
    for (const c of targets) {
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
