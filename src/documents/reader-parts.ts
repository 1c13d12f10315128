import { HttpError } from '../http/errors.js';
import { READER_PAGE_SIZE, type ReaderMark } from './reader.js';

/**
 * The part of a long document's text the reader shows. Rendering every one of 2,000 marks cost
 * the reader most of its time (docs/BENCHMARKS.md), so a document with more claims than a list
 * page shows its text a part at a time, about one list page's claims each.
 */
export interface ReaderTextPart {
  /** The part shown (from 1) and how many there are (1: the whole text, no part pager). */
  part: number;
  partCount: number;
  /** Where the part begins and ends in the document's text: true offsets, `from` at a line start. */
  from: number;
  to: number;
  /** The claims that begin in the part, in text order (they also end in it). */
  marks: ReaderMark[];
  /** The part holding a claim (by where it begins). */
  partOf: (claim: Pick<ReaderMark, 'start'>) => number;
}

/**
 * Where a text's lines begin (the first at 0; after every "\n") and how long it is: all the parts'
 * bounds depend on, so the reader can place them without reading the text (sql/0029 stores them).
 */
export interface LineBounds {
  starts: number[];
  length: number;
}

/** A text's line bounds, worked out from the text (what sql/0029's document_line_bounds stores). */
export function lineBoundsOf(text: string): LineBounds {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return { starts, length: text.length };
}

/** The line bounds stored as one array (sql/0029): the line starts, then the text's length. */
export function lineBoundsFromStored(stored: readonly number[]): LineBounds {
  return { starts: stored.slice(0, -1), length: stored[stored.length - 1] ?? 0 };
}

/** The start of the line holding `at`: the greatest line start at or before it. */
function lineStartAtOrBefore(lines: LineBounds, at: number): number {
  return lines.starts[indexOf(lines.starts, at)]!;
}

/** The smallest line start at or after `at`, or the text's end. */
function lineStartAtOrAfter(lines: LineBounds, at: number): number {
  const i = indexOf(lines.starts, at);
  if (lines.starts[i] === at) return at;
  return i + 1 < lines.starts.length ? lines.starts[i + 1]! : lines.length;
}

/**
 * Where each part begins (the first at 0), from the claims in text order: part K at the start of
 * the line holding claim (K−1)×READER_PAGE_SIZE+1, moved on to a later line start while a claim
 * that begins before it runs past it, so that no mark is cut. Parts that would then be empty
 * merge, so there can be fewer than one per list page. Deterministic: only offsets and the lines.
 */
export function readerPartStarts(lines: LineBounds, marks: readonly ReaderMark[]): number[] {
  const starts = [0];
  let before = 0; // marks[0..before) begin before the boundary being placed
  let reach = 0; // the furthest end among them
  for (let k = READER_PAGE_SIZE; k < marks.length; k += READER_PAGE_SIZE) {
    let at = lineStartAtOrBefore(lines, marks[k]!.start);
    if (at <= starts[starts.length - 1]!) continue;
    for (;;) {
      for (; before < marks.length && marks[before]!.start < at; before++) reach = Math.max(reach, marks[before]!.end);
      if (reach <= at) break;
      at = lineStartAtOrAfter(lines, reach);
    }
    if (at >= lines.length) break;
    starts.push(at);
  }
  return starts;
}

/** The last index whose start is at most `offset` (starts ascending, starts[0] = 0). */
function indexOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The part of the text to show: `part` if asked for (past the last is a 404 that says how many
 * there are, as the list's page is), else the part holding `firstListed`, the first card of the
 * list page shown, so that the text follows the list; the first part for an empty list. A
 * document with no more claims than a list page is one part, the whole text.
 */
export function readerTextPart(
  lines: LineBounds,
  marks: readonly ReaderMark[],
  part: number | undefined,
  firstListed: number | undefined,
): ReaderTextPart {
  const starts = marks.length > READER_PAGE_SIZE ? readerPartStarts(lines, marks) : [0];
  const partCount = starts.length;
  const partOf = (claim: Pick<ReaderMark, 'start'>) => indexOf(starts, claim.start) + 1;
  const listed = firstListed === undefined ? undefined : marks.find((m) => m.id === firstListed);
  const shown = part ?? (listed ? partOf(listed) : 1);
  if (shown > partCount) {
    throw new HttpError(
      404,
      'not_found',
      `There is no part ${shown} of this text: it has ${partCount} ${partCount === 1 ? 'part' : 'parts'}.`,
    );
  }
  const from = starts[shown - 1]!;
  const to = shown < partCount ? starts[shown]! : lines.length;
  return {
    part: shown,
    partCount,
    from,
    to,
    marks: partCount === 1 ? [...marks] : marks.filter((m) => m.start >= from && m.start < to),
    partOf,
  };
}
