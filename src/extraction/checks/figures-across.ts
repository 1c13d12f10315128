/**
 * Figure pre-checks across claims: competing figures for the same quantity ("655,000 … kahit na
 * maraming pag-aaral ang nagsasabing mas kaunti …"), linked both ways, and the same figure given
 * differently in two places of one document ("500,000 children" here, "50,000 children" there).
 * Each finding names the other claim and carries its span in `related`, so the app can link the
 * two claims. Both checks look at a bounded number of neighbours per figure: linear in the text.
 */
import { readNumber } from '../numbers.js';
import { WORD } from '../tokens.js';
import type { Finding } from '../types.js';
import type { CheckInput, PlacedFinding } from './check-input.js';

interface Span {
  readonly start: number;
  readonly end: number;
}

interface Figure extends Span {
  readonly sentence: number;
  readonly quote: string;
  /** Value of its first number, or null for a figure without one ("mas kaunti"). */
  readonly value: number | null;
  /** What it counts: its content words after the number ("batang iraqi"), or ''. */
  readonly counted: string;
  /** The same words one by one. */
  readonly countedWords: readonly string[];
  /** Compares itself with another figure ("mas maliit ng 10 %", "fewer than", "lower"). */
  readonly comparative: boolean;
}

// A figure is compared with at most this many figures before it, in its sentence or the one before.
const LOOK_BACK = 4;
// Words between two figures that set one against the other.
const CONTRAST =
  /(?:^|[\s,;:(])(?:but|while|whereas|however|although|though|yet|compared (?:with|to)|against|kahit na|kahit|ngunit|pero|subalit|samantalang|samantala|habang|datapwat|gayunman|gayunpaman)(?=[\s,;:)]|$)/iu;
// Words that make a figure a comparison with another one.
const COMPARATIVE = /(?:^|\s)(?:mas|lower|higher|fewer|smaller|larger|bigger|less|greater)(?=[\s,;:]|$)/iu;
// Longest text between two figures read for a contrast word: the check stays linear.
const MAX_GAP = 300;
const POWERS = [10, 100, 1000];

/** Findings linking competing figures, and figures that restate another one differently. */
export function checkFiguresAcross(input: CheckInput): PlacedFinding[] {
  const figures = input.statistics.map((c) => describe(input, c));
  const out: PlacedFinding[] = [];
  const link = (a: Figure, b: Figure, finding: (self: Figure, other: Figure) => Finding) => {
    out.push({ start: a.start, end: a.end, kind: 'statistic', finding: finding(a, b) });
    out.push({ start: b.start, end: b.end, kind: 'statistic', finding: finding(b, a) });
  };
  for (let k = 0; k < figures.length; k++) {
    const b = figures[k]!;
    for (let j = k - 1; j >= 0 && j >= k - LOOK_BACK; j--) {
      const a = figures[j]!;
      if (a.sentence < b.sentence - 1) break;
      const how = competing(input.text, input.attributions, a, b);
      if (how) link(a, b, competingFinding);
      // A comparison ("mas kaunti pa dito", "lower") is with the nearest figure it follows.
      if (how === 'compares' || (b.comparative && !a.comparative && a.sentence === b.sentence)) break;
    }
  }
  // The same counted thing with values a power of ten apart: a zero dropped or added, or a
  // thousand read as a million. The first figure of each value is the one linked.
  const seen = new Map<string, Map<number, Figure>>();
  for (const f of figures) {
    if (f.value === null || f.counted === '' || f.comparative) continue;
    let values = seen.get(f.counted);
    if (!values) {
      values = new Map();
      seen.set(f.counted, values);
    }
    const other = restatedAs(values, f);
    if (other && Math.max(other.value!, f.value) >= 1000) link(other, f, restatedFinding);
    if (!values.has(f.value)) values.set(f.value, f);
  }
  return out;
}

// The first figure recorded at f's value times or divided by 10, 100 or 1000, outside f's sentence.
function restatedAs(values: ReadonlyMap<number, Figure>, f: Figure): Figure | undefined {
  for (const p of POWERS) {
    for (const x of [values.get(f.value! * p), values.get(f.value! / p)]) if (x !== undefined && x.sentence !== f.sentence) return x;
  }
  return undefined;
}

