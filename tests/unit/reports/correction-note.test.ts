import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  generateCorrectionNote,
  noteTemplates,
  templateLanguage,
  type NoteError,
  type NoteErrors,
} from '../../../src/reports/correction-note.js';

const error = (o: Partial<NoteError> & Pick<NoteError, 'verdict' | 'kind' | 'quote'>): NoteError => ({
  correction: null,
  before: '',
  after: '',
  ...o,
});
const errors = (over: Partial<NoteErrors> = {}): NoteErrors => ({
  facts: [],
  factCount: 0,
  typos: [],
  typoCount: 0,
  listTypos: false,
  ...over,
});

const moon = error({
  verdict: 'inaccurate',
  kind: 'date',
  quote: 'July 20, 1968',
  correction: 'July 20, 1969',
  before: 'Apollo 11 landed on the Moon on ',
  after: ', and Neil Armstrong stepped out first.',
});
const walkers = error({
  verdict: 'misleading',
  kind: 'statistic',
  quote: 'three astronauts walked',
  correction: 'two astronauts walked',
  before: 'Of the crew, ',
  after: ' on the surface.',
});
const children = error({
  verdict: 'needs_context',
  kind: 'statistic',
  quote: '500,000 children',
  correction: '500,000 children (a 1995 estimate, later disputed)',
  before: 'Sanctions killed ',
  after: ', the report said.',
});
const quote = error({
  verdict: 'inaccurate',
  kind: 'quote',
  quote: '“We will never surrender”',
  correction: '“We shall never surrender”',
  before: 'Churchill said ',
  after: ' in June 1940.',
});
const bush = error({
  verdict: 'inaccurate',
  kind: 'attribution',
  quote: 'American President George H. W. Bush',
  correction: 'American President George W. Bush',
  before: 'Noong 2002, sinabi ng ',
  after: ' na miyembro ang Iraq sa “axis of evil”.',
});
const sentence = error({
  verdict: 'misleading',
  kind: 'event',
  quote: 'Nagtantiya ang mga kritiko na 500,000 ang namatay.',
  correction: 'Tinantiya ng isang survey noong 1995 na 500,000 ang namatay.',
});
const sates = error({ verdict: 'typo', kind: 'spelling', quote: 'United Sates', correction: 'United States' });

/** The sentences the note itself writes: quoted text removed, so a quotation may start with a number. */
const ownSentences = (note: string) =>
  note
    .replace(/[“‘][^”’]*[”’]/g, 'Q')
    .split(/(?<=[.:])\s+|\n\n/)
    .filter(Boolean);

