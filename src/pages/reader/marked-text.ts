import ejs from 'ejs';
import { buildSegments, splitLines } from '../../documents/highlight.js';
import type { ReaderMark } from '../../documents/reader.js';

const esc = (s: string) => ejs.escapeXML(s);

/**
 * The document's text with every claim marked, as the inside of the reader's `<article>`: one
 * `<p class="line">` per line, each run covered by claims a link to its innermost claim's card.
 * A 2,000-claim text has thousands of marks, so each is only what it needs: where it leads, its
 * colours (status and verdict classes; none for "no verdict") and, for screen readers, what they
 * mean (the legend's items, by `aria-describedby`); where a claim of `anchored` (the cards shown)
 * begins, its `text-ID` anchor for the card's "show in text". Built as one string: a template loop over the runs cost several times as much. The
 * text content equals the document exactly (public/js/reader.js turns a selection into offsets).
 */
export function markedTextHtml(
  text: string,
  marks: readonly ReaderMark[],
  hrefOf: (id: number) => string,
  anchored: ReadonlySet<number>,
): string {
  let html = '';
  for (const line of splitLines(buildSegments(text, marks))) {
    html += '<p class="line">';
    for (const run of line) {
      const mark = run.primary;
      for (const c of run.starts) if (c !== mark && anchored.has(c.id)) html += `<span id="text-${c.id}"></span>`;
      if (!mark) {
        html += esc(run.text);
        continue;
      }
      const status = esc(mark.status);
      const verdict = mark.verdict ? esc(mark.verdict) : null;
      const multi = run.claims.length > 1;
      html += `<a href="${hrefOf(mark.id)}" class="hl st-${status}${verdict ? ` vd-${verdict}` : ''}${multi ? ' hl-multi' : ''}"`;
      if (anchored.has(mark.id) && run.starts.includes(mark)) html += ` id="text-${mark.id}"`;
      html += ` aria-describedby="lg-st-${status}${verdict ? ` lg-vd-${verdict}` : ''}${multi ? ' lg-multi' : ''}">${esc(run.text)}</a>`;
    }
    html += '</p>';
  }
  return html;
}
