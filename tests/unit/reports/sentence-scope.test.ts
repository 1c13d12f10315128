import { describe, expect, it } from 'vitest';
import { applyCorrections } from '../../../src/reports/corrections.js';
import {
  correctedSentence,
  defaultClaimStatement,
  sentenceSpan,
  widenCorrections,
  type ScopedCorrection,
} from '../../../src/reports/sentence-scope.js';

const text = 'Sinabi ng United Sates na tama. Nagtantiya ang kritiko na 500,000 ang namatay. Wakas.';
const doc = { text, sentenceStarts: [0, text.indexOf('Nagtantiya'), text.indexOf('Wakas')] };
const at = (claimId: number, quote: string, correction: string, scope: ScopedCorrection['scope'] = 'passage'): ScopedCorrection => {
  const start = text.indexOf(quote);
  return { claimId, start, end: start + quote.length, quote, correction, verdict: 'inaccurate', scope };
};

describe('sentence-scope corrections', () => {
  it('cut the sentence without the space before the next one', () => {
    const start = text.indexOf('kritiko');
    expect(text.slice(...(Object.values(sentenceSpan(doc, start, start + 7)) as [number, number]))).toBe(
      'Nagtantiya ang kritiko na 500,000 ang namatay.',
    );
  });

  it('replace exactly the sentence and supersede the passage corrections inside it, applying one change', () => {
    const corrections = widenCorrections(doc, [
      at(1, 'United Sates', 'United States'),
      at(2, 'kritiko', 'mga kritiko'),
      at(3, '500,000', 'Tinantiya ng isang survey noong 1995 na 500,000 ang namatay.', 'sentence'),
    ]);
    expect(corrections.map((c) => [c.claimId, c.supersedes ?? []])).toEqual([
      [1, []],
      [3, [2]],
    ]);
    expect(applyCorrections(text, corrections)).toBe(
      'Sinabi ng United States na tama. Tinantiya ng isang survey noong 1995 na 500,000 ang namatay. Wakas.',
    );
  });

  it('gives the corrected sentence for one claim, and a short default claim statement', () => {
    const claim = at(1, 'United Sates', 'United States');
    expect(correctedSentence(doc, { ...claim, correctionScope: 'passage' })).toBe('Sinabi ng United States na tama.');
    expect(correctedSentence(doc, { ...claim, correction: 'Iba na.', correctionScope: 'sentence' })).toBe('Iba na.');
    expect(correctedSentence(doc, { ...claim, correction: null, correctionScope: 'passage' })).toBeNull();
    const statement = defaultClaimStatement(`${'salita '.repeat(60)}wakas.`);
    expect(statement.length).toBeLessThanOrEqual(300);
    expect(statement.endsWith('…')).toBe(true);
  });
});
