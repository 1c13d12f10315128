/**
 * Check-worthiness: every detector rule contributes a named signal with a weight and a reason a
 * reviewer can read; a candidate's score is the sum of its distinct signals, clamped to 0..1.
 * The weights live in one table so they can be compared and tuned side by side.
 */
import type { ExtractedKind, Signal } from './types.js';

type Reason = string | ((detail: string) => string);

// Alternative verdicts on the same question; a merged candidate keeps only the strongest.
const GROUPS: Partial<Record<string, string>> = { namedPerson: 'source', namedBody: 'source', vagueSource: 'source' };

const SIGNALS = {
  figure: [0.45, 'contains a figure'],
  unit: [0.15, 'figure with a unit or counted noun'],
  largeNumber: [0.1, 'large number'],
  percentage: [0.15, 'percentage'],
  money: [0.15, 'sum of money'],
  approximate: [0.05, (d) => `approximate or comparative figure ('${d}')`],
  numberWords: [0.05, 'number written in words'],
  smallNumber: [-0.15, 'small number with no unit'],
  vagueNumber: [0.35, (d) => `vague large number ('${d}')`],
  vagueQuantity: [0.3, (d) => `vague quantity ('${d}')`],
  absolute: [0.3, (d) => `absolute claim ('${d}')`],
  fullDate: [0.5, 'contains a full date'],
  monthYear: [0.45, 'contains a month and year'],
  dayMonth: [0.4, 'contains a day and month'],
  year: [0.35, 'contains a year'],
  decade: [0.35, 'mentions a decade'],
  month: [0.25, 'mentions a month'],
  datePreposition: [0.05, (d) => `dated with '${d}'`],
  quotation: [0.45, 'direct quotation'],
  unclosed: [0.05, 'quotation left unclosed'],
  shortQuote: [-0.1, 'short quoted phrase (may be a scare quote)'],
  longQuote: [0.1, 'long quotation'],
  namedPerson: [0.55, 'attributed to a named person'],
  namedBody: [0.5, 'attributed to a named person or body'],
  title: [0.1, (d) => `title of office ('${d}')`],
  speechVerb: [0.1, (d) => `speech verb ('${d}')`],
  source: [0.1, (d) => `names its source ('${d}')`],
  vagueSource: [0.4, 'unnamed or vague source'],
  numberedDocument: [0.6, (d) => `cites a numbered document ('${d}')`],
  namedDocument: [0.45, (d) => `names a legal or official document ('${d}')`],
  provision: [0.3, (d) => `describes what a document provides ('${d}')`],
  nearMiss: [0.7, (d) => `near-miss of '${d}'`],
  rareVariant: [0.6, (d) => `rare variant of '${d}', which this text uses more often`],
  grammarRule: [0.55, (d) => d],
  casing: [0.45, (d) => `capitalised elsewhere in this text as '${d}'`],
  missingWord: [0.6, (d) => `known name '${d}' with a word missing`],
  context: [0.05, (d) => `same sentence has ${d}`],
  precheck: [0.4, 'found by a pre-check'],
  finding: [0.2, (d) => `pre-check found a likely error (${d})`],
} satisfies Record<string, readonly [number, Reason]>;

export type SignalKey = keyof typeof SIGNALS;

/** Builds a signal; `detail` fills the reason's placeholder (a word, a name, a rule). */
export function signal(key: SignalKey, detail = ''): Signal {
  let byDetail = made.get(key);
  if (!byDetail) {
    byDetail = new Map();
    made.set(key, byDetail);
  }
  let sig = byDetail.get(detail);
  if (!sig) {
    const [weight, reason] = SIGNALS[key] as readonly [number, Reason];
    const group = GROUPS[key];
    sig = Object.freeze({ weight, reason: typeof reason === 'string' ? reason : reason(detail), ...(group ? { group } : {}) });
    if (byDetail.size >= SIGNAL_CACHE_LIMIT) byDetail.clear();
    byDetail.set(detail, sig);
  }
  return sig;
}

// Signals are immutable, so equal ones are shared rather than rebuilt for every candidate.
const SIGNAL_CACHE_LIMIT = 5_000;
const made = new Map<SignalKey, Map<string, Signal>>();

