import { describe, expect, it } from 'vitest';
import { extract } from '../../../src/extraction/index.js';
import { expectClaim, expectSpelling, expectWellFormed } from './helpers.js';
import { TAGALOG_INFLECTIONS, TAGALOG_PROSE } from './texts.js';

const text = TAGALOG_PROSE;
const result = extract(text);

describe('extraction on a second Tagalog passage, written as ordinary prose', () => {
  it('detects Tagalog and splits sentences around "Blg." and quotations', () => {
    expect(result.language).toBe('tl');
    expect(result.sentences).toHaveLength(8);
    expect(text.slice(result.sentences[3]!.start, result.sentences[3]!.end)).toMatch(/Proklamasyon Blg\. 1081\.$/);
  });

  it('reads figures written with digits, number words and multipliers', () => {
    expect(expectClaim(result, text, 'statistic', '2.5 milyong').quote).toBe('umabot sa 2.5 milyong Pilipino');
    expect(expectClaim(result, text, 'statistic', 'dalawang daang libong').quote).toBe('Mahigit dalawang daang libong pamilya');
    expect(expectClaim(result, text, 'statistic', '₱95.5 bilyon').reasons).toContain('sum of money');
    expect(expectClaim(result, text, 'statistic', '4 milyong katao').quote).toBe('4 milyong katao');
  });

  it('reads Tagalog dates: month and year, ordinal day, full date, decade', () => {
    expect(expectClaim(result, text, 'date', 'Abril 2023').quote).toBe('noong Abril 2023');
    expect(expectClaim(result, text, 'date', 'ika-1 ng Hulyo, 2024').reasons).toContain('contains a full date');
    expect(expectClaim(result, text, 'date', 'Setyembre 21, 1972').quote).toBe('Noong Setyembre 21, 1972');
    expect(expectClaim(result, text, 'date', 'dekada 2010').reasons).toContain('mentions a decade');
  });

  it('finds the quotation and the attributions (ayon sa, sinabi ni, ani, titles)', () => {
    expectClaim(result, text, 'quote', '"Hindi kami titigil hanggang makamit ang hustisya,"');
    expect(expectClaim(result, text, 'attribution', 'Ayon sa Philippine Statistics Authority').quote).toBe(
      'Ayon sa Philippine Statistics Authority',
    );
    expect(expectClaim(result, text, 'attribution', 'Kalihim Bienvenido Laguesma').quote).toBe('Sinabi ni Kalihim Bienvenido Laguesma');
    expect(expectClaim(result, text, 'attribution', 'Senador Risa Hontiveros').reasons).toContain('attributed to a named person');
    expect(expectClaim(result, text, 'attribution', 'Pangulong Ferdinand Marcos').quote).toContain('Pangulong Ferdinand Marcos');
  });

  it('cites "Proklamasyon Blg. 1081"', () => {
    expect(expectClaim(result, text, 'reference', 'Proklamasyon Blg. 1081').quote).toBe('Proklamasyon Blg. 1081');
  });

  it('suggests the right form for misspelt names and months', () => {
    expectSpelling(result, text, 'Untied Nations', 'United Nations');
    expectSpelling(result, text, 'Pilipnas', 'Pilipinas');
    expectSpelling(result, text, 'Disyembri', 'Disyembre');
    expect(result.claims.filter((c) => c.kind === 'spelling')).toHaveLength(3);
  });

  it('honours the output contract', () => {
    expectWellFormed(text, result);
  });
});

describe('spelling on ordinary inflected Tagalog', () => {
  it('does not flag affixed, infixed or reduplicated forms of frequent words', () => {
    const inflected = extract(TAGALOG_INFLECTIONS);
    expect(inflected.language).toBe('tl');
    expect(inflected.claims.filter((c) => c.kind === 'spelling').map((c) => c.quote)).toEqual([]);
  });

  it('still flags a rare misspelling of a word the same text uses often', () => {
    const typo = `${TAGALOG_INFLECTIONS} Ayon sa resolusyon 12, ang resolusyon ay ipinasa. Binasa nila ang resolusyon at ang reolusyon 13.`;
    expectSpelling(extract(typo), typo, 'reolusyon', 'resolusyon');
  });
  it('flags a personal-name marker before a people ("si Shia Muslims") but not before a person', () => {
    const spelling = (t: string) =>
      extract(t, { language: 'tl' })
        .claims.filter((c) => c.kind === 'spelling')
        .map((c) => [c.quote, c.suggestion]);
    expect(spelling('Sumali si Shia Muslims sa mga protesta.')).toEqual([['si Shia Muslims', 'ang mga Shia Muslim']]);
    expect(spelling('Tinulungan ni Kurds ang lungsod at nagsalita kay Americans ang pangulo.')).toEqual([
      ['ni Kurds', 'ng mga Kurd'],
      ['kay Americans', 'sa mga American'],
    ]);
    expect(spelling('Sumali si Carlos Santos sa mga protesta at pinuri ni Marcos ang mga Muslim.')).toEqual([]);
  });

  it('lets an unnamed source set before its clause cover what it says; a named source stays the source', () => {
    const attributions = (t: string) =>
      extract(t, { language: 'tl' })
        .claims.filter((c) => c.kind === 'attribution')
        .map((c) => c.quote);
    expect(attributions('Ayon sa pag-aaral, umaabot sa 655,000 ang mga namatay, kahit na mas kaunti ang naulat.')).toEqual([
      'Ayon sa pag-aaral, umaabot sa 655,000 ang mga namatay',
    ]);
    expect(attributions('Ayon sa Philippine Statistics Authority, umabot sa 2.5 milyong Pilipino ang walang trabaho.')).toEqual([
      'Ayon sa Philippine Statistics Authority',
    ]);
  });
});
