import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { readOfficeFiles } from '../../../src/extraction/checks/office-data.js';
import { extract, type ClaimCandidate } from '../../../src/extraction/index.js';
import { SEED_TEXT } from './helpers.js';

const seed = readFileSync(new URL('../../fixtures/iraq_tl.txt', import.meta.url), 'utf8');
const findingsOf = (claims: ClaimCandidate[], code: string) =>
  claims.flatMap((c) => c.findings.map((f) => ({ claim: c, ...f }))).filter((f) => f.code === code);

describe('pre-check findings', () => {
  it('on the seed: the 2002 "George H. W. Bush" gets George W. Bush and the "1900s" the 1990s', () => {
    const { claims } = extract(seed);
    const office = findingsOf(claims, 'office-holder');
    expect(office).toHaveLength(1);
    expect(office[0]!.claim.quote).toContain('George H. W. Bush');
    expect(office[0]!.suggestion).toBe('George W. Bush');
    expect(office[0]!.evidence).toContain('2001-01-20 to 2009-01-20');
    const decade = findingsOf(claims, 'date-decade-slip');
    expect(decade.map((f) => [f.claim.quote, f.suggestion])).toEqual([['1900s', '1990s']]);
    expect(decade[0]!.message).toContain('1990s');
    expect(claims.every((c) => Array.isArray(c.findings))).toBe(true);
  });

  it('decides a name father and son share by the date, and knows Tagalog titles and nicknames', () => {
    const at = (text: string) =>
      extract(text, { language: 'en' })
        .claims.flatMap((c) => c.findings)
        .filter((f) => f.code === 'office-holder');
    expect(at('In March 2003, President George Bush ordered the invasion.')).toEqual([]);
    expect(at('In 1990, President George Bush sent troops to the Gulf.')).toEqual([]);
    expect(at('In 1991, President Bush Jr. sent troops to the Gulf.')[0]?.suggestion).toBe('George H. W. Bush');
    expect(
      extract('Noong 2008, nakipagpulong si Pangulong PNoy sa mga magsasaka.', { language: 'tl' }).claims.flatMap((c) => c.findings)[0]
        ?.suggestion,
    ).toBe('Gloria Macapagal Arroyo');
  });

  it('gives no finding, and no error, for an unknown name, a former holder or a date the data does not cover', () => {
    for (const text of [
      'President Ignatius Fernando visited Manila in 1999.',
      'Former President Jimmy Carter visited Pyongyang in 1994.',
      'In 1930, President Herbert Hoover spoke.',
      'Emperor Bush ruled in 1800.',
    ]) {
      expect(extract(text, { language: 'en' }).claims.flatMap((c) => c.findings)).toEqual([]);
    }
  });

  it('flags impossible dates and dates after the publication date only when publishedAt is given', () => {
    expect(findingsOf(extract('It was signed on 30 February 1992.').claims, 'date-impossible')).toHaveLength(1);
    expect(findingsOf(extract('Nilagdaan ito noong ika-31 ng Setyembre 1995.', { language: 'tl' }).claims, 'date-impossible')).toHaveLength(
      1,
    );
    const text = 'The floods of March 2021 killed 400 people.';
    expect(findingsOf(extract(text, { publishedAt: '2020-05-03' }).claims, 'date-after-publication')).toHaveLength(1);
    expect(findingsOf(extract(text, { publishedAt: new Date('2022-01-01T00:00:00Z') }).claims, 'date-after-publication')).toEqual([]);
    expect(findingsOf(extract(text).claims, 'date-after-publication')).toEqual([]);
    expect(findingsOf(extract('The treaty was ratified in 1998, after the referendum of 2004.').claims, 'date-order')).toHaveLength(1);
  });

  it('checks stated arithmetic: percent change, years between two years, a total and its parts', () => {
    const one = (text: string, code: string) => findingsOf(extract(text, { language: 'en' }).claims, code).map((f) => f.suggestion);
    expect(one('Jobs fell from 400 to 300, a decrease of 10 percent.', 'figure-percent-change')).toEqual(['25 percent']);
    expect(one('Jobs fell from 400 to 300, a decrease of 25 percent.', 'figure-percent-change')).toEqual([]);
    expect(one('He ruled from 1979 to 2003, for 34 years.', 'figure-duration')).toEqual(['24']);
    expect(one('The storm killed 120 people, of whom 80 were adults and 60 were children.', 'figure-total')).toEqual(['140']);
    expect(one('The storm killed 200 people, including 80 adults and 60 children.', 'figure-total')).toEqual([]);
  });

  it('catches "Goverment" and "recieve" but not names, repeated words or words in quotations', () => {
    const spelt = (text: string) => findingsOf(extract(text, { language: 'en' }).claims, 'spelling-dictionary').map((f) => f.suggestion);
    expect(spelt('The Goverment said the city would recieve aid.')).toEqual(['Government', 'receive']);
    expect(spelt('Minister Hasselbrink told reporters the Kurdistan aid was late.')).toEqual([]);
    expect(spelt('The mayor said “we will recieve nothing” from the capital.')).toEqual([]);
    expect(spelt('The qwerzoid failed. Another qwerzoid followed.')).toEqual([]);
  });

  it('links competing figures for one quantity both ways, and not figures of different things', () => {
    const linked = (text: string, language = 'en') =>
      extract(text, { language }).claims.flatMap((c) =>
        c.findings.filter((f) => f.code === 'figure-competing').map((f) => [c.quote, text.slice(f.related!.start, f.related!.end)]),
      );
    expect(linked('The Lancet estimated 655,000 excess deaths, but the Iraq Body Count recorded 50,000 deaths.')).toEqual([
      ['estimated 655,000 excess deaths', '50,000 deaths'],
      ['50,000 deaths', 'estimated 655,000 excess deaths'],
    ]);
    // The seed's sentence 20: a comparison is linked with the figure it follows, not with the other comparison.
    const s20 = SEED_TEXT.split('\n')[19]!;
    expect(linked(s20, 'tl')).toEqual([
      ['umaabot sa 655,000', 'mas kaunti'],
      ['umaabot sa 655,000', 'mas maliit ng 10 %'],
      ['mas kaunti', 'umaabot sa 655,000'],
      ['mas maliit ng 10 %', 'umaabot sa 655,000'],
    ]);
    expect(linked('Unemployment fell to 5 percent, but 300,000 people remain without work.')).toEqual([]);
    expect(linked('The flood displaced 300 families in Leyte and 500 families in Samar.')).toEqual([]);
  });

  it('flags the same figure given differently in two places, a power of ten apart', () => {
    const restated = (text: string, language = 'en') =>
      extract(text, { language }).claims.flatMap((c) =>
        c.findings.filter((f) => f.code === 'figure-restated').map((f) => [c.quote, text.slice(f.related!.start, f.related!.end)]),
      );
    expect(
      restated('Ayon sa ulat, 500,000 batang Iraqi ang namatay. Sinabi ng mga kritiko na 50,000 batang Iraqi ang namatay.', 'tl'),
    ).toEqual([
      ['500,000 batang Iraqi', '50,000 batang Iraqi'],
      ['50,000 batang Iraqi', '500,000 batang Iraqi'],
    ]);
    expect(restated('Sanctions killed 500,000 children. A later survey again counted 500,000 children.')).toEqual([]);
    expect(restated('About 40 people attended in 2019. In 2020 the hall held 400 people.')).toEqual([]);
  });

  it('raises the score of a claim with findings', () => {
    const wrong = extract('In 1995, Prime Minister Margaret Thatcher met leaders.').claims.find((c) => c.kind === 'attribution')!;
    const right = extract('In 1985, Prime Minister Margaret Thatcher met leaders.').claims.find((c) => c.kind === 'attribution')!;
    expect(wrong.findings[0]?.suggestion).toBe('John Major');
    expect(wrong.score).toBeGreaterThan(right.score);
  });
});