/**
 * The score and reasons of a candidate from its own and its context signals: repeated reasons
 * count once, and of signals in one group only the strongest counts. Score is the sum, clamped
 * to 0..1 and rounded to two decimals.
 */
export function assess(own: readonly Signal[], context: readonly Signal[]): { score: number; reasons: string[] } {
  count = 0;
  for (let k = 0; k < own.length; k++) pick(own[k]!);
  for (let k = 0; k < context.length; k++) pick(context[k]!);
  let sum = 0;
  for (let k = 0; k < count; k++) sum += picked[k]!.weight;
  const reasons = sharedReasons();
  return { score: Math.round(Math.min(1, Math.max(0, sum)) * 100) / 100, reasons };
}

// The picked signals' path in a trie leads to their reasons list: candidates with the same
// signals (most of a large document's) share one frozen list instead of holding one each.
function sharedReasons(): string[] {
  let node = reasonsTrie;
  for (let k = 0; k < count; k++) {
    const s = picked[k]!;
    let next = node.next?.get(s);
    if (!next) {
      // Signals with a detail (a word, a name) are many, and a long-running server extracts
      // document after document: past REASONS_TRIE_LIMIT nodes the trie starts afresh (as the
      // signal cache above does), so it stays bounded; the lists it held stay valid.
      if (reasonsTrieSize >= REASONS_TRIE_LIMIT) {
        reasonsTrie = { next: null, reasons: null };
        reasonsTrieSize = 0;
        return pickedReasons();
      }
      next = { next: null, reasons: null };
      node.next ??= new Map();
      node.next.set(s, next);
      reasonsTrieSize++;
    }
    node = next;
  }
  node.reasons ??= Object.freeze(pickedReasons()) as string[];
  return node.reasons;
}

interface ReasonsNode {
  next: Map<Signal, ReasonsNode> | null;
  reasons: string[] | null;
}
let reasonsTrie: ReasonsNode = { next: null, reasons: null };
let reasonsTrieSize = 0;
const REASONS_TRIE_LIMIT = 20_000;

// Scratch list reused across calls, with its own count: setting an array's length to 0 frees its
// storage, and the next candidate allocated it again.
const picked: Signal[] = [];
let count = 0;

function pick(s: Signal): void {
  for (let k = 0; k < count; k++) {
    const o = picked[k]!;
    if (o.reason === s.reason || (s.group !== undefined && o.group === s.group)) {
      if (o.weight < s.weight) picked[k] = s;
      return;
    }
  }
  picked[count++] = s;
}

function pickedReasons(): string[] {
  const out = new Array<string>(count);
  for (let k = 0; k < count; k++) out[k] = picked[k]!.reason;
  return out;
}

const CONTEXT_NAMES: Readonly<Record<ExtractedKind, string | null>> = {
  statistic: 'a figure',
  date: 'a date',
  quote: 'a quotation',
  attribution: 'an attribution',
  reference: 'a document reference',
  spelling: null,
};

/**
 * Signals a candidate earns from the other kinds of claim in its sentence (never for spelling).
 * `kindsInSentence` is a bit set over KIND_BITS.
 */
export function contextSignals(kind: ExtractedKind, kindsInSentence: number): readonly Signal[] {
  if (kind === 'spelling') return [];
  const key = kindsInSentence & ~KIND_BITS[kind];
  let out = contextCache.get(key);
  if (!out) {
    out = (Object.keys(KIND_BITS) as ExtractedKind[])
      .filter((k) => key & KIND_BITS[k] && CONTEXT_NAMES[k] !== null)
      .map((k) => signal('context', CONTEXT_NAMES[k]!));
    contextCache.set(key, out);
  }
  return out;
}

/** One bit per kind, for recording which kinds a sentence holds. */
export const KIND_BITS: Readonly<Record<ExtractedKind, number>> = {
  statistic: 1,
  date: 2,
  quote: 4,
  attribution: 8,
  reference: 16,
  spelling: 32,
};
const contextCache = new Map<number, readonly Signal[]>();
