/**
 * The tokeniser every detector works on: one hand-written pass over the text (no match objects
 * to allocate), tokens kept in parallel arrays so a 5 MB document costs a few arrays rather
 * than a million objects. Every loop below advances, so the pass is linear.
 */
import { isDigitCode, isLetterAt, isSpaceCode, isUpperAt, isWordCharAt, widthAt } from './char-classes.js';
import { acronymEnd, numberEnd, wordEnd } from './token-shapes.js';
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
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly raw: string[];
  /** Lower-cased form, the key for every lexicon lookup. */
  readonly lower: string[];
  /** Per token, an id of its exact text (0..distinctTexts-1) and of its lower-cased form. */
  readonly textId: Int32Array;
  readonly lowerId: Int32Array;
  readonly distinctTexts: number;
  readonly distinctLowers: number;
  /** The lowerId of a lower-cased word, or -1 when no token of the text has that form. */
  readonly lowerIdOf: (lower: string) => number;
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
  const out = new TokenBuffer(text.length);
  const strings = new Interner();
  // Ids of one-character ASCII punctuation, the commonest tokens, so they skip the hash table.
  const punctuation = new Int32Array(128).fill(-1);
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
    let e: number;
    let id: number;
    // ASCII first, without the Unicode classes: only a capital can start an acronym.
    if (c < 128 && !(c >= 65 && c <= 90)) {
      if (c >= 97 && c <= 122) {
        e = wordEnd(text, i);
        type = WORD;
      } else if (isDigitCode(c)) {
        e = numberEnd(text, i);
        type = isWordCharAt(text, e - 1) && !isDigitCode(text.charCodeAt(e - 1)) ? NUMWORD : NUMBER;
      } else e = i + 1;
      if (type === PUNCT) {
        id = punctuation[c]!;
        if (id < 0) id = punctuation[c] = strings.intern(text, i, e);
      } else id = strings.intern(text, i, e);
      out.push(i, e, type, 0, id, strings.lowerId(id));
      i = e;
      continue;
    }
    e = acronymEnd(text, i);
    if (e > i) type = ACRONYM;
    else if (isDigitCode(c)) {
      e = numberEnd(text, i);
      type = isWordCharAt(text, e - 1) && !isDigitCode(text.charCodeAt(e - 1)) ? NUMWORD : NUMBER;
    } else if (isLetterAt(text, i)) {
      e = wordEnd(text, i);
      type = WORD;
    } else e = i + widthAt(text, i);
    id = strings.intern(text, i, e);
    const wordy = type === WORD || type === ACRONYM;
    out.push(i, e, type, wordy && isUpperAt(text, i) ? 1 : 0, id, strings.lowerId(id));
    i = e;
  }
  const count = out.count;
  // The string arrays are filled once the count is known: pushing a million strings grows
  // (and copies) arrays that live in large-object space, which cost more than the scan itself.
  const raw = new Array<string>(count);
  const lower = new Array<string>(count);
  for (let k = 0; k < count; k++) {
    const id = out.textId[k]!;
    const ty = out.type[k];
    raw[k] = strings.text(id);
    lower[k] = ty === WORD || ty === ACRONYM ? strings.lower(id) : strings.text(id);
  }
  return {
    text,
    count,
    start: out.start.subarray(0, count),
    end: out.end.subarray(0, count),
    raw,
    lower,
    textId: out.textId.subarray(0, count),
    lowerId: out.lowerId.subarray(0, count),
    distinctTexts: strings.size,
    distinctLowers: strings.lowerSize,
    lowerIdOf: (lower) => strings.lowerIdOf(lower),
    type: out.type.subarray(0, count),
    cap: out.cap.subarray(0, count),
    sentence: new Int32Array(count),
    initial: new Uint8Array(count),
    cues: null,
  };
}

// Typed arrays that double when full: a million tokens without a million boxed numbers.
class TokenBuffer {
  count = 0;
  start: Int32Array;
  end: Int32Array;
  textId: Int32Array;
  lowerId: Int32Array;
  type: Uint8Array;
  cap: Uint8Array;

  constructor(textLength: number) {
    // News text runs about one token per five characters: room for that without growing.
    const size = Math.max(64, textLength >> 2);
    this.start = new Int32Array(size);
    this.end = new Int32Array(size);
    this.textId = new Int32Array(size);
    this.lowerId = new Int32Array(size);
    this.type = new Uint8Array(size);
    this.cap = new Uint8Array(size);
  }

  push(start: number, end: number, type: number, cap: number, textId: number, lowerId: number): void {
    if (this.count === this.start.length) this.grow();
    const k = this.count++;
    this.start[k] = start;
    this.end[k] = end;
    this.type[k] = type;
    this.cap[k] = cap;
    this.textId[k] = textId;
    this.lowerId[k] = lowerId;
  }

  private grow(): void {
    const bigger = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(a.length * 2);
      b.set(a);
      return b;
    };
    this.start = bigger(this.start, (n) => new Int32Array(n));
    this.end = bigger(this.end, (n) => new Int32Array(n));
    this.textId = bigger(this.textId, (n) => new Int32Array(n));
    this.lowerId = bigger(this.lowerId, (n) => new Int32Array(n));
    this.type = bigger(this.type, (n) => new Uint8Array(n));
    this.cap = bigger(this.cap, (n) => new Uint8Array(n));
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
