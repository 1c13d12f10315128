import { describe, expect, it } from 'vitest';
import { READER_PAGE_SIZE, readerList, type ReaderMark } from '../../src/documents/reader.js';
import { markedTextHtml } from '../../src/pages/reader/marked-text.js';

/** `n` claims in text order, every third a date and every fifth resolved as accurate. */
const marks = (n: number): ReaderMark[] =>
  Array.from({ length: n }, (_, i) => ({
    id: 1000 + i,
    start: 10 * i,
    end: 10 * i + 5,
    kind: i % 3 === 0 ? 'date' : 'statistic',
    status: i % 5 === 0 ? 'resolved' : 'open',
    verdict: i % 5 === 0 ? 'accurate' : null,
  }));

describe('readerList', () => {
  it('puts 100 claims on a page and knows the page of every claim', () => {
    const list = readerList(marks(250), { page: 2 });
    expect(READER_PAGE_SIZE).toBe(100);
    expect(list).toMatchObject({ page: 2, pageCount: 3, listedCount: 250, filtered: false });
    expect(list.pageIds).toEqual(
      marks(250)
        .slice(100, 200)
        .map((c) => c.id),
    );
    expect([list.pageOf.get(1000), list.pageOf.get(1099), list.pageOf.get(1100), list.pageOf.get(1249)]).toEqual([1, 1, 2, 3]);
    expect(list.statusCounts).toEqual({ open: 200, in_review: 0, resolved: 50, dismissed: 0 });
  });

  it('pages the filtered claims only, and gives the others no page', () => {
    const list = readerList(marks(250), { kind: 'date', page: 1 });
    expect(list.listedCount).toBe(84);
    expect(list.pageCount).toBe(1);
    expect(list.pageOf.get(1003)).toBe(1);
    expect(list.pageOf.has(1001)).toBe(false);
    expect(list.filters).toEqual({ kind: 'date' });
    expect(readerList(marks(250), { verdict: 'none' }).listedCount).toBe(200);
  });

  it('knows which page holds a claim (how ?claim= is served), under the filters', () => {
    expect(readerList(marks(250), {}).pageOf.get(1234)).toBe(3);
    expect(readerList(marks(250), { kind: 'date' }).pageOf.get(1234)).toBe(1);
    const holding = readerList(marks(250), { claim: 1234 });
    expect(holding.page).toBe(3);
    expect(holding.pageIds).toContain(1234);
    expect(readerList(marks(250), { kind: 'date', claim: 1234 }).page).toBe(1);
    expect(() => readerList(marks(250), { claim: 999_999 })).toThrow(
      expect.objectContaining({ status: 404, message: 'Claim #999999 in this list not found.' }),
    );
  });

  it('answers a page past the end with a 404 naming the page count, and page 1 of an empty list', () => {
    expect(() => readerList(marks(250), { page: 4 })).toThrow(
      expect.objectContaining({ status: 404, message: expect.stringContaining('it has 3 pages') }),
    );
    expect(readerList([], {})).toMatchObject({ page: 1, pageCount: 1, pageIds: [], listedCount: 0 });
    expect(() => readerList([], { page: 2 })).toThrow(expect.objectContaining({ status: 404 }));
  });
});

describe('markedTextHtml', () => {
  it('writes each mark as a bare link with its colours, the legend it means and the anchor where its claim begins', () => {
    const text = 'In 2003, 140,000 troops <entered> Iraq.\nBy 2011 they had left.';
    const claims: ReaderMark[] = [
      { id: 1, start: 3, end: 23, kind: 'statistic', status: 'resolved', verdict: 'inaccurate' },
      { id: 2, start: 9, end: 16, kind: 'statistic', status: 'open', verdict: null },
      { id: 3, start: 43, end: 47, kind: 'date', status: 'open', verdict: null },
    ];
    const html = markedTextHtml(text, claims, (id) => (id === 3 ? `/documents/7?page=2#claim-${id}` : `#claim-${id}`), new Set([1, 2, 3]));
    expect(html).toBe(
      '<p class="line">In <a href="#claim-1" class="hl st-resolved vd-inaccurate" id="text-1" aria-describedby="lg-st-resolved lg-vd-inaccurate">2003, </a>' +
        '<a href="#claim-2" class="hl st-open hl-multi" id="text-2" aria-describedby="lg-st-open lg-multi">140,000</a>' +
        '<a href="#claim-1" class="hl st-resolved vd-inaccurate" aria-describedby="lg-st-resolved lg-vd-inaccurate"> troops</a> &lt;entered&gt; Iraq.\n</p>' +
        '<p class="line">By <a href="/documents/7?page=2#claim-3" class="hl st-open" id="text-3" aria-describedby="lg-st-open">2011</a> they had left.</p>',
    );
  });

  it('gives a claim that begins inside another claim’s run its own anchor, and none to claims whose card is not shown', () => {
    const text = 'one two three';
    const claims: ReaderMark[] = [
      { id: 1, start: 0, end: 13, kind: 'other', status: 'open', verdict: null },
      { id: 2, start: 0, end: 7, kind: 'other', status: 'open', verdict: null },
    ];
    // Claim 2 is the innermost on "one two", so the run is its link; claim 1 starts there too.
    expect(markedTextHtml(text, claims, (id) => `#claim-${id}`, new Set([1, 2]))).toBe(
      '<p class="line"><span id="text-1"></span><a href="#claim-2" class="hl st-open hl-multi" id="text-2" aria-describedby="lg-st-open lg-multi">one two</a>' +
        '<a href="#claim-1" class="hl st-open" aria-describedby="lg-st-open"> three</a></p>',
    );
    expect(markedTextHtml(text, claims, (id) => `#claim-${id}`, new Set([1]))).not.toContain('id="text-2"');
  });
});
