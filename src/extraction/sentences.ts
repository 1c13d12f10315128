/**
 * Sentence boundaries in one left-to-right pass, for ordinary prose and for pre-tokenised text
 * ("armas .", "sa_lugar . ”"). A full stop inside an open quotation does not end the sentence,
 * and neither do initials (H. W.), dotted acronyms followed by a name (U.N. Member) or
 * abbreviations (Dr., Blg.). A line break ends a sentence unless the next line carries on
 * in lower case; quotation state never survives a paragraph.
 */
import type { Sentence } from './types.js';
import { isSpaceCode } from './char-classes.js';
import { lexiconFor, type Lexicon } from './lexicon.js';

const NOT_A_START = /[\p{Ll},;:)\]}”»]/u;
const LOWER_START = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const LETTER = /[\p{L}.]/u;
// Opening quotation mark → the mark that closes it, or -1 (a switch: it is asked for every character).
function closerOf(c: number): number {
  switch (c) {
    case 0x201c:
      return 0x201d;
    case 0xab:
      return 0xbb;
    case 0x201e:
      return 0x201c;
    case 0x22:
      return 0x22;
    default:
      return -1;
  }
}
// Scans for the word before a full stop look back this far and no further, keeping the pass linear.
const MAX_ABBREVIATION = 12;

/** . ! ? … and their CJK and Arabic forms. */
function isTerminal(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x61f;
}
function isAsciiAlphanumeric(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}
function isNewline(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}
function isInlineSpace(c: number): boolean {
  return isSpaceCode(c) && !isNewline(c);
}
// ) ] and a closing single quote followed by a space may trail a full stop.
function isTrailingCloser(text: string, m: number): boolean {
  const d = text.charCodeAt(m);
  if (d === 41 || d === 93) return true;
  return (d === 0x2019 || d === 39) && (m + 1 >= text.length || isSpaceCode(text.charCodeAt(m + 1)));
}

/**
 * Splits text into sentences with 1-based indexes and UTF-16 offsets; `end` stops at the last
 * visible character. Linear in the length of the text.
 */
export function splitSentences(text: string, language?: string): Sentence[] {
  const lex = lexiconFor(language ?? 'und');
  const out: Sentence[] = [];
  const n = text.length;
  let start = -1;
  let end = -1;
  let quote = -1;
  let terminal = false;
  const close = () => {
    if (start >= 0) out.push({ index: out.length + 1, start, end });
    start = -1;
    quote = -1;
    terminal = false;
  };

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // Most characters are ASCII letters and digits, which can be no stop, space or quotation
    // mark: a run of them only moves the sentence's end.
    if (isAsciiAlphanumeric(c)) {
      if (start < 0) start = i;
      let e = i + 1;
      while (e < n && isAsciiAlphanumeric(text.charCodeAt(e))) e++;
      terminal = false;
      end = e;
      i = e;
      continue;
    }
    if (isSpaceCode(c)) {
      if (!isNewline(c)) {
        i++;
        continue;
      }
      let m = i;
      let breaks = 0;
      for (; m < n && isSpaceCode(text.charCodeAt(m)); m++) {
        const d = text.charCodeAt(m);
        if (d === 10 || d === 0x2028 || d === 0x2029 || (d === 13 && text.charCodeAt(m + 1) !== 10)) breaks++;
      }
      const continues = breaks < 2 && !terminal && m < n && LOWER_START.test(text[m]!);
      if (!continues) close();
      i = m;
      continue;
    }
    if (start < 0) start = i;
    if (isTerminal(c) && !isDecimalPoint(text, i)) {
      let j = i;
      while (j < n && isTerminal(text.charCodeAt(j))) j++;
      let k = j;
      // Closing marks may follow the stop, even after a space in pre-tokenised text.
      for (;;) {
        let m = k;
        while (m < n && isInlineSpace(text.charCodeAt(m))) m++;
        if (m >= n) break;
        if (quote >= 0 && text.charCodeAt(m) === quote) quote = -1;
        else if (!isTrailingCloser(text, m)) break;
        k = m + 1;
      }
      end = k;
      terminal = true;
      let m = k;
      while (m < n && isInlineSpace(text.charCodeAt(m))) m++;
      const atLineEnd = m >= n || isNewline(text.charCodeAt(m));
      if (!atLineEnd && m > k && quote < 0 && !NOT_A_START.test(text[m]!)) {
        const single = j - i === 1 && c === 46;
        if (!(single && isAbbreviation(text, i, m, lex))) close();
      }
      i = k;
      continue;
    }
    if (quote >= 0 && c === quote) quote = -1;
    else if (quote < 0) quote = closerOf(c);
    terminal = false;
    end = i + 1;
    i++;
  }
  close();
  return out;
}

function isDecimalPoint(text: string, i: number): boolean {
  if (text[i] !== '.' && text[i] !== ',') return false;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i + 1);
  return before >= 48 && before <= 57 && after >= 48 && after <= 57;
}

// A full stop after an initial, an abbreviation or a dotted acronym is not a sentence end,
// except that an acronym followed by a function word ("in the U.S. The …") still ends one.
function isAbbreviation(text: string, dot: number, next: number, lex: Lexicon): boolean {
  let b = dot;
  while (b > 0 && dot - b < MAX_ABBREVIATION && LETTER.test(text[b - 1]!)) b--;
  if (b > 0 && LETTER.test(text[b - 1]!)) return false;
  const word = text.slice(b, dot);
  if (word.length === 0) return false;
  if (word.length === 1 && UPPER.test(word)) return true;
  if (word.includes('.')) {
    let e = next;
    while (e < text.length && e - next < MAX_ABBREVIATION && /\p{L}/u.test(text[e]!)) e++;
    return !lex.stopwords.has(text.slice(next, e).toLowerCase());
  }
  if (!lex.abbreviations.has(word.toLowerCase())) return false;
  const digitNext = /\d/.test(text[next]!);
  return digitNext || UPPER.test(word[0]!);
}
