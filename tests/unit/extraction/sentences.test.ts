import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/extraction/index.js';

const texts = (text: string, language?: string) => splitSentences(text, language).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits ordinary prose on full stops, question and exclamation marks', () => {
    expect(texts('The vote passed. Did it? Yes! It did.')).toEqual(['The vote passed.', 'Did it?', 'Yes!', 'It did.']);
  });

  it('numbers sentences from 1 and ends them before trailing whitespace', () => {
    const text = '  First one.   \n\n  Second one.  ';
    const sentences = splitSentences(text);
    expect(sentences).toEqual([
      { index: 1, start: 2, end: 12 },
      { index: 2, start: 19, end: 30 },
    ]);
  });

  it('keeps initials, titles, decimals and numbered abbreviations inside the sentence', () => {
    expect(texts('President George H. W. Bush met Dr. Cruz. Growth was 3.5 percent.')).toEqual([
      'President George H. W. Bush met Dr. Cruz.',
      'Growth was 3.5 percent.',
    ]);
    expect(texts('Ipinasa ang Proklamasyon Blg. 1081 noon. Natapos ito.')).toEqual([
      'Ipinasa ang Proklamasyon Blg. 1081 noon.',
      'Natapos ito.',
    ]);
  });

  it('continues after a dotted acronym before a name but ends it before a function word', () => {
    expect(texts('The U.N. Security Council met. Troops left the U.S. The vote came later.')).toEqual([
      'The U.N. Security Council met.',
      'Troops left the U.S.',
      'The vote came later.',
    ]);
  });

  it('keeps a quotation that contains a full stop in one sentence', () => {
    expect(texts('He said, "Go home. Now." Then he left.')).toEqual(['He said, "Go home. Now."', 'Then he left.']);
    expect(texts('Sabi niya , “ Umuwi ka . Ngayon na . ” At umalis siya .')).toEqual([
      'Sabi niya , “ Umuwi ka . Ngayon na . ”',
      'At umalis siya .',
    ]);
  });

  it('ends an unclosed quotation with its paragraph', () => {
    expect(texts('Dagdag niya , “ Una ito . Pangalawa ito ... \nNgunit walang nakita .')).toEqual([
      'Dagdag niya , “ Una ito . Pangalawa ito ...',
      'Ngunit walang nakita .',
    ]);
  });

  it('ends headlines at the line break but joins hard-wrapped lines that continue in lower case', () => {
    expect(texts('Flood toll rises\nThe minister said the\nbudget would rise. Next.')).toEqual([
      'Flood toll rises',
      'The minister said the\nbudget would rise.',
      'Next.',
    ]);
  });

  it('handles Windows line endings and an ellipsis before a capital', () => {
    expect(texts('One line\r\nTwo lines... Then three.')).toEqual(['One line', 'Two lines...', 'Then three.']);
  });

  it('returns no sentences for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\t\n ')).toEqual([]);
  });
});
