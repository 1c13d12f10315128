// The pre-checks' arithmetic and date rules, exactly: each finding's message, suggestion and
// evidence, the tolerance edges, and the cases that must give nothing. These are what the
// mutation-testing module `prechecks` (tests/mutation/modules.mjs) measures.
import { describe, expect, it } from 'vitest';
import { extract, type ExtractOptions } from '../../../src/extraction/index.js';

/** Every finding of `code` in `text`, with the quote of the claim it sits on. */
function found(text: string, code: string, options: ExtractOptions = {}) {
  return extract(text, { language: 'en', ...options }).claims.flatMap((c) =>
    c.findings.filter((f) => f.code === code).map((f) => ({ quote: c.quote, ...f })),
  );
}

describe('figure pre-checks: a stated percent change', () => {
  it('recomputes an increase and a decrease, with the rounding the text may use', () => {
    expect(found('Sales rose from 300 to 400, an increase of 20 percent.', 'figure-percent-change')).toEqual([
      {
        quote: '20 percent',
        code: 'figure-percent-change',
        message: 'From 300 to 400 is an increase of 33.3 percent, not the stated 20 percent.',
        suggestion: '33.3 percent',
        evidence: '(400 − 300) ÷ 300 × 100 = 33.33',
      },
    ]);
    expect(found('Jobs fell from 400 to 300, a decrease of 10 percent.', 'figure-percent-change')).toEqual([
      {
        quote: '10 percent',
        code: 'figure-percent-change',
        message: 'From 400 to 300 is a decrease of 25 percent, not the stated 10 percent.',
        suggestion: '25 percent',
        evidence: '(300 − 400) ÷ 400 × 100 = -25',
      },
    ]);
    // The scale words count: 1.5 million to 3 million doubles.
    expect(
      found('Sales rose from 1.5 million to 3 million, an increase of 50%.', 'figure-percent-change').map((f) => [
        f.suggestion,
        f.evidence,
      ]),
    ).toEqual([['100 percent', '(3000000 − 1500000) ÷ 1500000 × 100 = 100']]);
    // Scale words in any case.
    expect(
      found('The fund grew from 2 Million to 3 Million, an increase of 10 percent.', 'figure-percent-change').map((f) => f.evidence),
    ).toEqual(['(3000000 − 2000000) ÷ 2000000 × 100 = 50']);
  });

  it('reads the direction from the word: a 25 percent "increase" from 400 to 300 is wrong, a 25 percent "drop" right', () => {
    expect(found('Jobs fell from 400 to 300, an increase of 25 percent.', 'figure-percent-change').map((f) => f.message)).toEqual([
      'From 400 to 300 is a decrease of 25 percent, not the stated 25 percent.',
    ]);
    expect(found('Jobs went from 400 to 300, a drop of 25 percent.', 'figure-percent-change')).toEqual([]);
    expect(found('Jobs fell from 400 to 300, a decrease of 25 percent.', 'figure-percent-change')).toEqual([]);
    // No change at all is not a decrease.
    expect(found('Sales stayed from 300 to 300, an increase of 10 percent.', 'figure-percent-change').map((f) => f.message)).toEqual([
      'From 300 to 300 is an increase of 0 percent, not the stated 10 percent.',
    ]);
  });

  it('allows one point or 5% of the change, whichever is more, and no more', () => {
    // 200 → 204 is 2%: 1 is one point off (allowed), 0.9 more than one point (flagged).
    expect(found('Sales rose from 200 to 204, an increase of 1 percent.', 'figure-percent-change')).toEqual([]);
    expect(found('Sales rose from 200 to 204, an increase of 3 percent.', 'figure-percent-change')).toEqual([]);
    expect(found('Sales rose from 200 to 204, an increase of 0.9 percent.', 'figure-percent-change').map((f) => f.suggestion)).toEqual([
      '2 percent',
    ]);
    // 100 → 300 is 200%: 5% of it is 10 points.
    expect(found('Sales rose from 100 to 300, an increase of 190 percent.', 'figure-percent-change')).toEqual([]);
    expect(found('Sales rose from 100 to 300, an increase of 210 percent.', 'figure-percent-change')).toEqual([]);
    expect(found('Sales rose from 100 to 300, an increase of 189 percent.', 'figure-percent-change').map((f) => f.suggestion)).toEqual([
      '200 percent',
    ]);
    // A decrease gets the same 5%: 25 ± 1.25.
    expect(found('Jobs fell from 400 to 300, a decrease of 26.2 percent.', 'figure-percent-change')).toEqual([]);
    expect(found('Jobs fell from 400 to 300, a decrease of 26.3 percent.', 'figure-percent-change').map((f) => f.suggestion)).toEqual([
      '25 percent',
    ]);
  });

  it('puts the finding on the stated percentage, even when the same number starts the sentence', () => {
    expect(
      found('Sales rose from 10 to 30, an increase of 10 percent.', 'figure-percent-change').map((f) => [f.quote, f.suggestion]),
    ).toEqual([['10 percent', '200 percent']]);
  });

  it('says nothing about a change from zero (no percentage exists)', () => {
    expect(found('Sales rose from 0 to 300, an increase of 40 percent.', 'figure-percent-change')).toEqual([]);
    // 0 to 0 would be 0 ÷ 0: no "NaN percent" finding.
    expect(found('Sales stayed from 0 to 0, an increase of 40 percent.', 'figure-percent-change')).toEqual([]);
  });
});

