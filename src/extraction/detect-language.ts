/**
 * Language detection by function words: the language whose stopword list covers the most words
 * of the text wins. Function words are frequent enough that a sample of the text decides it.
 */
import { isLetterAt, widthAt } from './char-classes.js';
import { languageCodes, stopwordsByLanguage } from './lexicon.js';

// About 30,000 words; enough to decide, and it keeps detection constant-time on huge inputs.
const SAMPLE_CHARS = 200_000;
const DEFAULT_LANGUAGE = 'en';

let lists: ReturnType<typeof stopwordsByLanguage> | undefined;

/**
 * The language code (BCP 47 primary subtag, e.g. 'tl' or 'en') whose function words are most
 * common in the text; 'en' when nothing decides it (empty text, no known words).
 */
export function detectLanguage(text: string): string {
  lists ??= stopwordsByLanguage();
  const hits = new Map<string, number>(lists.map((l) => [l.language, 0]));
  const n = Math.min(text.length, SAMPLE_CHARS);
  // Words are runs of letters, combining marks and apostrophes ([\p{L}\p{M}']+), read by hand:
  // a regex's match objects for 30,000 words were most of this function's cost.
  let i = 0;
  while (i < n) {
    if (!isWordPart(text, i, n)) {
      i += widthAt(text, i);
      continue;
    }
    let e = i;
    while (e < n && isWordPart(text, e, n)) e += widthAt(text, e);
    const w = text.slice(i, e).toLowerCase();
    for (let k = 0; k < lists.length; k++) if (lists[k]!.stopwords.has(w)) hits.set(lists[k]!.language, hits.get(lists[k]!.language)! + 1);
    i = e;
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

// A letter, combining mark or apostrophe at i, within the sample (a surrogate pair cut by the
// sample's end is not a letter, as it was not in the cut string).
function isWordPart(text: string, i: number, n: number): boolean {
  if (text.charCodeAt(i) === 39) return true;
  return widthAt(text, i) === 2 && i + 2 > n ? false : isLetterAt(text, i);
}
