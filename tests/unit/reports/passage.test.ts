import { describe, expect, it } from 'vitest';
import { passageAround, passageText } from '../../../src/reports/passage.js';

/** The passage around the first occurrence of `quote` in a text with one sentence per `starts` entry. */
const around = (text: string, starts: number[], quote: string) => {
  const start = text.indexOf(quote);
  return passageAround(text, starts, start, start + quote.length);
};

describe('the sentence around a claim', () => {
  it('runs to the end of the last sentence a claim spans', () => {
    // Sentences start at 0 ('Una.'), 5, 25 ('Sates dito.') and 37.
    const text = 'Una. Ikalawa ang United. Sates dito. Ikatlo.';
    expect(around(text, [0, 5, 25, 37], 'United. Sates')).toEqual({ before: 'Ikalawa ang ', quote: 'United. Sates', after: ' dito.' });
  });

  it('stops at the end of the sentence when the claim ends it', () => {
    expect(around('Una. Ikalawa.', [0, 5], 'Una.')).toEqual({ before: '', quote: 'Una.', after: '' });
    expect(around('Una. Ikalawa.', [0, 5], 'Ikalawa.')).toEqual({ before: '', quote: 'Ikalawa.', after: '' });
  });

  it('drops all the white space at the edges of the sentence, newlines included', () => {
    const text = 'Una.\n \t Sinabi ang claim dito.  \n Ikalawa.';
    // The second sentence is taken to start right after 'Una.', white space and all.
    expect(around(text, [0, 4, 34], 'claim')).toEqual({ before: 'Sinabi ang ', quote: 'claim', after: ' dito.' });
  });
});

describe('a very long sentence before the claim', () => {
  it('is kept whole at exactly 400 characters', () => {
    const before = 'abcd '.repeat(80);
    expect(around(`${before}United Sates.`, [0], 'United Sates').before).toBe(before);
  });

  it('is cut to its last 400 characters and then to the first word boundary inside them', () => {
    // 450 characters before the claim: the last 400 begin mid-word ('fgh '), so that partial word
    // goes and the space after it stays.
    const text = `${'abcdefgh '.repeat(50)}United Sates.`;
    expect(around(text, [0], 'United Sates').before).toBe(`…${' abcdefgh'.repeat(44)} `);
  });

  it('keeps all 400 characters when they hold no white space', () => {
    const text = `${'x'.repeat(450)}United Sates.`;
    expect(around(text, [0], 'United Sates').before).toBe(`…${'x'.repeat(400)}`);
  });
});

describe('a very long sentence after the claim', () => {
  it('is kept whole at exactly 400 characters', () => {
    const after = ' abcd'.repeat(80);
    expect(around(`United Sates${after}`, [0], 'United Sates').after).toBe(after);
  });

  it('is cut to 400 characters and then before the last, partial word', () => {
    // The first 400 characters are 44 × ' abcdefgh' and ' abc'.
    const text = `United Sates${' abcdefgh'.repeat(60)}.`;
    expect(around(text, [0], 'United Sates').after).toBe(`${' abcdefgh'.repeat(44)}…`);
  });

  it('keeps all 400 characters when they hold no white space, or only a leading one', () => {
    expect(around(`United${'x'.repeat(450)}`, [0], 'United').after).toBe(`${'x'.repeat(400)}…`);
    expect(around(`United ${'x'.repeat(450)}`, [0], 'United').after).toBe(` ${'x'.repeat(399)}…`);
  });
});

describe('the passage as one line', () => {
  it('folds each newline with the white space around it into one space, and nothing else', () => {
    const line = passageText({ before: 'Una\nlinya  \n\t dalawa ', quote: 'United\nSates', after: ' dito. \n' });
    expect(line).toBe('Una linya dalawa ⟦United Sates⟧ dito. ');
  });

  it('leaves spaces without a newline alone', () => {
    expect(passageText({ before: 'Sinabi  ng ', quote: 'Iraw', after: '  .' })).toBe('Sinabi  ng ⟦Iraw⟧  .');
  });
});
