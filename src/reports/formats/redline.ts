import { diffWordsWithSpace } from 'diff';
import ejs from 'ejs';
import { verdictLabels } from '../../claims/claim-vocabulary.js';
import { pieces } from '../corrections.js';
import { compileView, exportCss, reportHelpers } from '../html/templates.js';
import type { AcceptedCorrection, TextReport } from '../report.js';

const CHUNK = 64 * 1024;
const esc = (s: string) => ejs.escapeXML(s);

/**
 * One corrected span: a shaded wrapper covering exactly the span, and inside it the word-level
 * changes. When the two versions share little, a word diff is confetti, so the whole passage is
 * shown deleted and the whole correction inserted instead.
 */
export function changeHtml(c: AcceptedCorrection): string {
  let parts = diffWordsWithSpace(c.quote, c.correction);
  const kept = parts.filter((p) => !p.added && !p.removed).reduce((n, p) => n + p.value.trim().length, 0);
  if (kept < 0.4 * Math.max(c.quote.trim().length, c.correction.trim().length)) {
    parts = [
      { value: c.quote, removed: true, added: false, count: 1 },
      { value: c.correction, added: true, removed: false, count: 1 },
    ];
  }
  const inner = parts
    .map((p) => (p.removed ? `<del>${esc(p.value)}</del>` : p.added ? `<ins>${esc(p.value)}</ins>` : esc(p.value)))
    .join('');
  return `<span class="redline-change" id="claim-${c.claimId}" data-claim="${c.claimId}" title="Claim ${c.claimId}: ${esc(verdictLabels[c.verdict])}">${inner}</span>`;
}

/**
 * A printable HTML page of the whole text with each accepted correction marked as deletions and
 * insertions; text outside the corrected spans is reproduced unchanged.
 */
export async function* writeRedline(report: TextReport): AsyncGenerator<string> {
  const locals = { ...reportHelpers, header: report.header, corrections: report.corrections.length, css: exportCss };
  // No white space may slip in between the opening tag and the text: the text is pre-wrapped.
  yield compileView('reports/redline-top')(locals).replace(/\s+$/, '');
  let buffer = '';
  for (const piece of pieces(report.text, report.corrections)) {
    buffer += piece.kind === 'text' ? esc(piece.text) : changeHtml(piece.correction);
    if (buffer.length >= CHUNK) {
      yield buffer;
      buffer = '';
    }
  }
  yield buffer + compileView('reports/redline-bottom')(locals);
}
