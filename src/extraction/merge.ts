/**
 * Overlapping candidates of the same kind become one: the union of their spans and of their
 * signals. Different kinds may overlap freely (a date inside a quotation stays a date).
 */
import type { ExtractedKind, RawCandidate } from './types.js';

/** Merges same-kind overlaps; the result is sorted by start, then end. */
export function mergeOverlaps(candidates: readonly RawCandidate[]): RawCandidate[] {
  const byKind = new Map<ExtractedKind, RawCandidate[]>();
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k]!;
    const list = byKind.get(c.kind);
    if (list) list.push(c);
    else byKind.set(c.kind, [c]);
  }
  // Sized up front and cut to length after: see finalise.ts on growing long arrays.
  const out: RawCandidate[] = new Array(candidates.length);
  let n = 0;
  byKind.forEach((list) => {
    list.sort(byPosition);
    let current: RawCandidate | null = null;
    for (let k = 0; k < list.length; k++) {
      const c = list[k]!;
      // Candidates are fresh objects from the detectors, so merging may update them in place.
      if (current && c.start < current.end) {
        current.end = Math.max(current.end, c.end);
        for (const sig of c.signals) current.signals.push(sig);
        current.suggestion ??= c.suggestion;
        if (c.findings) current.findings = [...(current.findings ?? []), ...c.findings];
      } else {
        current = c;
        out[n++] = current;
      }
    }
  });
  out.length = n;
  return out.sort(byPosition);
}

function byPosition(a: RawCandidate, b: RawCandidate): number {
  return a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind);
}
