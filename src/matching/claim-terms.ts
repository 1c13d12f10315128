/**
 * What a claim states, as terms that two wordings of the same claim share: figures and dates
 * (figures.ts), names and words through the bilingual lexicon, other words as they are.
 * Pure: the same text always gives the same terms, on import and when re-read.
 */
import { readFigures } from './figures.js';
import { matchLexicon as lex, withoutLinker } from './match-lexicon.js';

export interface ClaimTerms {
  /** n: p: y: d: figures and dates, e: names, c: lexicon concepts, w: other words; sorted, unique. */
  terms: string[];
  /** The figures, dates and names of the claim's own passage. */
  focus: string[];
  /** The concept and word terms, sorted, as one string for pg_trgm. */
  words: string;
}

const TOKEN = /%|[\p{L}\p{N}]+(?:[.,'’-][\p{L}\p{N}]+)*\.?/gu;

/** Lower-cased tokens and whether each began with a capital; underscores join nothing here. */
export function tokenize(text: string): { lower: string[]; capital: boolean[] } {
  const raw = text.replace(/_/g, ' ').match(TOKEN) ?? [];
  // A full stop ends the token's word unless it is an abbreviation ("U.S.", "H.").
  const cleaned = raw.map((t) => (t.endsWith('.') && t.indexOf('.') === t.length - 1 && t.length > 2 ? t.slice(0, -1) : t));
  return { lower: cleaned.map((t) => t.toLowerCase()), capital: cleaned.map((t) => /^\p{Lu}/u.test(t)) };
}

const knownWord = (w: string) => lex.phrases.has(w) || lex.stopwords.has(w);

/** A word outside the lexicon, lightly stemmed so "protests" and "protest" agree. */
function plainWord(w: string): string | null {
  if (w.length < 3 || !/\p{L}/u.test(w) || lex.stopwords.has(w)) return null;
  return w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

/** The terms of one text. */
export function textTerms(text: string): string[] {
  const { lower, capital } = tokenize(text);
  const { terms, used } = readFigures(lower);
  const out = new Set(terms);
  let name: string[] = [];
  const endName = () => {
    if (name.length) out.add(`e:${name.join(' ')}`);
    name = [];
  };
  for (let i = 0; i < lower.length; i++) {
    if (used.has(i)) {
      endName();
      continue;
    }
    const phrase = longestPhraseAt(lower, i, used);
    if (phrase) {
      endName();
      out.add(phrase.term);
      i += phrase.length - 1;
      continue;
    }
    const w = withoutLinker(lower[i]!, knownWord);
    // A run of capitalised words not in the lexicon is a name ("Shia Muslims", "Iraq Body
    // Count" when unlisted); a capital that only starts the sentence is not.
    if (capital[i] && i > 0 && !lex.stopwords.has(w)) {
      name.push(w.replace(/\./g, ''));
      continue;
    }
    endName();
    if (lex.stopwords.has(w)) continue;
    const plain = plainWord(w);
    if (plain) out.add(`w:${plain}`);
  }
  endName();
  return [...out].sort();
}

function longestPhraseAt(tokens: readonly string[], i: number, used: ReadonlySet<number>): { term: string; length: number } | null {
  for (let n = Math.min(lex.longestPhrase, tokens.length - i); n >= 1; n--) {
    let ok = true;
    for (let k = i; k < i + n; k++) if (used.has(k)) ok = false;
    if (!ok) continue;
    const words = tokens.slice(i, i + n);
    const key = words.join(' ');
    const term = lex.phrases.get(key) ?? (n === 1 ? lex.phrases.get(withoutLinker(key, knownWord)) : undefined);
    if (term) return { term, length: n };
  }
  return null;
}

const FOCUS = /^[npyde]:/;

/** A claim's terms: its sentence states the claim, its passage says which part of it. */
export function claimTerms(sentence: string, quote: string): ClaimTerms {
  const terms = textTerms(`${sentence} ${sentence.includes(quote) ? '' : quote}`);
  const focus = textTerms(quote).filter((t) => FOCUS.test(t));
  const words = terms
    .filter((t) => t.startsWith('c:') || t.startsWith('w:'))
    .map((t) => t.slice(2))
    .join(' ');
  return { terms, focus, words };
}