describe('the generated correction note (golden)', () => {
  it('loads one template per file in src/reports/notes, so a new language is a new file', () => {
    const files = readdirSync(new URL('../../../src/reports/notes/', import.meta.url)).filter((f) => f.endsWith('.json'));
    expect([...noteTemplates.keys()].sort()).toEqual(files.map((f) => f.slice(0, -5)).sort());
    expect(templateLanguage('tl-PH')).toBe('tl');
    expect(templateLanguage('fil')).toBe('en');
  });

  it('English: an inaccurate date is a Correction, a misleading figure and missing context a Clarification; typos stay silent', () => {
    expect(generateCorrectionNote('en', errors({ facts: [moon, walkers, children], factCount: 3, typos: [sates], typoCount: 1 }))).toBe(
      'Correction: An earlier version of this article misstated a date: “July 20, 1968.” With the right date, the passage reads: “Apollo 11 landed on the Moon on July 20, 1969, and Neil Armstrong stepped out first.”\n\n' +
        'Clarification: An earlier version of this article gave a misleading account of a figure: “three astronauts walked.” Clarified, the passage reads: “Of the crew, two astronauts walked on the surface.” ' +
        'It also gave a figure without necessary context: “500,000 children.” With the context added, the passage reads: “Sanctions killed 500,000 children (a 1995 estimate, later disputed), the report said.”',
    );
  });

  it('English: a misquotation and a wrong speaker, quotes within the quotation made single, typos listed when the document asks', () => {
    expect(
      generateCorrectionNote('en', errors({ facts: [quote, bush], factCount: 2, typos: [sates, sates], typoCount: 2, listTypos: true })),
    ).toBe(
      'Correction: An earlier version of this article misstated a quotation: “‘We will never surrender’.” With the right wording, the quotation reads: “Churchill said ‘We shall never surrender’ in June 1940.” ' +
        'It also misstated who made a statement: “American President George H. W. Bush.” With the right speaker, the passage reads: “Noong 2002, sinabi ng American President George W. Bush na miyembro ang Iraq sa ‘axis of evil’.”\n\n' +
        'Typographical errors were also fixed: “United Sates” (now “United States”, 2 times).',
    );
  });

  it('English: a clarification without a correction says what was wrong and stops; more errors are counted, not started with a digit', () => {
    const note = generateCorrectionNote('en', errors({ facts: [{ ...children, correction: null }], factCount: 4 }))!;
    expect(note).toBe(
      'Clarification: An earlier version of this article gave a figure without necessary context: “500,000 children.” It also contained 3 further errors, listed in the full correction report.',
    );
    for (const s of ownSentences(note)) expect(s).not.toMatch(/^\d/);
  });

  it('Tagalog: Pagtutuwid for the wrong speaker, Paglilinaw for a sentence rewritten whole', () => {
    expect(generateCorrectionNote('tl', errors({ facts: [bush, sentence], factCount: 2, typos: [sates], typoCount: 1 }))).toBe(
      'Pagtutuwid: Mali ang pangalan ng nagsalita na nakasaad sa naunang bersyon ng artikulong ito: “American President George H. W. Bush.” Sa tamang nagsalita, ganito na ang bahagi: “Noong 2002, sinabi ng American President George W. Bush na miyembro ang Iraq sa ‘axis of evil’.”\n\n' +
        'Paglilinaw: Nakaliligaw ang detalyeng nakasaad sa naunang bersyon ng artikulong ito: “Nagtantiya ang mga kritiko na 500,000 ang namatay.” Nilinaw, ganito na ang bahagi: “Tinantiya ng isang survey noong 1995 na 500,000 ang namatay.”',
    );
  });

  it('Tagalog: a second error in a paragraph says “rin”, and listed typos close the note', () => {
    const note = generateCorrectionNote(
      'tl',
      errors({ facts: [moon, { ...bush, kind: 'statistic' }], factCount: 2, typos: [sates], typoCount: 1, listTypos: true }),
    )!;
    expect(note).toBe(
      'Pagtutuwid: Mali ang petsang nakasaad sa naunang bersyon ng artikulong ito: “July 20, 1968.” Sa tamang petsa, ganito na ang bahagi: “Apollo 11 landed on the Moon on July 20, 1969, and Neil Armstrong stepped out first.” ' +
        'Mali rin ang bilang na nakasaad: “American President George H. W. Bush.” Sa tamang bilang, ganito na ang bahagi: “Noong 2002, sinabi ng American President George W. Bush na miyembro ang Iraq sa ‘axis of evil’.”\n\n' +
        'Itinama rin ang isang maling pagbaybay: “United Sates” (ngayon ay “United States”).',
    );
    for (const s of ownSentences(note)) expect(s).not.toMatch(/^\d/);
  });

  it('keeps a long sentence to a few words either side of the fix, and is null with nothing to publish', () => {
    const long = error({
      ...moon,
      before: 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen landed on ',
      after: ' and then a b c d e f g h i j k l m n o.',
    });
    expect(generateCorrectionNote('en', errors({ facts: [long], factCount: 1 }))).toContain(
      '“…five six seven eight nine ten eleven twelve thirteen fourteen landed on July 20, 1969 and then a b c d e f g h i j…”',
    );
    expect(generateCorrectionNote('en', errors({ typos: [sates], typoCount: 1 }))).toBeNull();
  });
});
