import { sentenceIndexAt } from '../documents/spans.js';
import type { Passage } from './report.js';

/** Context kept on each side of a claim when its sentence is very long (a text without full stops). */
const MAX_CONTEXT = 400;

/**
 * The sentence(s) holding the span [start, end), split around the claim, so a reader sees the
 * claim where it stands. White space at the sentence edges is dropped; an over-long side is cut
 * at a word boundary and marked with an ellipsis.
 */
export function passageAround(text: string, sentenceStarts: readonly number[], start: number, end: number): Passage {
  const first = sentenceIndexAt(sentenceStarts, start);
  const last = sentenceIndexAt(sentenceStarts, Math.max(start, end - 1));
  const from = sentenceStarts.length ? (sentenceStarts[first - 1] ?? 0) : 0;
  const to = sentenceStarts[last] ?? text.length;
  return {
    before: trimStartContext(text.slice(from, start).replace(/^\s+/, '')),
    quote: text.slice(start, end),
    after: trimEndContext(text.slice(end, to).replace(/\s+$/, '')),
  };
}

function trimStartContext(before: string): string {
  if (before.length <= MAX_CONTEXT) return before;
  const cut = before.slice(-MAX_CONTEXT);
  const space = cut.search(/\s/);
  return `…${space >= 0 ? cut.slice(space) : cut}`;
}

function trimEndContext(after: string): string {
  if (after.length <= MAX_CONTEXT) return after;
  const cut = after.slice(0, MAX_CONTEXT);
  const space = cut.search(/\s\S*$/);
  return `${space > 0 ? cut.slice(0, space) : cut}…`;
}

/** The passage as one line of plain text, the claim between ⟦ ⟧ (for CSV and other plain formats). */
export function passageText(p: Passage): string {
  return `${p.before}⟦${p.quote}⟧${p.after}`.replace(/\s*\n\s*/g, ' ');
}