describe('figure pre-checks: messages quote figures with their scale words', () => {
  it('keeps "million" and "milyon" in the message, as the text gives the figure', () => {
    expect(found('Sales rose from 1.5 million to 3 million, an increase of 50%.', 'figure-percent-change').map((f) => f.message)).toEqual([
      'From 1.5 million to 3 million is an increase of 100 percent, not the stated 50 percent.',
    ]);
    expect(
      found('Tumaas ang benta mula 1.5 milyon hanggang 3 milyong piso, isang pagtaas ng 50 porsiyento.', 'figure-percent-change', {
        language: 'tl',
      }).map((f) => f.message),
    ).toEqual(['From 1.5 milyon to 3 milyon is an increase of 100 percent, not the stated 50 percent.']);
    expect(
      found('Umakyat ang bilang mula 200 libo hanggang 300 libo, isang pagtaas ng 10 porsiyento.', 'figure-percent-change', {
        language: 'tl',
      }).map((f) => f.message),
    ).toEqual(['From 200 libo to 300 libo is an increase of 50 percent, not the stated 10 percent.']);
    // The linker on "libo" ("libong katao") is dropped too, as on "milyon".
    expect(
      found(
        'Umakyat ang bilang mula 200 libong katao hanggang 300 libong katao, isang pagtaas ng 10 porsiyento.',
        'figure-percent-change',
        {
          language: 'tl',
        },
      ).map((f) => f.message),
    ).toEqual(['From 200 libo to 300 libo is an increase of 50 percent, not the stated 10 percent.']);
  });

  it('names the total with its scale word, without the Tagalog linker that joins it to the noun', () => {
    expect(
      found('The attack killed 2 million people, of whom 1 million were adults and 2 million were children.', 'figure-total').map(
        (f) => f.message,
      ),
    ).toEqual(['The parts listed add up to 3,000,000, more than the total of 2 million.']);
    expect(
      found('Ang lindol ay pumatay ng 2 milyong katao, kung saan 1 milyon ang matatanda at 2 milyon ang bata.', 'figure-total', {
        language: 'tl',
      }).map((f) => f.message),
    ).toEqual(['The parts listed add up to 3,000,000, more than the total of 2 milyon.']);
  });
});

describe('figure pre-checks: years between two years', () => {
  it('counts the years either way round the sentence, allowing one for inclusive counting', () => {
    const finding = {
      code: 'figure-duration',
      message: '1979 to 2003 is 24 years, not 34.',
      suggestion: '24',
      evidence: '2003 − 1979 = 24',
    };
    expect(found('He ruled from 1979 to 2003, for 34 years.', 'figure-duration')).toEqual([{ quote: '34 years', ...finding }]);
    expect(found('For 34 years, from 1979 to 2003, he ruled.', 'figure-duration')).toEqual([{ quote: '34 years', ...finding }]);
    expect(found('He ruled from 1979 to 2003, for 23 years.', 'figure-duration')).toEqual([]);
    expect(found('He ruled from 1979 to 2003, for 25 years.', 'figure-duration')).toEqual([]);
    expect(found('He ruled from 1979 to 2003, for 22 years.', 'figure-duration').map((f) => f.message)).toEqual([
      '1979 to 2003 is 24 years, not 22.',
    ]);
    // The stated count is found after the second year, not inside the first ("1990" ends in "90").
    expect(found('He served from 1990 to 2010, for 90 years.', 'figure-duration').map((f) => [f.quote, f.suggestion])).toEqual([
      ['90 years', '20'],
    ]);
  });

  it('leaves a range that runs backwards or stands still to other checks', () => {
    expect(found('He ruled from 2003 to 1979, for 34 years.', 'figure-duration')).toEqual([]);
    expect(found('He ruled from 2003 to 2003, for 34 years.', 'figure-duration')).toEqual([]);
  });
});

