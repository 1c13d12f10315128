import { describe, expect, it } from 'vitest';
import { claimTerms, textTerms } from '../../../src/matching/claim-terms.js';
import { scoreMatch, MATCH_THRESHOLD } from '../../../src/matching/match-score.js';

const facts = (text: string) => textTerms(text).filter((t) => /^[npdy]:/.test(t));

describe('claim terms', () => {
  it('writes one figure the same whichever way it is written, in Tagalog or English', () => {
    for (const text of [
      'higit sa 500,000 bata',
      'more than 500 000 children',
      'half a million children',
      'kalahating milyong bata',
      'limang daang libong bata',
    ]) {
      expect(facts(text), text).toEqual(['n:500000']);
    }
    for (const text of ['10 %', '10 porsiyento', 'ten percent', 'sampung porsiyento']) expect(facts(text), text).toEqual(['p:10']);
  });

  it('normalises dates across languages and keeps a partial date comparable', () => {
    const full = ['d:01-29', 'd:2002-01', 'd:2002-01-29', 'y:2002'];
    for (const text of ['noong ika-29 ng Enero , 2002', 'on January 29, 2002', 'noong 29 Enero 2002'])
      expect(facts(text).sort(), text).toEqual(full);
    expect(facts('Noong Hunyo 2004')).toEqual(['d:2004-06', 'y:2004']);
    expect(facts('she may come')).toEqual([]);
  });

  it('maps names and claim words through the lexicon', () => {
    expect(textTerms('ayon sa The Lancet Study')).toContain('e:the lancet');
    expect(textTerms('sinabi ni George H. W. Bush')).toContain('e:bush');
    expect(textTerms('said George W. Bush')).toContain('e:bush');
    expect(textTerms('namatay ang mga bata')).toEqual(expect.arrayContaining(['c:die', 'c:child']));
    expect(textTerms('the children died')).toEqual(expect.arrayContaining(['c:die', 'c:child']));
  });
});

describe('match score', () => {
  const key = (sentence: string) => claimTerms(sentence, sentence);
  it('matches a Tagalog claim and its English restatement, with reasons in words', () => {
    const a = key('Nagtantiya ang_mga kritiko na higit sa 500,000 batang Iraqi na namatay na bunga ng kapahintulutan .');
    const b = key('Critics estimated that more than half a million Iraqi children died as a result of the sanctions.');
    const m = scoreMatch(a, b, 0)!;
    expect(m.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(m.reasons).toEqual(expect.arrayContaining(['same figure 500,000', 'same name Iraq']));
  });

  it('does not match claims that only share a common figure or name', () => {
    const a = key('Nagtantiya ang_mga kritiko na higit sa 500,000 batang Iraqi na namatay na bunga ng kapahintulutan .');
    expect(scoreMatch(a, key('More than 500,000 people attended the Manila book fair in 2019.'), 0)).toBeNull();
    expect(scoreMatch(key('Rice prices rose by 8 percent in Iraq.'), key('Unemployment in Iraq fell to 8 percent.'), 0)).toBeNull();
  });
});
