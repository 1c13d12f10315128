/**
 * The tokeniser every detector works on: one hand-written pass over the text (no match objects
 * to allocate), tokens kept in parallel arrays so a 5 MB document costs a few arrays rather
 * than a million objects. Every loop below advances, so the pass is linear.
 */
import { isDigitCode, isLetterAt, isSpaceCode, isUpperAt, isWordCharAt, widthAt } from './char-classes.js';
import { Interner } from './interner.js';

/** Token classes (numbers so they fit a Uint8Array). */
export const WORD = 1;
export const NUMBER = 2; // 500,000  95.5  1993
export const NUMWORD = 3; // a number with letters glued on: 1900s  20th  10km  1990's
export const ACRONYM = 4; // dotted capitals: U.S.  U.N.
export const PUNCT = 5; // any other single non-space character

export interface Tokens {
  readonly text: string;
  readonly count: number;
  readonly start: number[];
  readonly end: number[];
  readonly raw: string[];
  /** Lower-cased form, the key for every lexicon lookup. */
  readonly lower: string[];
  /** Per token, an id of its exact text (0..distinctTexts-1) and of its lower-cased form. */
  readonly textId: Int32Array;
  readonly lowerId: Int32Array;
  readonly distinctTexts: number;
  readonly distinctLowers: number;
  readonly type: Uint8Array;
  /** 1 when the token begins with an upper-case letter. */
  readonly cap: Uint8Array;
  /** 0-based sentence of each token, filled in by assignSentences. */
  readonly sentence: Int32Array;
  /** 1 for the first word of its sentence, where capitals say nothing about names. */
  readonly initial: Uint8Array;
  /** Which phrase lists each token can start or end, filled in by markCues (lexicon.ts). */
  cues: Cues | null;
}

/** Per token, one bit per phrase list of `owner` (a lexicon): can the token start / end an entry. */
export interface Cues {
  readonly owner: object;
  readonly first: Uint32Array;
  readonly last: Uint32Array;
}

/** Splits text into word, number and punctuation tokens with their UTF-16 offsets. */
export function tokenize(text: string): Tokens {
  const start: number[] = [];
  const end: number[] = [];
  const raw: string[] = [];
  const lower: string[] = [];
  const types: number[] = [];
  const caps: number[] = [];
  const ids: number[] = [];
  const strings = new Interner();
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // Underscores are dropped like spaces: pre-tokenised text joins expressions with them (ng_mga).
    if (c === 95 || isSpaceCode(c)) {
      i++;
      continue;
    }
    let type = PUNCT;
    let e = acronymEnd(text, i);
    if (e > i) type = ACRONYM;
    else if (isDigitCode(c)) {
      e = numberEnd(text, i);
      type = isWordCharAt(text, e - 1) && !isDigitCode(text.charCodeAt(e - 1)) ? NUMWORD : NUMBER;
    } else if (isLetterAt(text, i)) {
      e = wordEnd(text, i);
      type = WORD;
    } else e = i + widthAt(text, i);
    const id = strings.intern(text, i, e);
    const capital = type !== PUNCT && type !== NUMBER && type !== NUMWORD && isUpperAt(text, i);
    start.push(i);
    end.push(e);
    ids.push(id);
    raw.push(strings.text(id));
    lower.push(type === WORD || type === ACRONYM ? strings.lower(id) : strings.text(id));
    types.push(type);
    caps.push(capital ? 1 : 0);
    i = e;
  }
  const count = start.length;
  return {
    text,
    count,
    start,
    end,
    raw,
    lower,
    textId: Int32Array.from(ids),
    lowerId: Int32Array.from(ids, (id) => strings.lowerId(id)),
    distinctTexts: strings.size,
    distinctLowers: strings.lowerSize,
    type: Uint8Array.from(types),
    cap: Uint8Array.from(caps),
    sentence: new Int32Array(count),
    initial: new Uint8Array(count),
    cues: null,
  };
}

// Dotted capitals: "U.S.", "U.N." (a capital and a full stop, at least twice). Returns i if none.
function acronymEnd(text: string, i: number): number {
  let e = i;
  while (isUpperAt(text, e) && text.charCodeAt(e + 1) === 46 && widthAt(text, e) === 1) e += 2;
  return e - i >= 4 ? e : i;
}

// Digits with thousands or decimal groups ("500,000", "95.5"), then letters glued on ("1900s", "1990's").
function numberEnd(text: string, i: number): number {
  let e = i;
  while (isDigitCode(text.charCodeAt(e))) e++;
  while ((text[e] === '.' || text[e] === ',') && isDigitCode(text.charCodeAt(e + 1))) {
    e++;
    while (isDigitCode(text.charCodeAt(e))) e++;
  }
  const apostrophe = text[e] === "'" || text[e] === '’' ? 1 : 0;
  if (isLetterAt(text, e + apostrophe) && e + apostrophe < text.length) {
    e += apostrophe;
    while (e < text.length && isLetterAt(text, e)) e += widthAt(text, e);
  }
  return e;
}

// Letters, marks and digits, joined by single apostrophes or hyphens ("no-fly", "Iraq’s", "ika-20").
function wordEnd(text: string, i: number): number {
  let e = i;
  for (;;) {
    while (e < text.length && isWordCharAt(text, e)) e += widthAt(text, e);
    const joiner = text[e];
    if ((joiner === '-' || joiner === "'" || joiner === '’') && e + 1 < text.length && isWordCharAt(text, e + 1)) e++;
    else return e;
  }
}

/** Records each token's sentence with one merge walk (both lists are sorted by offset). */
export function assignSentences(t: Tokens, sentences: readonly { start: number; end: number }[]): void {
  let s = 0;
  let sawWord = false;
  for (let i = 0; i < t.count; i++) {
    const at = t.start[i]!;
    while (s < sentences.length - 1 && at >= sentences[s]!.end) {
      s++;
      sawWord = false;
    }
    t.sentence[i] = s;
    if (!sawWord && (t.type[i] === WORD || t.type[i] === ACRONYM)) {
      t.initial[i] = 1;
      sawWord = true;
    }
  }
}

/** True for word-like tokens (words and dotted acronyms). */
export function isWord(t: Tokens, i: number): boolean {
  const ty = t.type[i];
  return ty === WORD || ty === ACRONYM;
}

/** True when tokens i and i+1 are in the same sentence and both exist. */
export function sameSentence(t: Tokens, i: number, j: number): boolean {
  return i >= 0 && j >= 0 && i < t.count && j < t.count && t.sentence[i] === t.sentence[j];
}

/** The numeric value of a NUMBER token, reading commas as thousands separators. */
export function numberValue(raw: string): number {
  const digits = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(raw) ? raw.replace(/,/g, '') : raw.replace(',', '.');
  return Number.parseFloat(digits);
}
