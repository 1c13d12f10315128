/**
 * The claim extraction engine: text in, sentences and check-worthy claim candidates out.
 * Pure — no database, no HTTP; word lists come from the JSON files in ./lexicon.
 */
import { findAttributions } from './attributions.js';
import { attachFindings, runChecks } from './checks/index.js';
import type { DateValue } from './date-values.js';
import { findDates } from './dates.js';
import { detectLanguage } from './detect-language.js';
import { finalise } from './finalise.js';
import { markCues } from './cues.js';
import { languageCodes, lexiconFor, resolveLanguage } from './lexicon.js';
import { mergeOverlaps } from './merge.js';
import { nameBook } from './names.js';
import { findQuotes, joinSplitQuotes } from './quotes.js';
import { findReferences } from './references.js';
import type { Scan } from './scan.js';
import { splitSentences } from './sentences.js';
import { findSpellings } from './spelling.js';
import { findStatistics } from './statistics.js';
import { assignSentences, tokenize } from './tokens.js';
import type { ExtractionResult, RawCandidate } from './types.js';

/** Thrown when extraction runs past `options.deadline`; nothing has been written by then. */
export class ExtractionTimeout extends Error {
  constructor(readonly stage: string) {
    super(`extraction ran out of time while ${stage}`);
    this.name = 'ExtractionTimeout';
  }
}

// References and dates run first: they claim numbers (687, 2004) that are not statistics.
const stages: [string, (s: Scan, text: string) => ReturnType<typeof findQuotes>][] = [
  ['finding references', findReferences],
  ['finding dates', findDates],
  ['finding statistics', findStatistics],
  ['finding quotes', (_s, text) => joinSplitQuotes(text, findQuotes(text))],
  ['finding attributions', findAttributions],
  ['finding spellings', findSpellings],
];

export type { ClaimCandidate, ExtractedKind, ExtractionResult, Finding, Sentence } from './types.js';
export { detectLanguage } from './detect-language.js';
export { splitSentences } from './sentences.js';

// BCP 47 in outline: a 2–3 letter language subtag, then optional subtags ("en", "en-US", "fil").
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;

/** Language codes with a word-list file in ./lexicon (at least 'en' and 'tl'). */
export const supportedLanguages: readonly string[] = languageCodes;

/**
 * Finds claim candidates in `text`. The language is `options.language` when it is a BCP 47 tag
 * ('en-US' reads as 'en', 'fil' as 'tl'; a tag without a word-list file is kept and read with
 * all word lists and no language-specific grammar rules); otherwise it is detected. Claims are
 * sorted by start then end, each lies within one sentence, and `quote === text.slice(start,
 * end)`. Linear in the length of the text.
 */
export interface ExtractOptions {
  language?: string;
  /** The document's publication date (a Date or YYYY-MM-DD…): dates after it get a finding. */
  publishedAt?: Date | string | null;
  /** Epoch ms after which extraction stops with ExtractionTimeout. */
  deadline?: number;
}

export function extract(text: string, options: ExtractOptions = {}): ExtractionResult {
  // Each stage is linear, so checking the clock between stages bounds the work to the cap plus one stage.
  const due = (stage: string) => {
    if (options.deadline !== undefined && Date.now() > options.deadline) throw new ExtractionTimeout(stage);
  };
  const given = options.language?.trim() ?? '';
  const language = LANGUAGE_TAG.test(given) ? (resolveLanguage(given) ?? given.toLowerCase()) : detectLanguage(text);
  const sentences = splitSentences(text, language);
  const t = tokenize(text);
  assignSentences(t, sentences);
  const lex = lexiconFor(language);
  markCues(lex, t);
  due('tokenizing');
  const dates: DateValue[] = [];
  const s: Scan = { t, lex, names: nameBook(), claimed: new Uint8Array(t.count), dates };
  const found: RawCandidate[][] = [];
  for (const [stage, find] of stages) {
    found.push(find(s, text));
    due(stage);
  }
  const raw = concatenated(found);
  const merged = mergeOverlaps(raw);
  const quotes: RawCandidate[] = [];
  const statistics: RawCandidate[] = [];
  const attributions: RawCandidate[] = [];
  for (let k = 0; k < merged.length; k++) {
    const c = merged[k]!;
    if (c.kind === 'quote') quotes.push(c);
    else if (c.kind === 'statistic') statistics.push(c);
    else if (c.kind === 'attribution') attributions.push(c);
  }
  const findings = runChecks({
    text,
    language,
    sentences,
    scan: s,
    dates,
    publishedAt: publicationDay(options.publishedAt),
    quotes,
    statistics,
    attributions,
  });
  due('running the pre-checks');
  const added = attachFindings(merged, findings);
  return { language, sentences, claims: finalise(text, added.length > 0 ? [...merged, ...added] : merged, sentences) };
}

// One list of every detector's candidates, sized up front: spreading a list into push() passes
// every candidate as an argument (a stack overflow on a large document), and growing a list of
// tens of thousands one push at a time copies it several times over.
function concatenated(lists: readonly RawCandidate[][]): RawCandidate[] {
  let total = 0;
  for (const list of lists) total += list.length;
  const out: RawCandidate[] = new Array(total);
  let n = 0;
  for (const list of lists) for (let k = 0; k < list.length; k++) out[n++] = list[k]!;
  return out;
}

// YYYY-MM-DD of a publication date; anything unreadable means "not known".
function publicationDay(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}
