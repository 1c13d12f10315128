import { describe, expect, it } from 'vitest';
import { quoteInContext, splitPoints } from '../../../src/pages/claim/claim-context.js';
import { describeEvent } from '../../../src/pages/claim/claim-timeline.js';
import type { ClaimEvent } from '../../../src/history/event.js';

// Pure helpers of the claim page; they sit with its tests because nothing else uses them.
describe('claim page helpers', () => {
  const text = 'One is first. Two has 1991 in it. Three ends here. Four is last.';
  const starts = [0, 14, 34, 51];

  it('cuts the quote out of its sentence with one sentence either side', () => {
    const at = text.indexOf('1991');
    expect(quoteInContext(text, starts, at, at + 4)).toEqual({
      before: 'One is first. ',
      lead: 'Two has ',
      quote: '1991',
      tail: ' in it. ',
      after: 'Three ends here. ',
      firstSentence: 2,
      lastSentence: 2,
    });
  });

  it('handles the first sentence and a quote running over two sentences', () => {
    expect(quoteInContext(text, starts, 0, 3)).toMatchObject({
      before: '',
      lead: '',
      quote: 'One',
      tail: ' is first. ',
      after: 'Two has 1991 in it. ',
    });
    const start = text.indexOf('it.');
    expect(quoteInContext(text, starts, start, text.indexOf('ends'))).toMatchObject({
      firstSentence: 2,
      lastSentence: 3,
      after: 'Four is last.',
    });
  });

  it('clips a text without sentence breaks at a word, with an ellipsis', () => {
    const long = `${'word '.repeat(400)}CLAIM ${'more '.repeat(400)}`;
    const at = long.indexOf('CLAIM');
    const context = quoteInContext(long, [], at, at + 5);
    expect(context.quote).toBe('CLAIM');
    expect(context.lead.startsWith('…word')).toBe(true);
    expect(context.lead.length).toBeLessThan(720);
    expect(context.tail.endsWith('more…')).toBe(true);
  });

  it('offers every word boundary inside the quote as a split point, as document offsets', () => {
    expect(splitPoints('noong  ika-20 ng Marso', 100)).toEqual([
      { at: 107, before: 'noong', after: 'ika-20 ng Marso' },
      { at: 114, before: 'noong ika-20', after: 'ng Marso' },
      { at: 117, before: 'noong ika-20 ng', after: 'Marso' },
    ]);
    expect(splitPoints('a b c d e', 0)[3]).toEqual({ at: 8, before: '…b c d', after: 'e' });
    expect(splitPoints('1991', 5)).toEqual([]);
  });

  it('tells a reopening and an unknown action in words', () => {
    const event = (action: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null): ClaimEvent => ({
      id: 1,
      claimId: 1,
      documentId: 1,
      actorId: 2,
      actorName: 'Ana',
      action,
      before,
      after,
      createdAt: new Date(0),
    });
    expect(
      describeEvent(event('claim.updated', { status: 'resolved', verdict: 'typo' }, { status: 'open', verdict: null }), new Map()),
    ).toMatchObject({
      who: 'Ana',
      what: 'reopened the claim',
      changes: [
        { field: 'status', from: 'Resolved', to: 'Open' },
        { field: 'verdict', from: 'Typo', to: 'nothing' },
      ],
    });
    expect(describeEvent(event('claim.updated', { assigneeId: null }, { assigneeId: 7 }), new Map([[7, 'Rita']])).changes).toEqual([
      { field: 'assignee', from: 'nothing', to: 'Rita' },
    ]);
    expect(describeEvent(event('claim.reextracted', { kind: 'date' }, { kind: 'statistic' }), new Map())).toMatchObject({
      what: 'updated from re-extraction',
      changes: [{ field: 'kind', from: 'Date', to: 'Statistic' }],
    });
  });
});
