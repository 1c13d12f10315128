/**
 * Date pre-checks: impossible days ("30 February", "ika-31 ng Setyembre"), decades that do not
 * fit the document's own timeline ("after the 1991 war … in the 1900s" → the 1990s), dates
 * after the document's publication date, and "after"/"before" whose dates say the opposite.
 */
import { daysInMonth, type DateValue } from '../date-values.js';
import type { Finding } from '../types.js';
import { datesBySentence, type CheckInput, type PlacedFinding } from './check-input.js';

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
// A sentence about plans or expectations may name a later date than its publication.
const FUTURE =
  /\b(?:will|would|shall|by|until|scheduled|expected|plans?|planned|due|forecasts?|projected|hanggang|darating|inaasahang?|gagawin|magaganap|gaganapin|plano|nakatakda)\b/i;
// "after" / "before" and their Tagalog forms; group 1 is set for "after".
const ORDER = /(?<![\p{L}])(?:(after|following|pagkatapos|matapos|kasunod)|before|prior to|bago)(?![\p{L}])/giu;
const TIMELINE_WINDOW = 3;

/** Every date finding in the text. */
export function checkDates(input: CheckInput): PlacedFinding[] {
  const out: PlacedFinding[] = [];
  const withYear = input.dates.filter((d) => d.year !== null);
  let w = 0;
  for (const d of input.dates) {
    if (d.day !== null && d.month !== null && d.day > daysInMonth(d.year, d.month)) {
      out.push(
        onDate(d, {
          code: 'date-impossible',
          message: `${MONTH_NAMES[d.month - 1]} has only ${daysInMonth(d.year, d.month)} days${d.month === 2 && d.year !== null ? ` in ${d.year}` : ''}.`,
          evidence: `day ${d.day} of month ${d.month}`,
        }),
      );
    }
    if (d.decade !== null && d.year === null) {
      while (w < withYear.length && withYear[w]!.sentence < d.sentence - TIMELINE_WINDOW) w++;
      const slip = decadeSlip(input.text, d, withYear, w);
      if (slip) out.push(onDate(d, slip));
    }
    if (input.publishedAt && d.from !== null && d.from > input.publishedAt && !FUTURE.test(sentenceText(input, d.sentence))) {
      out.push(
        onDate(d, {
          code: 'date-after-publication',
          message: `This date is after the document's publication date (${input.publishedAt}).`,
          evidence: `earliest day meant: ${d.from}; published: ${input.publishedAt}`,
        }),
      );
    }
  }
  out.push(...checkOrder(input));
  return out;
}

// A plain function rather than a closure per date: the loop runs once for every date in the text.
function onDate(d: DateValue, finding: Finding): PlacedFinding {
  return { start: d.start, end: d.end, kind: 'date', finding };
}

// The decade that differs from `d` in one digit and holds the years nearby, when none of those
// years falls in `d` itself.
function decadeSlip(text: string, d: DateValue, withYear: readonly DateValue[], from: number): Finding | null {
  const near: DateValue[] = [];
  for (let k = from; k < withYear.length && withYear[k]!.sentence <= d.sentence + 1; k++) near.push(withYear[k]!);
  if (near.length === 0 || near.some((y) => y.year! >= d.decade! && y.year! <= d.decade! + 9)) return null;
  const counts = new Map<number, number>();
  for (const y of near) {
    const decade = y.year! - (y.year! % 10);
    if (oneDigitApart(decade, d.decade!)) counts.set(decade, (counts.get(decade) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (!best) return null;
  const written = text.slice(d.start, d.end);
  const suggestion = written.replace(String(d.decade), String(best[0]));
  return {
    code: 'date-decade-slip',
    message: `'${written}' does not fit the document's own timeline (${near.map((y) => y.year).join(', ')}); probably the ${best[0]}s.`,
    suggestion,
    evidence: `years in this and the nearby sentences: ${near.map((y) => `${y.year} (sentence ${y.sentence + 1})`).join(', ')}`,
  };
}

function oneDigitApart(a: number, b: number): boolean {
  const x = String(a);
  const y = String(b);
  if (x.length !== y.length) return false;
  let diff = 0;
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) diff++;
  return diff === 1;
}

// "A after B" (or "after B, A") where A's date is before B's; "before" the other way round.
function checkOrder(input: CheckInput): PlacedFinding[] {
  const out: PlacedFinding[] = [];
  datesBySentence(input.dates).forEach((dates, sentence) => {
    if (dates.length < 2) return;
    const s = input.sentences[sentence]!;
    ORDER.lastIndex = 0;
    const body = input.text.slice(s.start, s.end);
    for (let m = ORDER.exec(body); m; m = ORDER.exec(body)) {
      const at = s.start + m.index;
      const b = dates.find((d) => d.start > at && d.start - at < 60);
      if (!b) continue;
      const a = [...dates].reverse().find((d) => d.end <= at) ?? dates.find((d) => d.start > b.end);
      if (!a) continue;
      const after = m[1] !== undefined;
      const wrong = after ? a.to! < b.from! : a.from! > b.to!;
      if (!wrong) continue;
      const [x, y] = [input.text.slice(a.start, a.end), input.text.slice(b.start, b.end)];
      out.push({
        start: a.start,
        end: a.end,
        kind: 'date',
        finding: {
          code: 'date-order',
          message: `The text puts this ${after ? 'after' : 'before'} '${y}', but ${x} is ${after ? 'earlier' : 'later'}.`,
          evidence: `${x} (${a.from}) ${after ? '<' : '>'} ${y} (${b.from})`,
        },
      });
    }
  });
  return out;
}

function sentenceText(input: CheckInput, sentence: number): string {
  const s = input.sentences[sentence];
  return s ? input.text.slice(s.start, s.end) : '';
}
