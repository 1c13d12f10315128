/**
 * Spelling against real dictionaries ("Goverment" → "Government", "recieve" → "receive"). Not
 * flagged: capitalised words inside a sentence (proper nouns), words the document uses more than
 * once, words inside quotations, words any word list knows, and words no dictionary is near
 * (one edit). Each distinct word is judged once per text, so the cost follows the vocabulary;
 * suggestions, the slow part, are looked for in at most SUGGEST_LIMIT words per text.
 */
import { areAffixVariants } from '../affixes.js';
import { WORD } from '../tokens.js';
import type { CheckInput, PlacedFinding } from './check-input.js';
import { type Dictionaries, dictionaries } from './dictionaries.js';
import { nearestWord } from './near-words.js';

// Per text: dictionary look-ups for at most CHECK_LIMIT distinct unknown words and one-edit
// searches (a few hundred look-ups each) for at most SUGGEST_LIMIT, so the cost stays bounded.
const CHECK_LIMIT = 1500;
const SUGGEST_LIMIT = 12;
// A capital after an article is a common noun written with one ("the Goverment"), not a name.
const ARTICLES = new Set(['the', 'a', 'an', 'this', 'that', 'ang', 'ng', 'mga']);
const PLAIN = /^\p{L}{4,20}$/u;

function known(dict: Dictionaries, w: string): boolean {
  return dict.en.correct(w) || (dict.tl?.correct(w) ?? false);
}

/** Findings for misspelt words, given the spans of the text's quotations. */
export function checkSpelling(input: CheckInput): PlacedFinding[] {
  const quotes = input.quotes;
  const { t, lex } = input.scan;
  const dict = dictionaries();
  const primary = input.language === 'tl' ? dict.tl : dict.en;
  if (!primary) return [];
  const uses = new Int32Array(t.distinctLowers);
  for (let i = 0; i < t.count; i++) if (t.type[i] === WORD) uses[t.lowerId[i]!]!++;
  const out: PlacedFinding[] = [];
  let asked = 0;
  let checked = 0;
  let q = 0;
  for (let i = 0; i < t.count; i++) {
    if (t.type[i] !== WORD || uses[t.lowerId[i]!] !== 1 || (t.cap[i] === 1 && t.initial[i] !== 1 && !ARTICLES.has(t.lower[i - 1] ?? '')))
      continue;
    const word = t.lower[i]!;
    if (!PLAIN.test(word) || lex.vocabulary.has(word) || lex.stopwords.has(word)) continue;
    while (q < quotes.length && quotes[q]!.end <= t.start[i]!) q++;
    if (q < quotes.length && quotes[q]!.start <= t.start[i]!) continue;
    // Each word judged here occurs once in the text (uses === 1), so there is no verdict to reuse;
    // as written and lower-cased are asked separately only when they differ.
    let fix: string | null = null;
    const raw = t.raw[i]!;
    if (checked++ < CHECK_LIMIT && !known(dict, word) && (raw === word || !known(dict, raw)) && asked++ < SUGGEST_LIMIT) {
      const best = nearestWord(word, (w) => primary.correct(w));
      // A capitalised word is more often a name: only a common word one edit away counts, and
      // Tagalog's affixes and reduplication (which Hunspell often lacks) are not slips.
      if (best && !(input.language === 'tl' && areAffixVariants(word, best, lex.affixes))) fix = best;
    }
    if (fix === null) continue;
    const suggestion = t.cap[i] === 1 ? fix[0]!.toUpperCase() + fix.slice(1) : fix;
    out.push({
      start: t.start[i]!,
      end: t.end[i]!,
      kind: 'spelling',
      finding: {
        code: 'spelling-dictionary',
        message: `'${raw}' is not in the ${input.language === 'tl' ? 'Tagalog' : 'English'} dictionary; probably '${suggestion}'.`,
        suggestion,
        evidence: `Hunspell ${input.language === 'tl' ? 'tl (myspell-tl)' : 'en (dictionary-en)'}`,
      },
    });
  }
  return out;
}
