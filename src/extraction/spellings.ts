/**
 * Collects spelling findings from several rules. The first rule to claim a token wins; a later
 * rule that agrees on the same span and suggestion adds its reason instead of a duplicate.
 */
import type { Tokens } from './tokens.js';
import type { RawCandidate, Signal } from './types.js';

export class Spellings {
  private readonly owner: Int32Array;
  private readonly found: RawCandidate[] = [];

  constructor(private readonly t: Tokens) {
    this.owner = new Int32Array(t.count).fill(-1);
  }

  /** Records that tokens first..last should read `suggestion`, for the given reason. */
  add(first: number, last: number, suggestion: string, why: Signal): void {
    const start = this.t.start[first]!;
    const end = this.t.end[last]!;
    for (let k = first; k <= last; k++) {
      const id = this.owner[k]!;
      if (id < 0) continue;
      const prior = this.found[id]!;
      if (prior.start === start && prior.end === end && prior.suggestion === suggestion) prior.signals.push(why);
      return;
    }
    if (this.t.text.slice(start, end) === suggestion) return;
    this.owner.fill(this.found.length, first, last + 1);
    this.found.push({ kind: 'spelling', start, end, signals: [why], suggestion });
  }

  /** True when some rule already flagged token i. */
  has(i: number): boolean {
    return this.owner[i]! >= 0;
  }

  candidates(): RawCandidate[] {
    return this.found;
  }
}
