/**
 * Figure pre-checks on arithmetic the text states itself: "from A to B, an increase of P
 * percent", "for N years" between two years, and a total whose listed parts add up to more (or,
 * after "of whom"/"namely"/":", to anything else). Tolerances allow for the text's rounding.
 */
import type { Finding } from '../types.js';
import type { CheckInput, PlacedFinding } from './check-input.js';

const NUM = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(million|billion|thousand|milyon|bilyon|libo|libong|milyong|bilyong))?`;
const SCALE: Record<string, number> = {
  thousand: 1e3,
  libo: 1e3,
  libong: 1e3,
  million: 1e6,
  milyon: 1e6,
  milyong: 1e6,
  billion: 1e9,
  bilyon: 1e9,
  bilyong: 1e9,
};
const PERCENT = String.raw`\s*(?:%|percent|per cent|porsiyento|porsyento|bahagdan)`;
const CHANGE = new RegExp(
  String.raw`(?<![\p{L}])(?:from|mula(?:\s+sa)?)\s+[^\d]{0,12}?${NUM}[^\d.;]{0,30}?\s(?:to|hanggang(?:\s+sa)?|tungo\s+sa)\s+[^\d]{0,12}?${NUM}[^.;]{0,60}?(increase|rise|growth|jump|decrease|drop|fall|decline|cut|pagtaas|pagtaas|pagbaba|pagbagsak|pagliit|paglaki)(?:\s+(?:of|ng|na))?\s+${NUM.replace(/\(million[^)]*\)/, '()')}${PERCENT}`,
  'giu',
);
// biome-ignore lint/complexity/useRegexLiterals: built like CHANGE above, from String.raw, so the two read alike
const DURATION = new RegExp(
  String.raw`(?<![\p{L}])(?:from|mula(?:\s+noong)?|between)\s+(\d{4})\s*(?:to|until|and|hanggang(?:\s+noong)?|–|-)\s*(\d{4})[^.;]{0,80}?(?<![\d,.])(\d{1,3})\s+(?:years|taon|na\s+taon)|(?<![\d,.])(\d{1,3})\s+(?:years|taon)[^.;]{0,40}?(?:from|mula(?:\s+noong)?|between)\s+(\d{4})\s*(?:to|until|and|hanggang(?:\s+noong)?|–|-)\s*(\d{4})`,
  'giu',
);
// The list cue is searched first (it is rare); the total is then read from the words before it.
// Spaces before the cue are bounded: an unbounded `\s*` there rescans every run of white space from each of its positions (quadratic on long runs of line breaks).
// The listed parts run to the end of the sentence: a full stop ends them, a decimal point ("1.5 million") does not.
const LIST_CUE = /(,?\s{0,3}(?:of whom|including|namely|kabilang ang|kung saan|sa mga ito)|:)\s*((?:[^.;]|\.(?=\d)){0,160})/giu;
const TOTAL_BEFORE = new RegExp(String.raw`${NUM}\s+([\p{L}-]+)[^.;:\d]{0,40}?$`, 'iu');
const DECREASE = /^(?:decrease|drop|fall|decline|cut|pagbaba|pagbagsak|pagliit)$/i;

/** Findings for figures that contradict arithmetic the same sentence states. */
export function checkFigures(input: CheckInput): PlacedFinding[] {
  const out: PlacedFinding[] = [];
  const add = (at: number, length: number, finding: Finding) => out.push({ start: at, end: at + length, kind: 'statistic', finding });
  for (const m of input.text.matchAll(CHANGE)) {
    const a = value(m[1]!, m[2]);
    const b = value(m[3]!, m[4]);
    const stated = Number(m[6]!.replace(/,/g, ''));
    if (a === 0) continue;
    const actual = ((b - a) / a) * 100;
    const signed = DECREASE.test(m[5]!) ? -stated : stated;
    if (Math.abs(actual - signed) <= Math.max(1, Math.abs(actual) * 0.05)) continue;
    const pct = `${Math.abs(Math.round(actual * 10) / 10)}`;
    const at = m.index! + m[0].lastIndexOf(m[6]!);
    add(at, m[0].length - (at - m.index!), {
      code: 'figure-percent-change',
      message: `From ${written(m[1]!, m[2])} to ${written(m[3]!, m[4])} is ${actual >= 0 ? 'an increase' : 'a decrease'} of ${pct} percent, not the stated ${stated} percent.`,
      suggestion: `${pct} percent`,
      evidence: `(${b} − ${a}) ÷ ${a} × 100 = ${Math.round(actual * 100) / 100}`,
    });
  }
  for (const m of input.text.matchAll(DURATION)) {
    const [y1, y2, n] = m[1] ? [m[1], m[2]!, m[3]!] : [m[5]!, m[6]!, m[4]!];
    const span = Number(y2) - Number(y1);
    if (span <= 0 || Math.abs(span - Number(n)) <= 1) continue;
    const at = m.index! + m[0].indexOf(`${n} `, m[1] ? m[0].indexOf(y2) + 4 : 0);
    add(at, n.length, {
      code: 'figure-duration',
      message: `${y1} to ${y2} is ${span} years, not ${n}.`,
      suggestion: `${span}`,
      evidence: `${y2} − ${y1} = ${span}`,
    });
  }
  for (const cue of input.text.matchAll(LIST_CUE)) {
    const before = input.text.slice(Math.max(0, cue.index! - 80), cue.index!);
    const head = TOTAL_BEFORE.exec(before);
    if (!head) continue;
    const m = { index: cue.index! - before.length + head.index, 1: head[1], 2: head[2], 4: cue[1], 5: cue[2] };
    const total = value(m[1]!, m[2]);
    const parts = [...m[5]!.matchAll(new RegExp(NUM, 'g'))]
      .map((p) => value(p[1]!, p[2]))
      .filter((v) => !(v >= 1000 && v <= 2099 && Number.isInteger(v) && v !== total));
    if (parts.length < 2) continue;
    const sum = parts.reduce((x, y) => x + y, 0);
    const exhaustive = !/including|kabilang/i.test(m[4]!);
    if (sum === total || (!exhaustive && sum < total)) continue;
    add(m.index!, m[1]!.length + (m[2] ? m[2].length + 1 : 0), {
      code: 'figure-total',
      message: `The parts listed add up to ${sum.toLocaleString('en')}, ${sum > total ? 'more than' : 'not'} the total of ${written(m[1]!, m[2])}.`,
      suggestion: sum.toLocaleString('en'),
      evidence: `${parts.map((p) => p.toLocaleString('en')).join(' + ')} = ${sum.toLocaleString('en')}`,
    });
  }
  return out;
}

// A figure as the text gives it, scale word included ("1.5 million", "3 milyon"): a message that
// said "from 1.5 to 3" would misquote the text. The Tagalog linker joins the scale to the noun
// that follows ("2 milyong katao"), so a figure quoted alone drops it ("2 milyon").
function written(digits: string, scale: string | undefined): string {
  if (!scale) return digits;
  const unlinked = /^(?:milyong|bilyong)$/i.test(scale) ? scale.slice(0, -1) : /^libong$/i.test(scale) ? scale.slice(0, -2) : scale;
  return `${digits} ${unlinked}`;
}

function value(digits: string, scale: string | undefined): number {
  return Number(digits.replace(/,/g, '')) * (scale ? (SCALE[scale.toLowerCase()] ?? 1) : 1);
}
