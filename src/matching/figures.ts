/**
 * Figures and dates in a claim, normalised so that the ways of writing them agree:
 * 500,000 = 500 000 = half a million = kalahating milyon → n:500000; 10 % = ten percent =
 * sampung porsiyento → p:10; ika-29 ng Enero, 2002 = January 29, 2002 = 29 Enero 2002 →
 * d:2002-01-29 (with d:2002-01, d:01-29 and y:2002, so a partial date still agrees).
 */
import { matchLexicon as lex, withoutLinker } from './match-lexicon.js';

const DIGITS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;
const YEAR = /^(1[5-9]\d\d|20\d\d)$/;
const DECADE = /^(1[5-9]\d0|20[0-9]0)(?:s|'s|’s)$/;
const DAY = /^(?:ika-?)?(\d{1,2})(?:st|nd|rd|th)?$/;

const isNumberWord = (w: string) => lex.numbers.has(w) || lex.multipliers.has(w);
const numberWord = (w: string) => withoutLinker(w, isNumberWord);
const pad = (n: number) => String(n).padStart(2, '0');

function dayAt(tokens: readonly string[], i: number): number | null {
  const m = DAY.exec(tokens[i] ?? '');
  const day = m ? Number(m[1]) : 0;
  return day >= 1 && day <= 31 ? day : null;
}

/** Canonical text of a value: no grouping, at most three decimals. */
export const figureText = (v: number) => String(Math.round(v * 1000) / 1000);

export interface Figures {
  terms: string[];
  /** Token positions read as part of a figure or date (not words). */
  used: Set<number>;
}

/** Reads the figures and dates of lower-cased tokens. */
export function readFigures(tokens: readonly string[]): Figures {
  const terms: string[] = [];
  const used = new Set<number>();
  readDates(tokens, terms, used);
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const t = tokens[i]!;
    if (YEAR.test(t)) {
      terms.push(`y:${t}`);
      used.add(i);
      continue;
    }
    const decade = DECADE.exec(t);
    if (decade) {
      terms.push(`y:${decade[1]}s`);
      used.add(i);
      continue;
    }
    const phrase = readNumber(tokens, i, used);
    if (!phrase) continue;
    for (let k = i; k < phrase.next; k++) used.add(k);
    const percentLength = percentAt(tokens, phrase.next);
    if (percentLength) {
      terms.push(`p:${figureText(phrase.value)}`);
      for (let k = phrase.next; k < phrase.next + percentLength; k++) used.add(k);
    } else if (phrase.strong) terms.push(`n:${figureText(phrase.value)}`);
    i = phrase.next - 1;
  }
  return { terms, used };
}

function percentAt(tokens: readonly string[], i: number): number {
  if (lex.percent.has(tokens[i] ?? '')) return 1;
  return lex.percent.has(`${tokens[i]} ${tokens[i + 1]}`) ? 2 : 0;
}

/**
 * A number phrase from token i: digit groups ("500 000" too), number words and multipliers
 * ("half a million", "limang daang libo"). Lone small number words ("one", "isa") are weak: they
 * usually mean "a", so they count only before a percent sign.
 */
function readNumber(
  tokens: readonly string[],
  i: number,
  used: ReadonlySet<number>,
): { value: number; next: number; strong: boolean } | null {
  let total = 0;
  let current: number | null = null;
  let k = i;
  let strong = false;
  for (; k < tokens.length && !used.has(k); k++) {
    const t = tokens[k]!;
    if (DIGITS.test(t)) {
      if (current !== null && !/^\d{3}$/.test(t)) break;
      current = current === null ? Number(t.replace(/,/g, '')) : current * 1000 + Number(t);
      strong = true;
      continue;
    }
    const w = numberWord(t);
    const mult = lex.multipliers.get(w);
    if (mult !== undefined) {
      const base: number = current ?? 1;
      if (mult >= 1000) {
        total += base * mult;
        current = null;
      } else current = base * mult;
      strong = true;
      continue;
    }
    const small = lex.numbers.get(w);
    if (small !== undefined) {
      if (current !== null && current >= 1 && small < 1) break;
      current = (current ?? 0) + small;
      if (small >= 10 || small < 1) strong = true;
      continue;
    }
    // "half a million": the article between a number and its multiplier.
    if ((t === 'a' || t === 'an') && current !== null && lex.multipliers.has(numberWord(tokens[k + 1] ?? ''))) continue;
    break;
  }
  if (k === i) return null;
  return { value: total + (current ?? 0), next: k, strong };
}

/** Month names next to a day or a year; a month word alone ("may", "Mayo") is not a date. */
function readDates(tokens: readonly string[], terms: string[], used: Set<number>): void {
  for (let m = 0; m < tokens.length; m++) {
    const month = lex.months.get(tokens[m]!);
    if (month === undefined) continue;
    const span = [m];
    let day: number | null = null;
    let p = m - 1;
    if (tokens[p] === 'ng' || tokens[p] === 'of') p -= 1;
    if (p >= 0 && !used.has(p)) {
      day = dayAt(tokens, p);
      if (day !== null) span.push(...range(p, m));
    }
    let n = m + 1;
    if (day === null && !YEAR.test(tokens[n] ?? '')) {
      day = dayAt(tokens, n);
      if (day !== null) span.push(n++);
    }
    if (tokens[n] === ',') n += 1;
    const year = YEAR.test(tokens[n] ?? '') ? Number(tokens[n]) : null;
    if (year !== null) span.push(...range(m + 1, n + 1));
    if (day === null && year === null) continue;
    for (const k of span) used.add(k);
    if (year !== null) terms.push(`y:${year}`, `d:${year}-${pad(month)}`);
    if (day !== null) terms.push(`d:${pad(month)}-${pad(day)}`);
    if (year !== null && day !== null) terms.push(`d:${year}-${pad(month)}-${pad(day)}`);
  }
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
