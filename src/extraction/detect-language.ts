/**
 * Language detection by function words: the language whose stopword list covers the most words
 * of the text wins. Function words are frequent enough that a sample of the text decides it.
 */
import { languageCodes, stopwordsByLanguage } from './lexicon.js';

// About 30,000 words; enough to decide, and it keeps detection constant-time on huge inputs.
const SAMPLE_CHARS = 200_000;
const WORD_RE = /[\p{L}\p{M}']+/gu;
const DEFAULT_LANGUAGE = 'en';

let lists: ReturnType<typeof stopwordsByLanguage> | undefined;

/**
 * The language code (BCP 47 primary subtag, e.g. 'tl' or 'en') whose function words are most
 * common in the text; 'en' when nothing decides it (empty text, no known words).
 */
export function detectLanguage(text: string): string {
  lists ??= stopwordsByLanguage();
  const hits = new Map<string, number>(lists.map((l) => [l.language, 0]));
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  for (const m of sample.matchAll(WORD_RE)) {
    const w = m[0].toLowerCase();
    for (const l of lists) if (l.stopwords.has(w)) hits.set(l.language, hits.get(l.language)! + 1);
  }
  let best = languageCodes.includes(DEFAULT_LANGUAGE) ? DEFAULT_LANGUAGE : (languageCodes[0] ?? DEFAULT_LANGUAGE);
  let bestHits = 0;
  for (const [language, n] of hits) {
    if (n > bestHits) {
      best = language;
      bestHits = n;
    }
  }
  return best;
}
