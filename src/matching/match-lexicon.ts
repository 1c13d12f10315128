/**
 * The matching lexicon (lexicon.json) as lookup tables: phrases of one to five words mapped to a
 * concept (`c:die`) or a canonical name (`e:the lancet`), number words, months, stop words.
 */
import { readFileSync } from 'node:fs';

interface LexiconFile {
  concepts: Record<string, string[]>;
  names: Record<string, string[]>;
  numbers: Record<string, number>;
  multipliers: Record<string, number>;
  percent: string[];
  months: Record<string, number>;
  stopwords: string[];
}

export interface MatchLexicon {
  /** Word sequence (space-joined, lower case) → term. */
  phrases: ReadonlyMap<string, string>;
  longestPhrase: number;
  /** Canonical name as shown in reasons, by its term. */
  nameLabels: ReadonlyMap<string, string>;
  numbers: ReadonlyMap<string, number>;
  multipliers: ReadonlyMap<string, number>;
  percent: ReadonlySet<string>;
  months: ReadonlyMap<string, number>;
  stopwords: ReadonlySet<string>;
}

/** Tokens as the tokenizer makes them: "u.s." stays one token, "per cent" two. */
const words = (phrase: string) => phrase.toLowerCase().split(/\s+/).filter(Boolean);

function load(): MatchLexicon {
  const file = JSON.parse(readFileSync(new URL('./lexicon.json', import.meta.url), 'utf8')) as LexiconFile;
  const phrases = new Map<string, string>();
  const nameLabels = new Map<string, string>();
  let longestPhrase = 1;
  const add = (forms: string[], term: string) => {
    for (const form of forms) {
      const key = words(form);
      longestPhrase = Math.max(longestPhrase, key.length);
      // Names are added first and win: "Iraq Body Count" is a name, not the word "count".
      if (!phrases.has(key.join(' '))) phrases.set(key.join(' '), term);
    }
  };
  for (const [label, aliases] of Object.entries(file.names)) {
    const term = `e:${label.toLowerCase()}`;
    nameLabels.set(term, label);
    add([label, ...aliases], term);
  }
  for (const [concept, forms] of Object.entries(file.concepts)) add(forms, `c:${concept}`);
  return {
    phrases,
    longestPhrase,
    nameLabels,
    numbers: new Map(Object.entries(file.numbers)),
    multipliers: new Map(Object.entries(file.multipliers)),
    percent: new Set(file.percent.map((p) => words(p).join(' '))),
    months: new Map(Object.entries(file.months)),
    stopwords: new Set(file.stopwords),
  };
}

export const matchLexicon: MatchLexicon = load();

/**
 * A Tagalog word without its linker (-ng / -g after n): "batang" → "bata", "milyong" → "milyon",
 * tried only when the bare form is known, so English "-ng" words are left alone.
 */
export function withoutLinker(word: string, known: (w: string) => boolean): string {
  if (known(word) || !word.endsWith('g')) return word;
  if (word.endsWith('ng') && known(word.slice(0, -2))) return word.slice(0, -2);
  if (word.endsWith('ng') && known(word.slice(0, -1))) return word.slice(0, -1);
  return word;
}
