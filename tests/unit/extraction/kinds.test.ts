import { describe, expect, it } from 'vitest';
import { extract, type ExtractedKind } from '../../../src/extraction/index.js';

const quotes = (text: string, kind: ExtractedKind, language = 'en') =>
  extract(text, { language })
    .claims.filter((c) => c.kind === kind)
    .map((c) => c.quote);

describe('statistics', () => {
  it('reads years as dates but a year-like number with a unit as a figure', () => {
    expect(quotes('In 1999, 2000 troops arrived.', 'statistic')).toEqual(['2000 troops']);
    expect(quotes('In 1999, 2000 troops arrived.', 'date')).toEqual(['In 1999']);
  });

  it('does not read "isang" or "one" alone as a figure, nor a reference number', () => {
    expect(quotes('Isang araw, ipinasa ang resolusyon 687.', 'statistic', 'tl')).toEqual([]);
    expect(quotes('One day the council passed Resolution 678.', 'statistic')).toEqual([]);
  });

  it('flags vague quantities with what they quantify, but not a quantifier without a number', () => {
    // "Every school" states no figure: a quantifier alone is not a statistic (issue 18).
    expect(quotes('Every school was closed and thousands of pupils stayed home.', 'statistic')).toEqual(['thousands of pupils']);
  });
});

describe('quotes', () => {
  it('recognises curly, straight, guillemet and single quotes but not apostrophes', () => {
    expect(quotes(`He said “yes”, she said "no", they said «maybe» and 'perhaps', in the '90s at Iraq's border.`, 'quote')).toEqual([
      '“yes”',
      '"no"',
      '«maybe»',
      "'perhaps'",
    ]);
  });

  it('merges nothing across paragraphs: an unclosed double quote ends with its line', () => {
    expect(quotes('He said "we will win.\nThe end.', 'quote')).toEqual(['"we will win.']);
  });
});

describe('references and attributions', () => {
  it('joins a list of numbers to its reference word', () => {
    expect(quotes('The council cited Resolutions 678 and 687 in its letter.', 'reference')).toEqual(['Resolutions 678 and 687']);
  });

  it('reads a speaker before or after the verb, and not a pronoun', () => {
    expect(quotes('"We will rebuild," said John Smith.', 'attribution')).toEqual(['said John Smith']);
    expect(quotes('The World Bank said growth would slow.', 'attribution')).toEqual(['World Bank said']);
    expect(quotes('"We will rebuild," he said.', 'attribution')).toEqual([]);
  });
});

describe('scores', () => {
  it('scores a titled, dated, sourced figure higher than a bare small number', () => {
    const result = extract('According to the World Bank, more than 16 million people were poor in March 2003. He had 2.');
    const big = result.claims.find((c) => c.quote.includes('16 million'))!;
    const small = result.claims.find((c) => c.quote === '2')!;
    expect(big.score).toBeGreaterThan(small.score);
    expect(big.reasons).toEqual(expect.arrayContaining(['contains a figure', 'large number', 'same sentence has a date']));
    expect(small.reasons).toContain('small number with no unit');
  });
});
