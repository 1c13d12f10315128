/**
 * Quotation candidates in “ ” " " « » „ “ and ‘ ’ / ' ', closed or not. A double quotation left
 * open runs to the end of its paragraph (the convention for quotes that continue, and what
 * pre-tokenised text with a lost closing mark looks like); a single quote left open is more
 * likely an apostrophe and is dropped. Quotes inside a double quotation are part of it.
 */
import { isSpaceCode } from './char-classes.js';
import { signal } from './score.js';
import type { RawCandidate, Signal } from './types.js';

const MARKS = /[“”"«»„‘’'\n\r\u2028\u2029]/g;
const DOUBLE: Readonly<Record<string, string>> = { '“': '”', '"': '"', '«': '»', '„': '“' };
const WORDISH = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;
const CONTRACTION = /^'(?:s|t|d|m|ll|re|ve|n)(?![\p{L}\p{N}])/iu;
// Counting stops here: beyond a dozen words a quotation is simply long.
const LONG_QUOTE_WORDS = 12;

interface Open {
  readonly start: number;
  readonly closer: string;
  readonly single: boolean;
}

/** Finds quoted passages in one pass; each candidate includes its quotation marks. */
export function findQuotes(text: string): RawCandidate[] {
  const out: RawCandidate[] = [];
  let open: Open | null = null;
  MARKS.lastIndex = 0;
  for (let m = MARKS.exec(text); m !== null; m = MARKS.exec(text)) {
    const i = m.index;
    const c = m[0];
    if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') {
      if (open && !open.single) push(out, text, open.start, trimEnd(text, i), true);
      open = null;
      continue;
    }
    if (open) {
      if (c === open.closer && (!open.single || !WORDISH.test(text[i + 1] ?? ''))) {
        push(out, text, open.start, i + 1, false);
        open = null;
      }
      continue;
    }
    const closer = DOUBLE[c];
    if (closer !== undefined) open = { start: i, closer, single: false };
    else if (opensSingle(text, i)) open = { start: i, closer: c === '‘' ? '’' : "'", single: true };
  }
  if (open && !open.single) push(out, text, open.start, trimEnd(text, text.length), true);
  return out;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return end;
}

// ‘ always opens; a straight ' opens only at a word start and not as a contraction ('s, '90s).
function opensSingle(text: string, i: number): boolean {
  const c = text[i];
  if (c === '‘') return true;
  if (c !== "'") return false;
  const before = text[i - 1];
  if (before !== undefined && !SPACE.test(before) && !'([{'.includes(before)) return false;
  const after = text[i + 1] ?? '';
  if (!/\p{L}/u.test(after)) return false;
  return !CONTRACTION.test(text.slice(i, i + 4));
}

function push(out: RawCandidate[], text: string, start: number, end: number, unclosed: boolean): void {
  const words = countWords(text, start, end);
  if (words === 0) return;
  const signals: Signal[] = [signal('quotation')];
  if (unclosed) signals.push(signal('unclosed'));
  if (words <= 3) signals.push(signal('shortQuote'));
  if (words >= LONG_QUOTE_WORDS) signals.push(signal('longQuote'));
  out.push({ kind: 'quote', start, end, signals, suggestion: null });
}

function countWords(text: string, start: number, end: number): number {
  let words = 0;
  let inWord = false;
  for (let i = start; i < end && words < LONG_QUOTE_WORDS; i++) {
    const w = WORDISH.test(text[i]!);
    if (w && !inWord) words++;
    inWord = w;
  }
  return words;
}

/**
 * One quoted statement split by a few words of the writer's ("“ by all means ” so as “ to
 * restore peace ”") is one claim: quotations at most SPLIT_GAP characters apart with no sentence
 * stop or line break between them are joined. Two quotations linked by a lone conjunction
 * ("“yes” and “no”") are two statements, and so are quotations in different marks (a writer
 * keeps one style within one statement). `quotes` is in text order.
 */
export function joinSplitQuotes(text: string, quotes: RawCandidate[]): RawCandidate[] {
  const out: RawCandidate[] = [];
  for (const q of quotes) {
    const last = out[out.length - 1];
    const gap = last ? text.slice(last.end, q.start) : '';
    if (
      last &&
      q.start - last.end <= SPLIT_GAP &&
      q.start >= last.end &&
      !/[.!?\n\r]/.test(gap) &&
      !LONE_CONJUNCTION.test(gap) &&
      text[last.start] === text[q.start]
    ) {
      last.end = q.end;
      last.signals.push(...q.signals);
    } else out.push(q);
  }
  return out;
}
const SPLIT_GAP = 24;
const LONE_CONJUNCTION = /^[\s,]*(?:and|or|but|at|o|pero|ngunit)[\s,]*$/i;