describe('fewer false candidates', () => {
  it('reads quantifiers without a number, numbers in names and "According to NASA" as they are', () => {
    const { claims } = extract('According to NASA, Apollo 11 landed on 20 July 1969 and every astronaut returned.', { language: 'en' });
    expect(claims.map((c) => [c.kind, c.quote])).toEqual([
      ['attribution', 'According to NASA'],
      ['date', 'on 20 July 1969'],
    ]);
    expect(
      extract('Walang Iraqi na nasaktan at bawat sibilyan ay ligtas.', { language: 'tl' }).claims.filter((c) => c.kind === 'statistic'),
    ).toEqual([]);
  });

  it('reads a number inside a name as part of the name, also at the start of a sentence, and a counted number as a figure', () => {
    const kinds = (text: string, language = 'en') => extract(text, { language }).claims.map((c) => [c.kind, c.quote]);
    expect(kinds('Apollo 13 returned safely in April 1970, and a Boeing 747 carried 400 passengers.')).toEqual([
      ['date', 'in April 1970'],
      ['statistic', '400 passengers'],
    ]);
    expect(kinds('Inilunsad ang Apollo 11 noong Hulyo 1969 .', 'tl')).toEqual([['date', 'noong Hulyo 1969']]);
    // An ordinary word before the number is no name: the figure stays a statistic.
    expect(kinds('Exactly 12 came.')).toEqual([['statistic', '12 came']]);
    expect(kinds('Some 300 died.')).toEqual([['statistic', 'Some 300 died']]);
    // A numbered legal text is a claim of its own kind, a reference, not a statistic.
    expect(kinds('Under Resolution 1441 the inspectors returned on 27 November 2002.')).toEqual([
      ['reference', 'Resolution 1441'],
      ['date', 'on 27 November 2002'],
    ]);
  });

  it('keeps the day inside a date: no separate statistic', () => {
    const kinds = (text: string, language = 'en') => extract(text, { language }).claims.map((c) => [c.kind, c.quote]);
    expect(kinds('The treaty was signed on March 5 and ratified on 20 July 1969.')).toEqual([
      ['date', 'on March 5'],
      ['date', 'on 20 July 1969'],
    ]);
    expect(kinds('Noong ika-20 ng Marso , sinalakay ng coalition ang Iraq .', 'tl')).toEqual([['date', 'Noong ika-20 ng Marso']]);
  });
});

