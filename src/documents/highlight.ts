/** What the reader needs of a claim to highlight it: its span; the rest is carried through for the view. */
export interface Span {
  id: number;
  start: number;
  end: number;
}

/** A run of text covered by the same set of claims (possibly none). */
export interface Segment<C extends Span> {
  start: number;
  end: number;
  text: string;
  /** Every claim covering this run, outermost (earliest start, then longest) first. */
  claims: C[];
  /** The claim a click opens: the innermost one (latest start, then shortest), or null for plain text. */
  primary: C | null;
  /** Claims whose span begins in this run, so the view can put their anchors there. */
  starts: C[];
}

/**
 * Cuts `text` into runs at every claim boundary, so overlapping and nested claims can be shown
 * without nesting links. Claims may come in any order; spans outside the text are clipped and
 * empty ones ignored. The runs cover the whole text, in order, and join back into it exactly.
 * One sort and one sweep: O((n + b) log n) for n claims, fast enough for thousands per document.
 */
export function buildSegments<C extends Span>(text: string, claims: readonly C[]): Segment<C>[] {
  const spans = claims
    .map((claim) => ({ claim, start: clamp(claim.start, text.length), end: clamp(claim.end, text.length) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.claim.id - b.claim.id);
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) cuts.add(s.start).add(s.end);
  const boundaries = [...cuts].sort((a, b) => a - b);

  const segments: Segment<C>[] = [];
  let active: typeof spans = [];
  let next = 0;
  for (let i = 0; i < boundaries.length - 1; i++) {
    const start = boundaries[i]!;
    const end = boundaries[i + 1]!;
    if (active.some((s) => s.end <= start)) active = active.filter((s) => s.end > start);
    const starts: C[] = [];
    while (next < spans.length && spans[next]!.start === start) {
      active.push(spans[next]!);
      starts.push(spans[next]!.claim);
      next += 1;
    }
    // `active` stays in start order because spans are added in start order.
    const inner = active.reduce<(typeof spans)[number] | null>(
      (best, s) => (!best || s.start > best.start || (s.start === best.start && s.end < best.end) ? s : best),
      null,
    );
    segments.push({ start, end, text: text.slice(start, end), claims: active.map((s) => s.claim), primary: inner?.claim ?? null, starts });
  }
  return segments;
}

/**
 * Groups segments into the text's lines, splitting a segment where it crosses a line break.
 * Each line keeps its closing "\n", so the lines' text joins back into the document exactly
 * (the reader's script relies on that to turn a selection into an offset).
 */
export function splitLines<C extends Span>(segments: readonly Segment<C>[]): Segment<C>[][] {
  const lines: Segment<C>[][] = [[]];
  for (const segment of segments) {
    let from = 0;
    for (let nl = segment.text.indexOf('\n'); nl !== -1; nl = segment.text.indexOf('\n', from)) {
      lines.at(-1)!.push(piece(segment, from, nl + 1));
      lines.push([]);
      from = nl + 1;
    }
    if (from < segment.text.length) lines.at(-1)!.push(piece(segment, from, segment.text.length));
  }
  if (lines.length > 1 && lines.at(-1)!.length === 0) lines.pop();
  return lines;
}

function piece<C extends Span>(segment: Segment<C>, from: number, to: number): Segment<C> {
  if (from === 0 && to === segment.text.length) return segment;
  return {
    ...segment,
    start: segment.start + from,
    end: segment.start + to,
    text: segment.text.slice(from, to),
    starts: from === 0 ? segment.starts : [],
  };
}

const clamp = (n: number, max: number) => Math.min(Math.max(n, 0), max);