describe('figure pre-checks: a total and its parts', () => {
  it('flags parts that add up to more than the total, and after "of whom" or ":" to anything else', () => {
    expect(found('The storm killed 120 people, of whom 80 were adults and 60 were children.', 'figure-total')).toEqual([
      {
        quote: '120 people',
        code: 'figure-total',
        message: 'The parts listed add up to 140, more than the total of 120.',
        suggestion: '140',
        evidence: '80 + 60 = 140',
      },
    ]);
    expect(
      found('The storm killed 200 people, of whom 80 were adults and 60 were children.', 'figure-total').map((f) => f.message),
    ).toEqual(['The parts listed add up to 140, not the total of 200.']);
    expect(
      found(
        'The storm, which hit the eastern coast and the northern islands over a whole week, killed 120 people, of whom 80 were adults and 60 were children.',
        'figure-total',
      ).map((f) => [f.quote, f.suggestion]),
    ).toEqual([['120 people', '140']]);
    expect(
      found('The storm killed 1,200 people: 800 adults and 600 children.', 'figure-total').map((f) => [f.quote, f.suggestion, f.evidence]),
    ).toEqual([['1,200 people', '1,400', '800 + 600 = 1,400']]);
    expect(
      found('The storm killed 3 million people, of whom 2 million were adults and 2 million were children.', 'figure-total').map((f) => [
        f.suggestion,
        f.evidence,
      ]),
    ).toEqual([['4,000,000', '2,000,000 + 2,000,000 = 4,000,000']]);
  });

  it('lets "including" list fewer than the total, but not more', () => {
    expect(found('The storm killed 200 people, including 80 adults and 60 children.', 'figure-total')).toEqual([]);
    expect(found('The storm killed 100 people, including 80 adults and 60 children.', 'figure-total').map((f) => f.message)).toEqual([
      'The parts listed add up to 140, more than the total of 100.',
    ]);
  });

  it('gives nothing for parts that add up, a single part, or a year among the parts', () => {
    expect(found('The storm killed 140 people, of whom 80 were adults and 60 were children.', 'figure-total')).toEqual([]);
    // A decimal point is not the end of the list: 1 million + 1.5 million is 2.5 million, not 1,000,001.
    expect(
      found('The war killed 2.5 million people, of whom 1 million were soldiers and 1.5 million were civilians.', 'figure-total'),
    ).toEqual([]);
    expect(
      found('The war killed 2 million people, of whom 1 million were soldiers and 1.5 million were civilians.', 'figure-total').map(
        (f) => f.evidence,
      ),
    ).toEqual(['1,000,000 + 1,500,000 = 2,500,000']);
    expect(found('The storm killed 200 people, of whom 80 were adults.', 'figure-total')).toEqual([]);
    // 1999 is a year, not a part: 80 + 60 is compared with 200.
    expect(
      found('The storm killed 200 people, of whom 80 were adults in 1999 and 60 were children.', 'figure-total').map((f) => f.evidence),
    ).toEqual(['80 + 60 = 140']);
  });

  it('takes whole numbers from 1,000 to 2,099 for years unless one equals the total, and counts the rest', () => {
    const evidence = (text: string) => found(text, 'figure-total').map((f) => f.evidence);
    expect(evidence('The storm killed 1,700 people, of whom 999 were adults and 600 were children.')).toEqual(['999 + 600 = 1,599']);
    expect(evidence('The storm killed 1,700 people, of whom 1,000 were adults and 600 were children.')).toEqual([]);
    expect(evidence('The storm killed 2,700 people, of whom 2,099 were adults and 500 were children.')).toEqual([]);
    expect(evidence('The storm killed 2,700 people, of whom 2,100 were adults and 500 were children.')).toEqual(['2,100 + 500 = 2,600']);
    expect(evidence('The storm killed 1,000 people, of whom 1,000 were adults and 600 were children.')).toEqual(['1,000 + 600 = 1,600']);
  });
});