describe('office data files', () => {
  it('every file and row matches the schema, with a source URL per file', () => {
    const ajv = new Ajv({ allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(
      JSON.parse(readFileSync(new URL('../../../src/extraction/offices/schema.json', import.meta.url), 'utf8')) as object,
    );
    const files = readOfficeFiles();
    expect(files.map((f) => f.file)).toEqual(['iq.json', 'ph.json', 'uk.json', 'un.json', 'us.json']);
    for (const { file, data } of files)
      expect({ file, ok: validate(data), errors: validate.errors ?? null }).toEqual({ file, ok: true, errors: null });
    // Terms within an office never run backwards.
    for (const { data } of files)
      for (const o of (data as { offices: { holders: { from: string; to: string | null }[] }[] }).offices)
        for (const h of o.holders) expect(h.to === null || h.to >= h.from).toBe(true);
  });

  it('the schema refuses a malformed row', () => {
    const ajv = new Ajv();
    addFormats.default(ajv);
    const validate = ajv.compile(
      JSON.parse(readFileSync(new URL('../../../src/extraction/offices/schema.json', import.meta.url), 'utf8')) as object,
    );
    const bad = {
      source: 'https://example.org',
      country: 'X',
      places: [],
      offices: [
        {
          office: 'King of X',
          titles: ['King'],
          coveredFrom: '1945-01-01',
          holders: [{ name: 'A', variants: [], from: '1945-13-01', to: null }],
        },
      ],
    };
    expect(validate(bad)).toBe(false);
  });
});
