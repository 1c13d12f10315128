import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectLanguage, extract, supportedLanguages } from '../../../src/extraction/index.js';
import { loadLanguageFiles } from '../../../src/extraction/language-file.js';
import { ENGLISH_NEWS, TAGALOG_PROSE } from './texts.js';
import { SEED_TEXT } from './helpers.js';

describe('language', () => {
  it('supports at least Tagalog and English', () => {
    expect(supportedLanguages).toEqual(expect.arrayContaining(['en', 'tl']));
  });

  it('detects Tagalog and English from their function words', () => {
    expect(detectLanguage(SEED_TEXT)).toBe('tl');
    expect(detectLanguage(TAGALOG_PROSE)).toBe('tl');
    expect(detectLanguage(ENGLISH_NEWS)).toBe('en');
    expect(detectLanguage('Sinabi ng guro na mag-aaral ang mga bata.')).toBe('tl');
    expect(detectLanguage('The teacher said the children would study.')).toBe('en');
  });

  it('falls back to English when nothing decides', () => {
    expect(detectLanguage('')).toBe('en');
    expect(detectLanguage('12345 !!!')).toBe('en');
  });

  it('uses a given language instead of detecting one, reading BCP 47 tags and aliases', () => {
    expect(extract(ENGLISH_NEWS, { language: 'tl' }).language).toBe('tl');
    expect(extract('The vote.', { language: 'en-US' }).language).toBe('en');
    expect(extract('Ang boto.', { language: 'fil' }).language).toBe('tl');
  });

  it('detects the language when the given tag is not a BCP 47 tag', () => {
    expect(extract('Sinabi ng guro na mag-aaral ang mga bata.', { language: 'not a tag!' }).language).toBe('tl');
    expect(extract('The teacher said so.', { language: '' }).language).toBe('en');
  });

  it('applies a grammar rule only in the language whose file defines it', () => {
    const text = 'Natapos ito noon 1993 ayon sa ulat.';
    const spelling = (language: string) => extract(text, { language }).claims.filter((c) => c.kind === 'spelling');
    expect(spelling('tl').map((c) => c.suggestion)).toEqual(['noong']);
    expect(spelling('en')).toEqual([]);
  });

  it('keeps an unsupported tag and still finds language-neutral claims with every word list', () => {
    const result = extract('El 9 de Marso 2004, 500 personas dijeron "basta".', { language: 'es' });
    expect(result.language).toBe('es');
    expect(result.claims.map((c) => c.kind)).toEqual(expect.arrayContaining(['statistic', 'quote', 'date']));
  });

  it('loads a new language from a JSON file alone, missing lists treated as empty', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
    writeFileSync(join(dir, 'es.json'), JSON.stringify({ name: 'Spanish', months: [['enero'], ['febrero']], stopwords: ['el', 'la'] }));
    writeFileSync(join(dir, 'notes.txt'), 'not a language');
    const files = loadLanguageFiles(pathToFileURL(`${dir}/`));
    expect(files.map((f) => f.language)).toEqual(['es']);
    expect(files[0]!.months).toEqual([['enero'], ['febrero']]);
    expect(files[0]!.titles).toEqual([]);
    expect(files[0]!.rules.beforeDate).toEqual({});
  });
});
