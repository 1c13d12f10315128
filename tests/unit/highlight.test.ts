import { describe, expect, it } from 'vitest';
import { buildSegments, splitLines, type Segment, type Span } from '../../src/documents/highlight.js';

const text = 'In 2003, 140,000 troops entered Iraq.\nBy 2011 they had left.';
const ids = (s: Segment<Span>) => s.claims.map((c) => c.id);

describe('buildSegments', () => {
  it('covers the whole text in order and joins back into it exactly', () => {
    const claims = [
      { id: 1, start: 3, end: 7 },
      { id: 2, start: 9, end: 23 },
    ];
    const segments = buildSegments(text, claims);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.map((s) => [s.start, s.end, ids(s)])).toEqual([
      [0, 3, []],
      [3, 7, [1]],
      [7, 9, []],
      [9, 23, [2]],
      [23, text.length, []],
    ]);
    expect(segments[1]!.primary?.id).toBe(1);
    expect(segments[0]!.primary).toBeNull();
  });

  it('splits overlapping claims into runs and opens the innermost one', () => {
    // 1 covers "2003, 140,000 troops", 2 covers "140,000", 3 overlaps 1's end: "troops entered"
    const claims = [
      { id: 3, start: 17, end: 31 },
      { id: 1, start: 3, end: 23 },
      { id: 2, start: 9, end: 16 },
    ];
    const segments = buildSegments(text, claims);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    const byText = Object.fromEntries(
      segments.map((s) => [s.text, { claims: ids(s), primary: s.primary?.id ?? null, starts: s.starts.map((c) => c.id) }]),
    );
    expect(byText['2003, ']).toEqual({ claims: [1], primary: 1, starts: [1] });
    expect(byText['140,000']).toEqual({ claims: [1, 2], primary: 2, starts: [2] });
    expect(byText[' ']).toEqual({ claims: [1], primary: 1, starts: [] });
    expect(byText['troops']).toEqual({ claims: [1, 3], primary: 3, starts: [3] });
    expect(byText[' entered']).toEqual({ claims: [3], primary: 3, starts: [] });
  });

  it('prefers the shorter of two claims starting together, and lists both on their common run', () => {
    const segments = buildSegments(text, [
      { id: 7, start: 3, end: 7 },
      { id: 8, start: 3, end: 16 },
      { id: 9, start: 3, end: 7 },
    ]);
    expect(segments[1]).toMatchObject({ text: '2003', primary: { id: 7 } });
    expect(ids(segments[1]!)).toEqual([8, 7, 9]);
    expect(segments[1]!.starts.map((c) => c.id)).toEqual([8, 7, 9]);
    expect(segments[2]).toMatchObject({ text: ', 140,000', primary: { id: 8 } });
  });

  it('clips spans outside the text, ignores empty ones and handles no claims or no text', () => {
    expect(
      buildSegments('abc', [
        { id: 1, start: -5, end: 2 },
        { id: 2, start: 2, end: 99 },
        { id: 3, start: 2, end: 2 },
      ]).map((s) => [s.text, ids(s)]),
    ).toEqual([
      ['ab', [1]],
      ['c', [2]],
    ]);
    expect(buildSegments(text, [])).toEqual([{ start: 0, end: text.length, text, claims: [], primary: null, starts: [] }]);
    expect(buildSegments('', [{ id: 1, start: 0, end: 3 }])).toEqual([]);
  });

  it('keeps extra fields of the claims for the view', () => {
    const [, marked] = buildSegments(text, [{ id: 1, start: 3, end: 7, status: 'open' as const }]);
    expect(marked!.primary?.status).toBe('open');
  });

  it('handles 2,000 claims, many of them overlapping, quickly', () => {
    const long = 'Noong 2003, 140,000 sundalo. '.repeat(2000);
    const claims = Array.from({ length: 2000 }, (_, i) => ({ id: i + 1, start: i * 29 + 6, end: i * 29 + 6 + (i % 3 === 0 ? 60 : 4) }));
    const t0 = performance.now();
    const segments = buildSegments(long, claims);
    expect(performance.now() - t0).toBeLessThan(200);
    expect(segments.map((s) => s.text).join('')).toBe(long);
    expect(new Set(segments.flatMap((s) => s.starts.map((c) => c.id))).size).toBe(2000);
  });
});

describe('splitLines', () => {
  it('groups runs into lines, splitting a claim that crosses a line break, and joins back exactly', () => {
    const lines = splitLines(buildSegments(text, [{ id: 1, start: 32, end: 45 }]));
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => l.map((s) => s.text).join(''))).toEqual(['In 2003, 140,000 troops entered Iraq.\n', 'By 2011 they had left.']);
    expect(lines[0]!.at(-1)).toMatchObject({ text: 'Iraq.\n', primary: { id: 1 }, starts: [{ id: 1 }] });
    expect(lines[1]![0]).toMatchObject({ text: 'By 2011', primary: { id: 1 }, starts: [] });
  });

  it('keeps blank lines and a final line break', () => {
    const lines = splitLines(buildSegments('a\n\nb\n', []));
    expect(lines.map((l) => l.map((s) => s.text).join(''))).toEqual(['a\n', '\n', 'b\n']);
  });
});
