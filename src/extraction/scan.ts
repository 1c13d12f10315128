/**
 * What every detector receives, and the small phrase-shape helpers they share: content words,
 * runs of capitalised name words, and short noun phrases to the right of a cue word.
 */
import type { DateValue } from './date-values.js';
import type { Lexicon } from './lexicon.js';
import type { NameBook } from './names.js';
import type { ExtractedKind, RawCandidate, Signal } from './types.js';
import { ACRONYM, PUNCT, WORD, type Tokens } from './tokens.js';

export interface Scan {
  readonly t: Tokens;
  readonly lex: Lexicon;
  readonly names: NameBook;
  /** Tokens already explained by an earlier detector (a year, a resolution number). */
  readonly claimed: Uint8Array;
  /** When given, the date detector records the value of every date it finds here. */
  readonly dates?: DateValue[];
}

/** A candidate covering tokens i..j inclusive. */
export function candidate(s: Scan, kind: ExtractedKind, i: number, j: number, signals: Signal[]): RawCandidate {
  return { kind, start: s.t.start[i]!, end: s.t.end[j]!, signals, suggestion: null };
}

/** A word that carries meaning: not punctuation, not a function word, not a clause break. */
export function isContent(s: Scan, i: number): boolean {
  const ty = s.t.type[i];
  if (ty !== WORD && ty !== ACRONYM) return false;
  const w = s.t.lower[i]!;
  // An all-capitals word is an acronym even when it spells a function word ("NASA", Tagalog "nasa").
  if (s.t.cap[i] === 1 && ALL_CAPS.test(s.t.raw[i]!)) return true;
  return !s.lex.stopwords.has(w) && !s.lex.clauseBreaks.has(w);
}
const ALL_CAPS = /^\p{Lu}{2,}$/u;

/** True when token j exists, is in token i's sentence, and is not punctuation. */
export function continues(s: Scan, i: number, j: number): boolean {
  return j >= 0 && j < s.t.count && s.t.sentence[j] === s.t.sentence[i] && s.t.type[j] !== PUNCT;
}

/**
 * The last token of a run of name words starting at i: capitalised words and acronyms, with
 * initials ("H. W."), and particles ("de", "bin") between capitals. Returns i - 1 if none.
 */
export function nameRunEnd(s: Scan, i: number, maxWords = 6): number {
  const t = s.t;
  let last = i - 1;
  let words = 0;
  for (let k = i; k < t.count && words < maxWords && t.sentence[k] === t.sentence[i]; k++) {
    if ((t.type[k] === WORD || t.type[k] === ACRONYM) && t.cap[k] === 1) {
      last = k;
      words++;
      // An initial's full stop belongs to the name: "H. W. Bush".
      if (t.raw[k]!.length === 1 && t.raw[k + 1] === '.' && t.cap[k + 2] === 1) k++;
      continue;
    }
    if (last >= i && s.lex.nameParticles.has(t.lower[k]!) && t.cap[k + 1] === 1) continue;
    break;
  }
  return last;
}

/**
 * The end of a short noun phrase starting at i: up to `maxContent` content words (not counting
 * linked modifiers), joined by the language's noun joiners ("ng", "mga", "of", "the"); any other
 * function word, punctuation or a clause break ends it. Returns i - 1 when no content word follows.
 */
export function nounPhraseEnd(s: Scan, i: number, maxContent: number, maxTokens = maxContent + 4): number {
  const t = s.t;
  let last = i - 1;
  let content = 0;
  for (let k = i; k < t.count && k - i < maxTokens && content < maxContent; k++) {
    if (!continues(s, i, k)) break;
    if (t.type[k] !== WORD && t.type[k] !== ACRONYM) break;
    const w = t.lower[k]!;
    if (s.lex.clauseBreaks.has(w)) break;
    if (isContent(s, k)) {
      last = k;
      // A word carrying a linker ("kinakailangang paraan") modifies the next one: it is free.
      if (!(endsWithLinker(s, w) && isContent(s, k + 1) && t.sentence[k + 1] === t.sentence[k])) content++;
      if (t.cap[k] === 1) {
        const run = nameRunEnd(s, k);
        if (run > k) k = last = run;
      }
    } else if (!s.lex.nounJoiners.has(w)) break;
  }
  return last;
}

function endsWithLinker(s: Scan, w: string): boolean {
  for (const l of s.lex.linkers) if (w.length > l.length + 2 && w.endsWith(l)) return true;
  return false;
}

/** Start of a short noun phrase ending at j, read leftwards (used for "X said"). */
export function nounPhraseStart(s: Scan, j: number, maxTokens: number): number {
  const t = s.t;
  let first = j + 1;
  for (let k = j; k >= 0 && j - k < maxTokens; k--) {
    if (!continues(s, j, k)) break;
    const w = t.lower[k]!;
    if (s.lex.clauseBreaks.has(w) || s.lex.subjectMarkers.matchAt(t, k)) break;
    if (isContent(s, k) || (t.cap[k] === 1 && !s.lex.stopwords.has(w))) first = k;
    // A function word right before the verb is a pronoun ("he said"): no named speaker.
    else if (first > j || !s.lex.stopwords.has(w)) break;
  }
  return first;
}
