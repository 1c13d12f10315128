import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateCorrectionNote, noteTemplates, templateLanguage, type NoteErrors } from '../../../src/reports/correction-note.js';

const errors = (over: Partial<NoteErrors> = {}): NoteErrors => ({ facts: [], factCount: 0, typos: [], typoCount: 0, ...over });
const bush = { verdict: 'inaccurate' as const, quote: 'American President George H. W. Bush', correction: 'American President George W. Bush' };
const sates = { verdict: 'typo' as const, quote: 'United Sates', correction: 'United States' };

describe('the generated correction note', () => {
  it('loads one template per file in src/reports/notes, so a new language is a new file', () => {
    const files = readdirSync(new URL('../../../src/reports/notes/', import.meta.url)).filter((f) => f.endsWith('.json'));
    expect([...noteTemplates.keys()].sort()).toEqual(files.map((f) => f.slice(0, -5)).sort());
    expect(noteTemplates.has('tl') && noteTemplates.has('en')).toBe(true);
  });

  it('is written in the document language, falling back from a regional tag and then to English', () => {
    expect(templateLanguage('tl')).toBe('tl');
    expect(templateLanguage('tl-PH')).toBe('tl');
    expect(templateLanguage('fil')).toBe('en');
    expect(generateCorrectionNote('tl', errors({ facts: [bush], factCount: 1 }))).toBe(
      'Pagtutuwid: Sa naunang bersyon ng artikulong ito, mali ang nakasaad na “American President George H. W. Bush”; ang tama ay “American President George W. Bush”.',
    );
    expect(generateCorrectionNote('de', errors({ facts: [bush], factCount: 1 }))).toBe(
      'Correction: An earlier version of this article misstated “American President George H. W. Bush”; it should have said “American President George W. Bush”.',
    );
  });

  it('gives each factual error a sentence and groups every typo into one line, repeated slips counted once', () => {
    const note = generateCorrectionNote('en', errors({
      facts: [bush, { verdict: 'needs_context', quote: 'higit sa 500,000 batang Iraqi', correction: null }],
      factCount: 2,
      typos: [sates, { verdict: 'typo', quote: 'Iraw', correction: 'Iraq' }, sates],
      typoCount: 3,
    }))!;
    const [facts, typos] = note.split('\n\n');
    expect(facts).toBe(
      'Correction: An earlier version of this article misstated “American President George H. W. Bush”; it should have said “American President George W. Bush”. ' +
        'It also said “higit sa 500,000 batang Iraqi” without necessary context.',
    );
    expect(typos).toBe('3 typographical errors were also fixed: “United Sates” (now “United States”, 2 times), “Iraw” (now “Iraq”).');
  });

  it('says so when there are only typos, and drops a correction’s own full stop inside the sentence', () => {
    expect(generateCorrectionNote('en', errors({ typos: [sates], typoCount: 1 }))).toBe(
      'Correction: A typographical error in an earlier version of this article has been fixed: “United Sates” (now “United States”).',
    );
    expect(generateCorrectionNote('en', errors({ facts: [{ verdict: 'misleading', quote: 'X', correction: 'Y, as of 2006.' }], factCount: 1 }))).toBe(
      'Correction: An earlier version of this article gave a misleading account in “X”; it now reads “Y, as of 2006”.',
    );
  });

  it('names the first errors of a long list and counts the rest', () => {
    const note = generateCorrectionNote('en', errors({ facts: [bush], factCount: 5, typos: [sates], typoCount: 4 }))!;
    expect(note).toContain('It also contained 4 further errors, listed in the full correction report.');
    expect(note).toContain('4 typographical errors were also fixed: “United Sates” (now “United States”) and 3 more.');
  });

  it('is null when nothing needs correcting', () => {
    expect(generateCorrectionNote('tl', errors())).toBeNull();
  });
});
