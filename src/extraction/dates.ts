/**
 * Date candidates read off the token stream: full dates in either order ("9 November 1989",
 * "March 20, 2003", "ika-29 ng Enero , 2002"), month and year ("Hunyo 2004"), years ("noong
 * 1993") and decades ("1990s", "dekada 1990"), with a leading time preposition when present.
 */
import { dateValueAt } from './date-values.js';
import { isOrdinal } from './numbers.js';
import { candidate, type Scan } from './scan.js';
import { signal, type SignalKey } from './score.js';
import { NUMBER, NUMWORD, PUNCT, type Tokens } from './tokens.js';
import type { RawCandidate, Signal } from './types.js';

const DECADE = /^\d{1,3}0(?:'|’)?s$/;

interface DateMatch {
  readonly first: number;
  readonly last: number;
  readonly key: SignalKey;
}

/** Finds dates, marking their tokens as claimed so their numbers are not read as statistics. */
export function findDates(s: Scan): RawCandidate[] {
  const out: RawCandidate[] = [];
  for (let i = 0; i < s.t.count; i++) {
    if (s.claimed[i]) continue;
    const m = matchDate(s, i);
    if (!m) continue;
    let first = m.first;
    const signals: Signal[] = [signal(m.key)];
    const weekday = s.lex.weekdays.matchEndingAt(s.t, first - (s.t.raw[first - 1] === ',' ? 2 : 1));
    if (weekday) first -= weekday.length + (s.t.raw[first - 1] === ',' ? 1 : 0);
    const prep = s.lex.datePrepositions.matchEndingAt(s.t, first - 1);
    if (prep && s.t.sentence[first - 1] === s.t.sentence[i]) {
      first -= prep.length;
      signals.push(signal('datePreposition', prep.text));
    }
    s.claimed.fill(1, m.first, m.last + 1);
    s.dates?.push(dateValueAt(s, m.first, m.last));
    out.push(candidate(s, 'date', first, m.last, signals));
    i = m.last;
  }
  return out;
}

/** True when token i starts a date (used by the "noon" → "noong" rule). */
export function startsDate(s: Scan, i: number): boolean {
  return i < s.t.count && matchDate(s, i) !== null;
}

function matchDate(s: Scan, i: number): DateMatch | null {
  const t = s.t;
  // Every date starts with a number or a word; punctuation, the commonest token, cannot.
  if (t.type[i] === PUNCT) return null;
  const day = dayAt(s, i);
  if (day >= 0) {
    const linked = s.lex.dateLinkers.has(t.lower[day + 1] ?? '') ? day + 2 : day + 1;
    const month = monthLength(s, linked, i);
    if (month > 0) return withYear(s, i, linked + month - 1, 'dayMonth');
    return null;
  }
  const month = monthLength(s, i, i);
  if (month > 0) {
    const afterMonth = i + month;
    const d = t.type[afterMonth] === NUMBER && isDay(t.raw[afterMonth]!) ? afterMonth : -1;
    if (d >= 0 && !isYear(t, d)) return withYear(s, i, d, 'dayMonth');
    const y = yearAfter(t, afterMonth - 1);
    if (y >= 0) return { first: i, last: y, key: 'monthYear' };
    const prep = s.lex.datePrepositions.matchEndingAt(t, i - 1);
    return prep ? { first: i, last: afterMonth - 1, key: 'month' } : null;
  }
  if ((t.type[i] === NUMWORD || t.type[i] === NUMBER) && DECADE.test(t.raw[i]!)) return { first: i, last: i, key: 'decade' };
  const decadeWord = s.lex.decadeWords.matchAt(t, i);
  if (decadeWord && isYear(t, i + decadeWord.length)) return { first: i, last: i + decadeWord.length, key: 'decade' };
  if (isYear(t, i) && !countsSomething(s, i)) return { first: i, last: i, key: 'year' };
  return null;
}

// "ika-29", "29", "29th" as the day of a month.
function dayAt(s: Scan, i: number): number {
  const raw = s.t.lower[i]!;
  const prefixes = s.lex.ordinalPrefixes;
  for (let p = 0; p < prefixes.length; p++) {
    const prefix = prefixes[p]!;
    if (raw.startsWith(prefix) && isDay(raw.slice(prefix.length))) return i;
  }
  if (s.t.type[i] === NUMBER && isDay(raw)) return i;
  if (s.t.type[i] === NUMWORD && isOrdinal(s.lex, raw) && isDay(raw.replace(/\D+$/, ''))) return i;
  return -1;
}

function monthLength(s: Scan, i: number, from: number): number {
  if (i >= s.t.count || s.t.sentence[i] !== s.t.sentence[from]) return 0;
  return s.lex.months.matchAt(s.t, i)?.length ?? 0;
}

function withYear(s: Scan, first: number, last: number, key: SignalKey): DateMatch {
  const y = yearAfter(s.t, last);
  return y >= 0 ? { first, last: y, key: 'fullDate' } : { first, last, key };
}

// A year right after token j, optionally after a comma ("Enero 29 , 2002").
function yearAfter(t: Tokens, j: number): number {
  if (isYear(t, j + 1) && t.sentence[j + 1] === t.sentence[j]) return j + 1;
  if (t.raw[j + 1] === ',' && isYear(t, j + 2) && t.sentence[j + 2] === t.sentence[j]) return j + 2;
  return -1;
}

// One or two digits from 1 to 31 (by character codes: this is asked of every number in the text).
function isDay(raw: string): boolean {
  const a = raw.charCodeAt(0) - 48;
  if (raw.length === 1) return a >= 1 && a <= 9;
  const b = raw.charCodeAt(1) - 48;
  if (raw.length !== 2 || a < 0 || a > 9 || b < 0 || b > 9) return false;
  const n = a * 10 + b;
  return n >= 1 && n <= 31;
}

function isYear(t: Tokens, i: number): boolean {
  if (i >= t.count || t.type[i] !== NUMBER) return false;
  const raw = t.raw[i]!;
  return raw.length === 4 && raw >= '1000' && raw <= '2099';
}

// "2000 troops", "1500 %" and "₱1500" are amounts, not years.
function countsSomething(s: Scan, i: number): boolean {
  const t = s.t;
  if (i > 0 && s.lex.currencySymbols.has(t.raw[i - 1]!)) return true;
  if (t.raw[i + 1] === '%' || s.lex.percentWords.matchAt(t, i + 1)) return true;
  return s.lex.units.matchAt(t, i + 1) !== null || s.lex.multipliers.has(t.lower[i + 1] ?? '');
}
