import { describe, expect, it } from 'vitest';
import { integersOf, marksOf } from '../../src/documents/reader.repository.js';

/** The reader's marks arrive as six comma-separated lists (src/documents/reader.repository.ts). */
describe("the reader's mark lists", () => {
  it('reads integers of any width, zero included, in order', () => {
    expect(integersOf('12,0,345,2147483647', 4)).toEqual([12, 0, 345, 2_147_483_647]);
    expect(integersOf('7', 1)).toEqual([7]);
  });

  it('lines the six lists up into marks, with an empty verdict as none', () => {
    const marks = marksOf({
      ids: '4,9',
      starts: '0,10',
      ends: '5,20',
      kinds: 'statistic,quote',
      statuses: 'resolved,open',
      verdicts: 'inaccurate,',
    });
    expect(marks).toEqual([
      { id: 4, start: 0, end: 5, kind: 'statistic', status: 'resolved', verdict: 'inaccurate' },
      { id: 9, start: 10, end: 20, kind: 'quote', status: 'open', verdict: null },
    ]);
  });

  it('puts marks that arrive out of order into text order: start, then end, then id', () => {
    const marks = marksOf({
      ids: '3,2,1,5',
      starts: '10,10,0,10',
      ends: '20,20,5,15',
      kinds: 'date,date,date,date',
      statuses: 'open,open,open,open',
      verdicts: ',,,',
    });
    expect(marks.map((m) => m.id)).toEqual([1, 5, 2, 3]);
  });

  it('gives no marks for a document without claims', () => {
    expect(marksOf({ ids: null, starts: null, ends: null, kinds: null, statuses: null, verdicts: null })).toEqual([]);
  });
});
