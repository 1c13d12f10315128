/**
 * The calendar value of a date the date detector found: the pre-checks compare dates with each
 * other, with terms of office and with the publication date, so each date span also records
 * its year, month, day or decade and the range of days it can mean.
 */
import { loadLanguageFiles } from './language-file.js';
import type { Scan } from './scan.js';
import { NUMBER, NUMWORD } from './tokens.js';

export interface DateValue {
  /** UTF-16 offsets of the date itself (without a leading preposition). */
  readonly start: number;
  readonly end: number;
  /** 0-based sentence. */
  readonly sentence: number;
  readonly year: number | null;
  readonly month: number | null;
  readonly day: number | null;
  /** First year of a decade ("1990s" → 1990). */
  readonly decade: number | null;
  /** First and last day the date can mean, as YYYY-MM-DD; null when it names no year. */
  readonly from: string | null;
  readonly to: string | null;
}

// Month spelling (lower case, as written in any language file) → 1..12.
const MONTH_NUMBER: ReadonlyMap<string, number> = new Map(
  loadLanguageFiles().flatMap((f) => f.months.flatMap((forms, k) => forms.map((form) => [form.toLowerCase(), k + 1] as const))),
);
const DECADE = /^(\d{1,3}0)(?:'|’)?s$/;

/** Reads the value of the date on tokens first..last (as matched by dates.ts). */
export function dateValueAt(s: Scan, first: number, last: number): DateValue {
  const t = s.t;
  let year: number | null = null;
  let month: number | null = null;
  let day: number | null = null;
  let decade: number | null = null;
  for (let k = first; k <= last; k++) {
    const raw = t.raw[k]!;
    const m = s.lex.months.matchAt(t, k);
    if (month === null && m) {
      month = MONTH_NUMBER.get(m.text.toLowerCase()) ?? null;
      k += m.length - 1;
      continue;
    }
    const dec = t.type[k] === NUMWORD || t.type[k] === NUMBER ? DECADE.exec(raw) : null;
    if (dec) {
      decade = Number(dec[1]);
      continue;
    }
    const digits = firstDigits(raw);
    if (!digits) continue;
    if (digits.length === 4) {
      // "dekada 1990": a year after a decade word is the decade.
      if (k > first && s.lex.decadeWords.matchEndingAt(t, k - 1)) decade = Number(digits);
      else year = Number(digits);
    } else if (digits.length <= 2 && day === null) day = Number(digits);
  }
  // Fields set one by one, not spread from range(): this runs for every date in the text.
  const { from, to } = range(year, month, day, decade);
  return {
    start: t.start[first]!,
    end: t.end[last]!,
    sentence: t.sentence[first]!,
    year,
    month,
    day,
    decade,
    from,
    to,
  };
}

// The first run of digits in a token ("ika-29" → "29"), or '' (what /(\d+)/ finds, without a match object).
function firstDigits(raw: string): string {
  let from = 0;
  while (from < raw.length && !isDigit(raw.charCodeAt(from))) from++;
  let to = from;
  while (to < raw.length && isDigit(raw.charCodeAt(to))) to++;
  return raw.slice(from, to);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function range(
  year: number | null,
  month: number | null,
  day: number | null,
  decade: number | null,
): { from: string | null; to: string | null } {
  if (year === null) return decade === null ? { from: null, to: null } : { from: `${decade}-01-01`, to: `${decade + 9}-12-31` };
  if (month === null) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const mm = String(month).padStart(2, '0');
  if (day === null || day > daysInMonth(year, month)) return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${daysInMonth(year, month)}` };
  const iso = `${year}-${mm}-${String(day).padStart(2, '0')}`;
  return { from: iso, to: iso };
}

/** Days in a month; without a year February may have 29. */
export function daysInMonth(year: number | null, month: number): number {
  if (month === 2) return year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
