/**
 * How sure we are that two claims state the same thing, 0–1, with the reasons in words.
 * docs/MATCHING.md explains the weights and the threshold.
 */
import { matchLexicon } from './match-lexicon.js';

export interface MatchKey {
  terms: readonly string[];
  focus: readonly string[];
}

export interface MatchScore {
  score: number;
  reasons: string[];
}

/** Below this nothing is stored or shown. */
export const MATCH_THRESHOLD = 0.5;
/** At most this many matches are kept for a claim. */
export const MATCH_LIMIT = 10;
/** Two claims must share at least this many words (concepts or plain words). */
const MIN_SHARED_WORDS = 2;

const kindOf = (t: string) => t.slice(0, 1);
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function dateInWords(value: string): string {
  const [a, b, c] = value.split('-').map(Number);
  if (c !== undefined) return `${c} ${months[b! - 1]} ${a}`;
  return a! > 12 ? `${months[b! - 1]} ${a}` : `${b} ${months[a! - 1]}`;
}

function describe(term: string): string {
  const value = term.slice(2);
  switch (kindOf(term)) {
    case 'n':
      return `same figure ${Number(value).toLocaleString('en-US')}`;
    case 'p':
      return `same percentage ${value}%`;
    case 'y':
      return `same year ${value}`;
    case 'd':
      return `same date ${dateInWords(value)}`;
    default:
      return `same name ${matchLexicon.nameLabels.get(term) ?? value.replace(/\b\p{L}/gu, (ch) => ch.toUpperCase())}`;
  }
}

/**
 * Scores a pair. `trigram` is pg_trgm's similarity of the two word strings. Words are required
 * (a shared figure or name alone is a coincidence, not the same claim); figures, dates and names
 * make a match specific. Returns null below the threshold.
 */
export function scoreMatch(a: MatchKey, b: MatchKey, trigram: number): MatchScore | null {
  const bTerms = new Set(b.terms);
  const shared = a.terms.filter((t) => bTerms.has(t));
  const words = (k: MatchKey) => k.terms.filter((t) => t.startsWith('c:') || t.startsWith('w:'));
  const concepts = (k: MatchKey) => k.terms.filter((t) => t.startsWith('c:'));
  const sharedWords = shared.filter((t) => t.startsWith('c:') || t.startsWith('w:'));
  if (sharedWords.length < MIN_SHARED_WORDS) return null;
  const sharedConcepts = sharedWords.filter((t) => t.startsWith('c:')).length;
  const wordOverlap = sharedWords.length / Math.max(1, Math.min(words(a).length, words(b).length));
  // Across languages only lexicon words can agree, so their overlap is measured on its own.
  const conceptOverlap = sharedConcepts >= MIN_SHARED_WORDS ? sharedConcepts / Math.min(concepts(a).length, concepts(b).length) : 0;
  const wordPart = Math.min(1, Math.max(wordOverlap, conceptOverlap * 0.9, trigram));

  const figures = shared.filter((t) => 'np'.includes(kindOf(t)));
  const dates = shared.filter((t) => 'dy'.includes(kindOf(t)));
  const names = shared.filter((t) => kindOf(t) === 'e');
  const facts = figures.length + (dates.length ? 1 : 0) + (dates.some((d) => /^d:\d{4}-\d\d-\d\d$/.test(d)) ? 0.5 : 0);
  const factPart = Math.min(1, 0.45 * facts + 0.25 * names.length);
  // Two wordings of one figure are one claim; the same sentence's other figure is another.
  const bFocus = new Set(b.focus);
  const focusShared = a.focus.some((t) => bFocus.has(t) && kindOf(t) !== 'e');
  const focusApart = a.focus.some((t) => 'np'.includes(kindOf(t))) && b.focus.some((t) => 'np'.includes(kindOf(t))) && !focusShared;

  let score = 0.55 * wordPart + 0.45 * factPart + (focusShared ? 0.05 : 0) - (focusApart ? 0.1 : 0);
  score = Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
  if (score < MATCH_THRESHOLD) return null;
  const bestDate = [...dates].sort((x, y) => y.length - x.length)[0];
  const reasons = [
    ...figures.map(describe),
    ...(bestDate ? [describe(bestDate)] : []),
    ...names.map(describe),
    `${sharedWords.length} shared words`,
  ];
  return { score, reasons };
}