describe('date pre-checks: impossible days', () => {
  it('knows the months of 30 days and the leap years', () => {
    expect(found('It was signed on 31 April 2001.', 'date-impossible')).toEqual([
      { quote: 'on 31 April 2001', code: 'date-impossible', message: 'April has only 30 days.', evidence: 'day 31 of month 4' },
    ]);
    expect(found('It was signed on 30 April 2001.', 'date-impossible')).toEqual([]);
    expect(found('It was signed on 31 January 2001.', 'date-impossible')).toEqual([]);
    expect(found('It was signed on 29 February 2001.', 'date-impossible').map((f) => f.message)).toEqual([
      'February has only 28 days in 2001.',
    ]);
    expect(found('It was signed on 29 February 1900.', 'date-impossible').map((f) => f.message)).toEqual([
      'February has only 28 days in 1900.',
    ]);
    expect(found('It was signed on 29 February 2004.', 'date-impossible')).toEqual([]);
    expect(found('It was signed on 29 February 2000.', 'date-impossible')).toEqual([]);
    // Without a year, February may have 29 days.
    expect(found('It was signed on 29 February.', 'date-impossible')).toEqual([]);
    expect(found('It was signed on 30 February.', 'date-impossible')).toEqual([
      { quote: 'on 30 February', code: 'date-impossible', message: 'February has only 29 days.', evidence: 'day 30 of month 2' },
    ]);
  });
});

describe('date pre-checks: a decade off the document’s timeline', () => {
  it('suggests the decade one digit away that holds the nearby years, and only when none falls in it', () => {
    expect(found('The war began in 1991. The army left in 1993. In the 1900s the country rebuilt.', 'date-decade-slip')).toEqual([
      {
        quote: 'In the 1900s',
        code: 'date-decade-slip',
        message: "'1900s' does not fit the document's own timeline (1991, 1993); probably the 1990s.",
        suggestion: '1990s',
        evidence: 'years in this and the nearby sentences: 1991 (sentence 1), 1993 (sentence 2)',
      },
    ]);
    expect(found('The war began in 1991. In the 1980s the country was calm.', 'date-decade-slip').map((f) => f.suggestion)).toEqual([
      '1990s',
    ]);
    expect(found('The war began in 1991. In the 1990s the country rebuilt.', 'date-decade-slip')).toEqual([]);
    // 1700s is two digits away from the 1990s: no guess.
    expect(found('The war began in 1991. In the 1700s the country was calm.', 'date-decade-slip')).toEqual([]);
  });

  it('reads the timeline from the three sentences before and the one after, and takes the decade most years point to', () => {
    const slip = (text: string) => found(text, 'date-decade-slip').map((f) => f.evidence);
    expect(slip('The war began in 1991. It rained. It rained. In the 1900s the country rebuilt.')).toEqual([
      'years in this and the nearby sentences: 1991 (sentence 1)',
    ]);
    expect(slip('The war began in 1991. It rained. It rained. It rained. In the 1900s the country rebuilt.')).toEqual([]);
    expect(slip('In the 1900s the country rebuilt. The war began in 1991.')).toEqual([
      'years in this and the nearby sentences: 1991 (sentence 2)',
    ]);
    expect(slip('In the 1900s the country rebuilt. It rained. The war began in 1991.')).toEqual([]);
    // 1980 and 1990 are both one digit from 1900; two years say the 1990s.
    expect(
      found('In 1981 the plant opened. In 1991 it closed. In 1993 it reopened. In the 1900s it was sold.', 'date-decade-slip').map((f) => [
        f.suggestion,
        f.message,
      ]),
    ).toEqual([['1990s', "'1900s' does not fit the document's own timeline (1981, 1991, 1993); probably the 1990s."]]);
  });
});

