/** What every pre-check receives, and what it reports. */
import type { DateValue } from '../date-values.js';
import { sentenceAt } from '../finalise.js';
import type { Scan } from '../scan.js';
import type { ExtractedKind, Finding, Sentence } from '../types.js';

export interface CheckInput {
  readonly text: string;
  readonly language: string;
  readonly sentences: readonly Sentence[];
  readonly scan: Scan;
  /** Every date the date detector read, in text order. */
  readonly dates: readonly DateValue[];
  /** The document's publication day (YYYY-MM-DD) when known. */
  readonly publishedAt: string | null;
  /** Spans of the text's quotations, in order: their words are the speaker's, not a typo. */
  readonly quotes: readonly { readonly start: number; readonly end: number }[];
  /** The merged statistic candidates, in order. */
  readonly statistics: readonly { readonly start: number; readonly end: number }[];
  /** The merged attribution candidates, in order. */
  readonly attributions: readonly { readonly start: number; readonly end: number }[];
}

/** A finding with the span it is about and the kind of claim it belongs on. */
export interface PlacedFinding {
  readonly start: number;
  readonly end: number;
  readonly kind: ExtractedKind;
  readonly finding: Finding;
}

/** 0-based index of the sentence holding `offset` (binary search), or -1. */
export const sentenceOf = sentenceAt;

/** The dates of each sentence (0-based), only those that name a year or a decade. */
export function datesBySentence(dates: readonly DateValue[]): Map<number, DateValue[]> {
  const out = new Map<number, DateValue[]>();
  for (const d of dates) {
    if (d.from === null) continue;
    const list = out.get(d.sentence);
    if (list) list.push(d);
    else out.set(d.sentence, [d]);
  }
  return out;
}

/** "1993-01-20" → "20 January 1993", for messages. */
export function readableDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
