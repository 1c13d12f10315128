import { describe, expect, it } from 'vitest';
import { applyCorrections, assertNoOverlap } from '../../../src/reports/corrections.js';
import { neutraliseFormula } from '../../../src/reports/formats/csv.js';
import { changeHtml } from '../../../src/reports/formats/redline.js';
import { passageAround, passageText } from '../../../src/reports/passage.js';
import type { AcceptedCorrection } from '../../../src/reports/report.js';

const text = 'Sinabi ng United Sates na dahil nasa material breach ang Iraw , binuhay ang reolusyon 678 .';
const at = (claimId: number, quote: string, correction: string, from = 0): AcceptedCorrection => {
  const start = text.indexOf(quote, from);
  return { claimId, start, end: start + quote.length, quote, correction, verdict: 'typo' };
};

describe('applying corrections', () => {
  it('replaces each span and nothing else', () => {
    const fixes = [at(1, 'United Sates', 'United States'), at(2, 'Iraw', 'Iraq'), at(3, 'reolusyon', 'resolusyon')];
    expect(applyCorrections(text, fixes)).toBe(
      'Sinabi ng United States na dahil nasa material breach ang Iraq , binuhay ang resolusyon 678 .',
    );
    expect(applyCorrections(text, [])).toBe(text);
  });

  it('refuses overlapping corrections with a 409 naming both claims', () => {
    const outer = { ...at(7, 'binuhay ang reolusyon 678', 'muling binuhay ang resolusyon 678'), verdict: 'inaccurate' as const };
    const inner = at(9, 'reolusyon', 'resolusyon');
    const attempt = () => assertNoOverlap([outer, inner]);
    expect(attempt).toThrow(/Claims #7 \(“binuhay ang reolusyon 678”\) and #9 \(“reolusyon”\) have overlapping corrections/);
    try {
      attempt();
    } catch (err) {
      expect(err).toMatchObject({ status: 409, details: { claims: [7, 9] } });
    }
    // Touching spans do not overlap.
    expect(() => assertNoOverlap([at(1, 'Sinabi', 'Wika'), at(2, ' ng', ' ni')])).not.toThrow();
  });
});

describe('the redline of one correction', () => {
  it('keeps shared words and marks only what changed, inside one wrapper for the whole span', () => {
    expect(changeHtml(at(4, 'United Sates', 'United States'))).toBe(
      '<span class="redline-change" id="claim-4" data-claim="4" title="Claim 4: Typo">United <del>Sates</del><ins>States</ins></span>',
    );
  });

  it('shows a rewrite as one deletion and one insertion rather than confetti, and escapes both', () => {
    const html = changeHtml({ ...at(5, 'material breach', 'a <b>serious</b> violation & more'), verdict: 'inaccurate' });
    expect(html).toContain('<del>material breach</del><ins>a &lt;b&gt;serious&lt;/b&gt; violation &amp; more</ins>');
  });
});

describe('spreadsheet safety and passages', () => {
  it.each(['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', '\tcmd', '\rx'])('neutralises a cell starting %j', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text alone', () => {
    expect(neutraliseFormula('United States')).toBe('United States');
  });

  it('cuts the sentence around a claim and marks the claim', () => {
    const t = 'Una. Ikalawa ang United Sates dito. Ikatlo.';
    const start = t.indexOf('United Sates');
    const p = passageAround(t, [0, 5, 36], start, start + 12);
    expect(p).toEqual({ before: 'Ikalawa ang ', quote: 'United Sates', after: ' dito.' });
    expect(passageText(p)).toBe('Ikalawa ang ⟦United Sates⟧ dito.');
  });

  it('shortens an endless sentence to the words around the claim', () => {
    const t = `${'salita '.repeat(200)}United Sates ${'salita '.repeat(200)}`;
    const start = t.indexOf('United Sates');
    const p = passageAround(t, [0], start, start + 12);
    expect(p.before.startsWith('…') && p.after.endsWith('…')).toBe(true);
    expect(p.before.length).toBeLessThanOrEqual(401);
  });
});
