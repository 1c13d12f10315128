import { describe, expect, it } from 'vitest';
import { extract } from '../../../src/extraction/index.js';
import { expectClaim, expectSpelling, expectWellFormed, overlapping } from './helpers.js';
import { ENGLISH_NEWS } from './texts.js';

const text = ENGLISH_NEWS;
const result = extract(text);

describe('extraction on English news prose written for the tests', () => {
  it('detects English and splits the headline, paragraphs and quoted sentences', () => {
    expect(result.language).toBe('en');
    const sentences = result.sentences.map((s) => text.slice(s.start, s.end));
    expect(sentences[0]).toBe('Flood relief reaches northern Mindanao as toll rises');
    expect(sentences).toContain('"Every village along the bank was under water by midnight."');
    expect(sentences).toContain('The last flood of this size struck in the 1990s.');
  });

  it('finds figures with their units, money and number words', () => {
    expect(expectClaim(result, text, 'statistic', '12,000').quote).toBe('More than 12,000 families');
    expect(expectClaim(result, text, 'statistic', '₱2.3 billion').reasons).toContain('sum of money');
    expect(expectClaim(result, text, 'statistic', '12 percent').reasons).toContain('percentage');
    expect(expectClaim(result, text, 'statistic', '$5 million').quote).toBe('$5 million');
    expect(expectClaim(result, text, 'statistic', 'two million').quote).toBe('two million people');
    expect(expectClaim(result, text, 'statistic', '1,268').quote).toBe('1,268 people');
  });

  it('finds dates in day-month-year, month-day-year, year and decade form', () => {
    expect(expectClaim(result, text, 'date', '9 November 2023').quote).toBe('on 9 November 2023');
    expect(expectClaim(result, text, 'date', 'December 16, 2011').quote).toBe('On December 16, 2011');
    expect(expectClaim(result, text, 'date', '2019').quote).toBe('since 2019');
    expect(expectClaim(result, text, 'date', '1990s').reasons).toContain('mentions a decade');
  });

  it('finds the quotations', () => {
    expectClaim(result, text, 'quote', '"We have never seen the river rise this fast,"');
    expectClaim(result, text, 'quote', '"Nobody can say the warnings were not there,"');
  });

  it('finds attributions by title, by "according to" and by a speech verb on either side', () => {
    expect(expectClaim(result, text, 'attribution', 'Mayor Ana Reyes').reasons).toContain('attributed to a named person');
    expect(expectClaim(result, text, 'attribution', 'according to').quote).toBe(
      'according to the Department of Social Welfare and Development',
    );
    expect(expectClaim(result, text, 'attribution', 'Secretary Teodoro Herbosa').quote).toContain('Teodoro Herbosa');
    expect(expectClaim(result, text, 'attribution', 'The agency said').reasons).toContain('unnamed or vague source');
  });

  it('cites the numbered law without reading its number as a statistic', () => {
    expect(expectClaim(result, text, 'reference', 'Section 21').quote).toBe('Section 21 of Republic Act 10121');
    expect(overlapping(result, text, 'statistic', '10121')).toEqual([]);
  });

  it('suggests the well-known name for misspelt ones, phrases included', () => {
    expectSpelling(result, text, 'World Helth Organization', 'World Health Organization');
    expectSpelling(result, text, 'Untied Nations', 'United Nations');
    expectSpelling(result, text, 'Philipines', 'Philippines');
    expect(result.claims.filter((c) => c.kind === 'spelling')).toHaveLength(3);
  });

  it('honours the output contract', () => {
    expectWellFormed(text, result);
  });
});
