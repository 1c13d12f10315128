import { describe, expect, it } from 'vitest';
import { assertNoOverlap, pieces } from '../../../src/reports/corrections.js';
import type { AcceptedCorrection } from '../../../src/reports/report.js';
import { accepted } from './builders.js';

const refusal = (corrections: AcceptedCorrection[]): { message: string; details: unknown } => {
  try {
    assertNoOverlap(corrections);
  } catch (err) {
    return err as { message: string; details: unknown };
  }
  throw new Error('expected the corrections to be refused');
};

describe('refusing overlapping corrections', () => {
  it('quotes a 60-character passage whole and cuts a 61-character one to 57 characters and an ellipsis', () => {
    const sixty = 'abcdefghij'.repeat(6);
    const sixtyOne = `${'abcdefghij'.repeat(6)}k`;
    const err = refusal([accepted(11, 0, sixty, 'x'), accepted(12, 59, sixtyOne, 'y')]);
    // The whole message, so the advice after the claims is pinned too.
    expect(err.message).toBe(
      'Claims #11 (“abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij”) and #12 (“abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefg…”) ' +
        'have overlapping corrections, so the corrected text cannot be built. Fold one fix into the other claim’s correction and clear it, then export again.',
    );
    expect(err.details).toEqual({ claims: [11, 12] });
  });

  it('measures each correction against the widest span so far, not the first one', () => {
    // 'Sinabi ng United Sates na dahil nasa material breach': #1 ends at 6, #2 reaches 31, and
    // #3 starts inside #2 although well after #1 ended.
    const corrections = [
      accepted(1, 0, 'Sinabi', 'Wika'),
      accepted(2, 10, 'United Sates na dahil', 'United States'),
      accepted(3, 26, 'dahil', 'sapagkat'),
    ];
    const err = refusal(corrections);
    expect(err.details).toEqual({ claims: [2, 3] });
    expect(err.message.startsWith('Claims #2 (“United Sates na dahil”) and #3 (“dahil”)')).toBe(true);
  });

  it('lets disjoint and touching corrections through, and an empty list', () => {
    expect(() => assertNoOverlap([])).not.toThrow();
    expect(() =>
      assertNoOverlap([accepted(1, 0, 'Sinabi', 'Wika'), accepted(2, 6, ' ng', ' ni'), accepted(3, 26, 'dahil', 'sapagkat')]),
    ).not.toThrow();
  });
});

describe('cutting the text into pieces', () => {
  it('gives no empty runs when corrections sit at the very start, touch each other and reach the very end', () => {
    const text = 'Iraw United Sates';
    const a = accepted(1, 0, 'Iraw', 'Iraq');
    const b = accepted(2, 4, ' ', ', ');
    const c = accepted(3, 5, 'United Sates', 'United States');
    expect([...pieces(text, [a, b, c])]).toEqual([
      { kind: 'change', correction: a },
      { kind: 'change', correction: b },
      { kind: 'change', correction: c },
    ]);
  });

  it('keeps the unchanged runs between, before and after the corrections', () => {
    const text = 'Sinabi ng Iraw at ng United Sates.';
    const a = accepted(1, 10, 'Iraw', 'Iraq');
    const b = accepted(2, 21, 'United Sates', 'United States');
    expect([...pieces(text, [a, b])]).toEqual([
      { kind: 'text', text: 'Sinabi ng ' },
      { kind: 'change', correction: a },
      { kind: 'text', text: ' at ng ' },
      { kind: 'change', correction: b },
      { kind: 'text', text: '.' },
    ]);
  });

  it('gives nothing for an empty text and one run for a text without corrections', () => {
    expect([...pieces('', [])]).toEqual([]);
    expect([...pieces('Walang mali.', [])]).toEqual([{ kind: 'text', text: 'Walang mali.' }]);
  });
});