describe('date pre-checks: after the publication date', () => {
  const text = 'The floods of March 2021 killed 400 people.';
  it('compares the earliest day a date can mean with the publication day', () => {
    expect(found(text, 'date-after-publication', { publishedAt: '2021-02-28' })).toEqual([
      {
        quote: 'March 2021',
        code: 'date-after-publication',
        message: "This date is after the document's publication date (2021-02-28).",
        evidence: 'earliest day meant: 2021-03-01; published: 2021-02-28',
      },
    ]);
    expect(found(text, 'date-after-publication', { publishedAt: '2021-03-01' })).toEqual([]);
    expect(
      found('The floods of the 2020s killed 400 people.', 'date-after-publication', { publishedAt: '2019-04-15' }).map((f) => f.evidence),
    ).toEqual(['earliest day meant: 2020-01-01; published: 2019-04-15']);
    expect(
      found('The floods of 2021 killed 400 people.', 'date-after-publication', { publishedAt: '2020-12-31' }).map((f) => f.evidence),
    ).toEqual(['earliest day meant: 2021-01-01; published: 2020-12-31']);
  });

  it('lets a sentence about plans name a later date', () => {
    expect(found('The floods of March 2021 will kill 400 people.', 'date-after-publication', { publishedAt: '2020-05-03' })).toEqual([]);
  });
});

describe('date pre-checks: "after" and "before" against the dates', () => {
  it('flags an event put after a later one, or before an earlier one, with both dates', () => {
    expect(found('The treaty was ratified in 1998, after the referendum of 2004.', 'date-order')).toEqual([
      {
        quote: 'in 1998',
        code: 'date-order',
        message: "The text puts this after '2004', but 1998 is earlier.",
        evidence: '1998 (1998-01-01) < 2004 (2004-01-01)',
      },
    ]);
    expect(found('The treaty was ratified in 2004, before the referendum of 1998.', 'date-order')).toEqual([
      {
        quote: 'in 2004',
        code: 'date-order',
        message: "The text puts this before '1998', but 2004 is later.",
        evidence: '2004 (2004-01-01) > 1998 (1998-01-01)',
      },
    ]);
    // "After B, A": the event is the date after the cue's.
    expect(found('After the referendum of 2004, the treaty was ratified in 1998.', 'date-order').map((f) => f.quote)).toEqual(['in 1998']);
  });

  it('compares with the date just before the cue, not an earlier one in the sentence', () => {
    expect(found('The plan began in 1990 and the treaty was ratified in 2010, after the referendum of 2004.', 'date-order')).toEqual([]);
    expect(
      found('The plan began in 2010 and the treaty was ratified in 1990, after the referendum of 2004.', 'date-order').map((f) => f.quote),
    ).toEqual(['in 1990']);
  });

  it('takes the date the cue governs only within 60 characters of it', () => {
    expect(
      found('The treaty was ratified in 1998, after a long and winding national referendum of 2004.', 'date-order').map((f) => f.quote),
    ).toEqual(['in 1998']);
    expect(
      found('The treaty was ratified in 1998, after a long and winding and very much contested national referendum of 2004.', 'date-order'),
    ).toEqual([]);
  });

  it('compares whole ranges: overlapping dates and the right order give nothing', () => {
    expect(found('The treaty was ratified in March 2004, after the referendum of 2004.', 'date-order')).toEqual([]);
    expect(found('The treaty was ratified in 2004, after the referendum of 2004.', 'date-order')).toEqual([]);
    expect(found('The treaty was ratified in 2004, before the referendum of 2004.', 'date-order')).toEqual([]);
    expect(found('The treaty was ratified on 3 May 2004, after the vote on 2 May 2004.', 'date-order')).toEqual([]);
    expect(found('The treaty was ratified on 3 May 2004, before the vote on 4 May 2004.', 'date-order')).toEqual([]);
    expect(found('The treaty was ratified on 3 May 2004, after the vote on 4 May 2004.', 'date-order').map((f) => f.evidence)).toEqual([
      '3 May 2004 (2004-05-03) < 4 May 2004 (2004-05-04)',
    ]);
    // A decade runs to its last day: the 2000s are not before 2004.
    expect(found('The treaty was ratified in the 2000s, before the referendum of 2004.', 'date-order')).toEqual([]);
    expect(found('The treaty was ratified in the 1990s, after the referendum of 2004.', 'date-order').map((f) => f.evidence)).toEqual([
      '1990s (1990-01-01) < 2004 (2004-01-01)',
    ]);
  });
});

