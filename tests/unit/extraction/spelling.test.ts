import { describe, expect, it } from 'vitest';
import { areAffixVariants } from '../../../src/extraction/affixes.js';
import { DeletionIndex } from '../../../src/extraction/deletion-index.js';
import { extract } from '../../../src/extraction/index.js';
import { lexiconFor } from '../../../src/extraction/lexicon.js';

const affixes = lexiconFor('tl').affixes;
const spellings = (text: string, language?: string) =>
  extract(text, language ? { language } : {})
    .claims.filter((c) => c.kind === 'spelling')
    .map((c) => [c.quote, c.suggestion]);

describe('affix variants', () => {
  it('treats Tagalog and English inflections of one root as variants, not typos', () => {
    for (const [a, b] of [
      ['sinabi', 'sinasabi'],
      ['nagsabi', 'magsabi'],
      ['kumain', 'kinain'],
      ['nag-aaral', 'mag-aaral'],
      ['sasabihin', 'sabihin'],
      ['iraq', 'iraqi'],
      ['resolusyon', 'resolusyong'],
      ['kumakain', 'kumain'],
    ]) {
      expect(areAffixVariants(a!, b!, affixes), `${a} / ${b}`).toBe(true);
    }
  });

  it('does not excuse letter slips as affixes', () => {
    for (const [a, b] of [
      ['iraw', 'iraq'],
      ['reolusyon', 'resolusyon'],
      ['isinigawa', 'isinagawa'],
      ['oktobre', 'oktubre'],
    ]) {
      expect(areAffixVariants(a!, b!, affixes), `${a} / ${b}`).toBe(false);
    }
  });
});

describe('near-miss lookup', () => {
  it('finds entries one edit away and two edits away in long words, nearest first', () => {
    const index = new DeletionIndex(['afghanistan', 'philippines', 'iraq', 'iran', 'oktubre']);
    expect(index.find('afganistan')[0]).toEqual({ key: 'afghanistan', distance: 1 });
    expect(index.find('phillipines')[0]).toEqual({ key: 'philippines', distance: 2 });
    expect(
      index
        .find('iraw')
        .map((m) => m.key)
        .sort(),
    ).toEqual(['iran', 'iraq']);
    expect(index.find('iraq')).toEqual([{ key: 'iran', distance: 1 }]);
    expect(index.find('ira')).toEqual([]);
  });
});

describe('spelling candidates', () => {
  it('prefers the name the text itself uses when two known names are equally near', () => {
    const text = 'Iraq ang paksa. Sinalakay ng Iraq ang Kuwait. Umalis ang Iraq. Nagkaroon ng demokrasya ang Iraw.';
    expect(spellings(text)).toEqual([['Iraw', 'Iraq']]);
  });

  it('checks month names only where a date is meant', () => {
    expect(spellings('Jane Smith arrived in Manila.')).toEqual([]);
    expect(spellings('Nahalal sila noong Oktobre 2005.')).toEqual([['Oktobre', 'Oktubre']]);
  });

  it('does not flag short unknown names that merely resemble a known one', () => {
    expect(spellings('Ivan Petrov and Gordon Lee met Omar in Baghdad.')).toEqual([]);
  });

  it('flags a known name with a function word missing', () => {
    expect(spellings('He gave the State of Union address in January.')).toEqual([['State of Union', 'State of the Union']]);
  });

  it('flags a name capitalised differently from its usual form in the same text', () => {
    const text = 'The Iraq Body Count project counts deaths. Critics of the Iraq body count say it is low.';
    expect(spellings(text)).toEqual([['Iraq body count', 'Iraq Body Count']]);
  });

  it('flags doubled and clashing markers from the language file', () => {
    expect(spellings('Ito ay ulat ng ang aming grupo.', 'tl')).toEqual([['ng ang', 'ang']]);
    expect(spellings('It was the the end.', 'en')).toEqual([['the the', 'the']]);
  });

  it('leaves correctly spelt text alone', () => {
    expect(spellings('The United States and the United Nations met in Geneva on 9 November 1989.')).toEqual([]);
  });
});