function describe(input: CheckInput, c: Span): Figure {
  const t = input.scan.t;
  let i = firstTokenAt(t.start, c.start);
  let value: number | null = null;
  let counted: string[] = [];
  for (; i < t.count && t.start[i]! < c.end; i++) {
    const num = readNumber(input.scan, i);
    if (!num || num.weakOnly) continue;
    value = num.value;
    for (let k = num.end + 1; k < t.count && t.start[k]! < c.end; k++) {
      const w = t.lower[k]!;
      if (t.type[k] === WORD && w.length >= 3 && !input.scan.lex.stopwords.has(w)) counted.push(w);
    }
    break;
  }
  if (value === null) counted = [];
  const quote = input.text.slice(c.start, c.end);
  const before = input.text.slice(Math.max(0, c.start - 20), c.start);
  return {
    start: c.start,
    end: c.end,
    sentence: t.sentence[Math.min(i, t.count - 1)] ?? 0,
    quote,
    value,
    counted: counted.join(' '),
    countedWords: counted,
    // Tested on each part rather than on the two joined by spaces (the same answer: ^ and $ stand
    // for those spaces), which built and flattened a new string per figure.
    comparative: COMPARATIVE.test(before) || COMPARATIVE.test(quote),
  };
}

// Two figures compete when a contrast word stands between them and they are plainly about the
// same quantity: they count the same thing, a word of it at least (in one sentence or two in a row), or, in one
// sentence, the later one compares itself with the earlier or a second source is named between.
// The conditions on the two figures are tested before the text between them is searched for a
// contrast word: they rule out most pairs, and the search is the costly part.
function competing(text: string, attributions: readonly Span[], a: Figure, b: Figure): 'same' | 'compares' | 'sources' | null {
  if (b.start - a.end > MAX_GAP || b.start < a.end) return null;
  const same = a.value !== null && b.value !== null && a.value !== b.value && shareWord(a.countedWords, b.countedWords);
  if (!same) {
    if (a.sentence !== b.sentence || a.value === null || a.comparative) return null;
    if (!b.comparative && (b.value === null || !sourceBetween(attributions, a, b))) return null;
  }
  const between = text.slice(a.end, b.start).replace(/_/g, ' ');
  if (!CONTRAST.test(between)) return null;
  return same ? 'same' : b.comparative ? 'compares' : 'sources';
}

// An attribution lies between the two figures. Attributions are in text order: look at the first
// one starting after a (binary search).
function sourceBetween(attributions: readonly Span[], a: Span, b: Span): boolean {
  let lo = 0;
  let hi = attributions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (attributions[mid]!.start < a.end) lo = mid + 1;
    else hi = mid;
  }
  const next = attributions[lo];
  return next !== undefined && next.end <= b.start;
}

// "excess deaths" and "deaths" count the same thing.
function shareWord(a: readonly string[], b: readonly string[]): boolean {
  for (const w of b) if (a.includes(w)) return true;
  return false;
}

function competingFinding(self: Figure, other: Figure): Finding {
  return {
    code: 'figure-competing',
    message: `Another figure for the same quantity: “${other.quote}” (sentence ${other.sentence + 1}). Say which is right, or why they differ.`,
    evidence: self.start < other.start ? `“${self.quote}” … “${other.quote}”` : `“${other.quote}” … “${self.quote}”`,
    related: { start: other.start, end: other.end },
  };
}

function restatedFinding(self: Figure, other: Figure): Finding {
  const ratio = Math.max(self.value!, other.value!) / Math.min(self.value!, other.value!);
  return {
    code: 'figure-restated',
    // No suggestion: the text alone does not say which of the two is right.
    message: `The same figure is given as “${other.quote}” in sentence ${other.sentence + 1}: one of the two is probably a slip.`,
    evidence: `${self.value!.toLocaleString('en')} and ${other.value!.toLocaleString('en')} of “${self.counted}” differ by a factor of ${ratio.toLocaleString('en')}`,
    related: { start: other.start, end: other.end },
  };
}

// Index of the first token starting at or after `offset` (binary search).
function firstTokenAt(starts: Int32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