describe('pre-checks: the cases the first mutation run showed unguarded', () => {
  const en = (text: string, code: string, options: ExtractOptions = {}) =>
    found(text, code, options).map((f) => [f.quote, f.evidence ?? f.message]);

  it('gives no decade slip when a nearby year falls in the decade, at either end, even with another decade one digit away', () => {
    for (const year of ['1990', '1995', '1999']) {
      expect(en(`The war began in 1985. It ended in ${year}. In the 1990s the country rebuilt.`, 'date-decade-slip')).toEqual([]);
    }
  });

  it('counts a nearby year before the decade as outside it', () => {
    expect(en('The war began in 1985. In the 1990s the country rebuilt.', 'date-decade-slip').map(([quote]) => quote)).toEqual([
      'In the 1990s',
    ]);
  });

  it('does not read "the 80s" (two digits, no century) as a slip of four-digit years', () => {
    expect(en('The war began in 1991. In the 80s the country was calm.', 'date-decade-slip')).toEqual([]);
  });

  it('reads "after"/"before" in the sentence it is in, and a same-day pair as neither', () => {
    expect(en('It rained in 2001. The treaty was ratified in 1998, after the referendum of 2004.', 'date-order')).toEqual([
      ['in 1998', '1998 (1998-01-01) < 2004 (2004-01-01)'],
    ]);
    expect(en('The treaty was ratified on 3 May 2004, after the vote on 3 May 2004.', 'date-order')).toEqual([]);
    expect(en('The treaty was ratified on 3 May 2004, before the vote on 3 May 2004.', 'date-order')).toEqual([]);
    // A decade runs from its first to its last year.
    expect(en('The treaty was ratified in 1995, before the reforms of the 1990s.', 'date-order')).toEqual([]);
    expect(en('The treaty was ratified in the 1990s, after the referendum of 1995.', 'date-order')).toEqual([]);
  });

  it('reads plans from the date’s own sentence only', () => {
    expect(
      en('The floods of March 2021 killed 400 people. Rebuilding will take years.', 'date-after-publication', {
        publishedAt: '2020-05-03',
      }),
    ).toEqual([['March 2021', 'earliest day meant: 2021-03-01; published: 2020-05-03']]);
  });

  it('takes an impossible day for its month when comparing with the publication day, and the last day as itself', () => {
    expect(en('The floods of 31 April 2021 killed 400 people.', 'date-after-publication', { publishedAt: '2021-04-15' })).toEqual([]);
    expect(en('The floods of 30 April 2021 killed 400 people.', 'date-after-publication', { publishedAt: '2021-04-15' })).toEqual([
      ['30 April 2021', 'earliest day meant: 2021-04-30; published: 2021-04-15'],
    ]);
  });

  it('reads a stated percentage with thousands separators, and keeps the finding on its own claim', () => {
    expect(en('Sales rose from 100 to 1,300, an increase of 1,200 percent.', 'figure-percent-change')).toEqual([]);
    expect(en('Sales rose from 300 to 400, an increase of 20 percent. Costs reached 500 pesos in 2004.', 'figure-percent-change')).toEqual([
      ['20 percent', '(400 − 300) ÷ 300 × 100 = 33.33'],
    ]);
  });
});

describe('pre-checks: the cases the second mutation run showed unguarded', () => {
  it('reads a decade as every day of its ten years, so "after 1995" fits the 1990s', () => {
    expect(found('The treaty was ratified in the 1990s, after the referendum of 1995.', 'date-order')).toEqual([]);
  });

  it("reads a month's last day as that day, and a day past the month's end as the whole month", () => {
    expect(found('The ceasefire was signed on 31 January 2003.', 'date-after-publication', { publishedAt: '2003-01-15' })).toEqual([
      {
        quote: 'on 31 January 2003',
        code: 'date-after-publication',
        message: "This date is after the document's publication date (2003-01-15).",
        evidence: 'earliest day meant: 2003-01-31; published: 2003-01-15',
      },
    ]);
    // 30 February is not a day: it may mean any day of February, so it is not after the 15th.
    expect(found('The ceasefire was signed on 30 February 2003.', 'date-after-publication', { publishedAt: '2003-02-15' })).toEqual([]);
  });

  it('suggests no other decade when a nearby year falls in the one the text names', () => {
    expect(found('In 1981 the plant opened. In 1983 it grew. In 1991 it closed. In the 1990s it was sold.', 'date-decade-slip')).toEqual(
      [],
    );
  });

  it('finds "after" in a sentence that begins far into the text', () => {
    const text =
      'It rained all through the long and very wet spring and summer of 2001 in the capital. The treaty was ratified in 1998, after the referendum of 2004.';
    expect(found(text, 'date-order').map((f) => [f.quote, f.evidence])).toEqual([['in 1998', '1998 (1998-01-01) < 2004 (2004-01-01)']]);
  });
});
