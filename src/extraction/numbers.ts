/**
 * Reading numbers: digit groups (500,000  95.5), number words in any loaded language
 * (dalawang daan, four million, twenty-five) and the multipliers that scale them.
 */
import type { Scan } from './scan.js';
import { NUMBER, NUMWORD, WORD } from './tokens.js';
import type { Lexicon } from './lexicon.js';

export interface NumberPhrase {
  /** Last token of the phrase. */
  readonly end: number;
  readonly value: number;
  readonly hasDigits: boolean;
  readonly hasWords: boolean;
  /** Only words like "isa"/"one" that usually mean "a": not worth flagging alone. */
  readonly weakOnly: boolean;
}

const DECADE = /^\d+(?:s|'s|’s)$/i;

/** True for "20th"-style ordinals in any loaded language. */
export function isOrdinal(lex: Lexicon, raw: string): boolean {
  const digits = /^\d+/.exec(raw)?.[0].length ?? 0;
  const suffix = raw.slice(digits).toLowerCase();
  return digits > 0 && lex.ordinalSuffixes.includes(suffix);
}

/** Value of a number word, also when it carries a linker ("dalawang") or a hyphen ("twenty-five"). */
export function wordValue(lex: Lexicon, w: string): { value: number; multiplier: boolean } | null {
  const direct = lex.numberWords.get(w);
  if (direct !== undefined) return { value: direct, multiplier: false };
  const mult = lex.multipliers.get(w);
  if (mult !== undefined) return { value: mult, multiplier: true };
  // Hyphenated: every part a number word. Read part by part, stopping at the first that is not
  // one, since most hyphenated words ("ika-5", "no-fly") are not numbers at all.
  if (w.includes('-') && !w.startsWith('-')) {
    let sum = 0;
    for (let from = 0; ; ) {
      const dash = w.indexOf('-', from);
      const part = lex.numberWords.get(dash < 0 ? w.slice(from) : w.slice(from, dash));
      if (part === undefined) return null;
      sum += part;
      if (dash < 0) return { value: sum, multiplier: false };
      from = dash + 1;
    }
  }
  return null;
}

/** The number phrase starting at token i, or null if token i does not begin one. */
export function readNumber(s: Scan, i: number): NumberPhrase | null {
  const t = s.t;
  let value = 0;
  let current = 0;
  let end = -1;
  let hasDigits = false;
  let hasWords = false;
  let weakOnly = true;
  for (let k = i; k < t.count && t.sentence[k] === t.sentence[i]; k++) {
    const ty = t.type[k];
    const plain = ty === NUMBER || (ty === NUMWORD && !DECADE.test(t.raw[k]!) && !isOrdinal(s.lex, t.raw[k]!));
    if (plain && end < 0) {
      current = numberValue(t.raw[k]!);
      hasDigits = true;
      weakOnly = false;
      end = k;
      continue;
    }
    if (ty !== WORD) break;
    const w = t.lower[k]!;
    const read = wordValue(s.lex, w);
    if (read) {
      if (read.multiplier) {
        value += (current || 1) * read.value;
        current = 0;
      } else current += read.value;
      hasWords = true;
      if (!s.lex.weakNumbers.has(w)) weakOnly = false;
      end = k;
      continue;
    }
    // "apat na milyon", "two hundred and fifty": a joining word counts only between number words.
    const joins = end >= 0 && s.lex.numberJoiners.has(w);
    if (joins && k + 1 < t.count && wordValue(s.lex, t.lower[k + 1]!) !== null) continue;
    break;
  }
  if (end < 0) return null;
  return { end, value: value + current, hasDigits, hasWords, weakOnly };
}

/** The numeric value of a number token, reading commas as thousands separators. */
export function numberValue(raw: string): number {
  // Without a comma both readings below are the token itself.
  if (!raw.includes(',')) return Number.parseFloat(raw);
  const digits = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(raw) ? raw.replace(/,/g, '') : raw.replace(',', '.');
  return Number.parseFloat(digits);
}
