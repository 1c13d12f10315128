import { describe, expect, it } from 'vitest';
import { lineBoundsFromStored, lineBoundsOf, readerPartStarts, readerTextPart } from '../../src/documents/reader-parts.js';
import type { ReaderMark } from '../../src/documents/reader.js';

/** The bounds of `lines` lines of ten characters ("l0000000k\n"): line k begins at 10k. */
const text = (lines: number) => lineBoundsOf(Array.from({ length: lines }, (_, k) => `l${String(k).padStart(8, '0')}\n`).join(''));
/** One claim a line on lines 0…n−1 (characters 2–6 of each), in text order; `spans` overrides some ends. */
const marks = (n: number, spans: Record<number, number> = {}): ReaderMark[] =>
  Array.from({ length: n }, (_, i) => ({
    id: 500 + i,
    start: 10 * i + 2,
    end: spans[i] ?? 10 * i + 7,
    kind: 'statistic',
    status: 'open',
    verdict: null,
  }));

describe('lineBoundsOf', () => {
  it('begins a line at 0 and after every newline, a last empty one included, and keeps the length', () => {
    expect(lineBoundsOf('')).toEqual({ starts: [0], length: 0 });
    expect(lineBoundsOf('a')).toEqual({ starts: [0], length: 1 });
    expect(lineBoundsOf('a\n')).toEqual({ starts: [0, 2], length: 2 });
    expect(lineBoundsOf('ab\ncd\n\nx')).toEqual({ starts: [0, 3, 6, 7], length: 8 });
    expect(lineBoundsOf('\r\n“x”\n')).toEqual({ starts: [0, 2, 6], length: 6 });
  });

  it('reads the stored form: the starts, then the length', () => {
    expect(lineBoundsFromStored([0, 3, 6, 7, 8])).toEqual({ starts: [0, 3, 6, 7], length: 8 });
    expect(lineBoundsFromStored([0, 0])).toEqual({ starts: [0], length: 0 });
  });
});

describe('readerPartStarts', () => {
  it('begins a part at the start of the line holding each hundredth claim', () => {
    expect(readerPartStarts(text(300), marks(250))).toEqual([0, 1000, 2000]);
  });

  it('moves a boundary on to the next line start past a claim that runs over it, and never cuts a claim', () => {
    // Claim 100 (index 99, on line 99) runs into line 101: part 2 begins at line 102.
    expect(readerPartStarts(text(300), marks(250, { 99: 1015 }))).toEqual([0, 1020, 2000]);
    // Ending exactly at a line start does not cut it.
    expect(readerPartStarts(text(300), marks(250, { 99: 1000 }))).toEqual([0, 1000, 2000]);
  });

  it('places a boundary on the line start a claim begins at, and past a claim that ends mid-line', () => {
    // Claim 101 (index 100) begins exactly where line 100 does.
    const starts = marks(250).map((m, i) => (i === 100 ? { ...m, start: 1000 } : m));
    expect(readerPartStarts(text(300), starts)).toEqual([0, 1000, 2000]);
    // Claim 100 runs to the middle of line 100: the boundary moves on to line 101.
    expect(readerPartStarts(text(300), marks(250, { 99: 1004 }))).toEqual([0, 1010, 2000]);
  });

  it('gives no part past the end of a text without a final newline', () => {
    const lines = lineBoundsOf('x'.repeat(50) + '\n' + 'y'.repeat(50));
    const spans = Array.from({ length: 150 }, (_, i) => ({
      ...marks(1)[0]!,
      id: i + 1,
      start: i < 100 ? i % 50 : 51 + (i % 49),
      end: i < 100 ? (i % 50) + 1 : 52 + (i % 49),
    }));
    spans.sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
    expect(readerPartStarts(lines, spans)).toEqual([0, 51]);
    // A claim that runs to the end leaves no room for a second part.
    expect(
      readerPartStarts(
        lines,
        spans.map((m, i) => (i === 0 ? { ...m, end: 101 } : m)),
      ),
    ).toEqual([0]);
  });

  it('merges parts a long claim spans, and gives no part past the end of the text', () => {
    // Claim 1 runs to line 250: no boundary before line 251, so parts 2 and 3 become one.
    expect(readerPartStarts(text(300), marks(250, { 0: 2505 }))).toEqual([0, 2510]);
    expect(readerPartStarts(text(300), marks(250, { 0: 2995 }))).toEqual([0]);
  });
});

describe('readerTextPart', () => {
  it('shows the whole text as one part when the claims fit a list page', () => {
    const part = readerTextPart(text(150), marks(100), undefined, 550);
    expect(part).toMatchObject({ part: 1, partCount: 1, from: 0, to: 1500 });
    expect(part.marks).toHaveLength(100);
  });

  it('shows the part asked for, else the one holding the first listed claim, with the claims that begin in it', () => {
    const all = marks(250);
    expect(readerTextPart(text(300), all, 2, 500)).toMatchObject({ part: 2, partCount: 3, from: 1000, to: 2000 });
    const third = readerTextPart(text(300), all, undefined, 720);
    expect(third).toMatchObject({ part: 3, from: 2000, to: 3000 });
    expect(third.marks.map((m) => m.id)).toEqual(all.slice(200).map((m) => m.id));
    expect(third.partOf({ start: 999 })).toBe(1);
    expect(third.partOf({ start: 1000 })).toBe(2);
    expect(readerTextPart(text(300), all, undefined, undefined).part).toBe(1);
  });

  it('answers a part past the last with a 404 that says how many there are', () => {
    expect(() => readerTextPart(text(300), marks(250), 4, undefined)).toThrow('There is no part 4 of this text: it has 3 parts.');
    expect(() => readerTextPart(text(150), marks(100), 2, undefined)).toThrow('it has 1 part.');
  });
});
