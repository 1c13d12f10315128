import ejs from 'ejs';
import type { QueueRow } from '../claims/claim-queue.js';
import type { ReaderCard } from '../documents/reader.js';
import { viewHelpers } from './view-helpers.js';
import type { ClaimStatus, Verdict } from '../claims/claim-vocabulary.js';
import { kindLabels, statusLabels, verdictLabels } from '../claims/claim-vocabulary.js';

const esc = (s: string) => ejs.escapeXML(s);

/**
 * Markup repeated on every row of long lists, built as strings: an EJS include per row copies
 * every local of the page twice, which was a tenth of the claim queue's rendering time. Each
 * returns HTML with every value escaped; views print it with `<%-`.
 */
export const viewFragments = {
  /**
   * A form field's message under the field (the error summary links to `#<name>-error`), or nothing.
   * A function rather than an include: an include copies every local of the page, and a form has
   * one of these per field.
   */
  fieldErrorHtml(errors: Readonly<Record<string, string | undefined>> | null | undefined, name: string): string {
    const message = errors?.[name];
    return message ? `<p class="field-error" id="${esc(name)}-error">${esc(message)}</p>` : '';
  },

  /** The claim page's field message, with its warning sign; `id` names the field (`<id>-error`). */
  fieldMessageHtml(id: string, message: string | null | undefined | false): string {
    return message ? `<p class="field-error" id="${esc(id)}-error"><span aria-hidden="true">⚠ </span>${esc(message)}</p>` : '';
  },

  /**
   * A picker's options from a list (the queue's hundred documents, the people to assign), the one
   * whose value is `selected` marked so. A function for the reason the field messages are one.
   */
  optionsHtml<T>(items: readonly T[], valueFor: (item: T) => string | number, labelFor: (item: T) => string, selected: unknown): string {
    let html = '';
    for (const item of items) {
      const value = String(valueFor(item));
      html += `<option value="${esc(value)}"${value === String(selected) ? ' selected' : ''}>${esc(labelFor(item))}</option>`;
    }
    return html;
  },

  /** A claim's status badge and, once decided, its verdict badge. */
  claimBadgesHtml(claim: { status: ClaimStatus; verdict: Verdict | null }): string {
    const status = `<span class="status-badge status-${esc(claim.status)}"><span class="visually-hidden">Status: </span>${esc(statusLabels[claim.status])}</span>`;
    if (!claim.verdict) return status;
    return `${status} <span class="verdict-badge verdict-${esc(claim.verdict)}"><span class="visually-hidden">Verdict: </span>${esc(verdictLabels[claim.verdict])}</span>`;
  },

  /**
   * The claim queue's table rows (claims/index.ejs). Built here rather than in the view: EJS looks up
   * every name of a template through its `with` block, which made the 50 rows about a tenth of the
   * queue page's CPU (docs/BENCHMARKS.md). `formatDate` is the page's, in the reader's time zone.
   */
  queueRowsHtml(
    rows: readonly QueueRow[],
    o: { research: boolean; selected: ReadonlySet<number>; formatDate: (d: Date) => string },
  ): string {
    let html = '';
    for (const c of rows) {
      const id = c.id;
      const quote = esc(c.quote);
      const title = esc(c.documentTitle);
      const select = o.research
        ? `<td class="select-col"><label class="select-label"><input type="checkbox" name="claimIds" value="${id}" form="bulk-form" ${o.selected.has(id) ? 'checked' : ''}> #${id}</label></td>`
        : '';
      const correction = c.correction
        ? `<div class="correction" title="${esc(c.correction)}"><span class="muted">Correction:</span> ${esc(c.correction)}</div>`
        : '';
      html += `
      <tr data-nav-item data-claim-id="${id}">
        ${select}
        <td class="quote-col">${o.research ? '' : `<span class="muted">#${id}</span> `}<a href="/claims/${id}" class="claim-link" title="${quote}">${quote}</a>${correction}</td>
        <td class="doc-col" data-label="Document"><a href="/documents/${c.documentId}?claim=${id}#claim-${id}" title="${title}">${title}</a></td>
        <td data-label="Kind"><span class="kind-badge">${esc(kindLabels[c.kind])}</span></td>
        <td data-label="Status">${viewFragments.claimBadgesHtml(c)}</td>
        <td data-label="Assignee">${esc(c.assigneeName || '—')}</td>
        <td class="num" data-label="Score">${c.score.toFixed(2)}</td>
        <td data-label="Changed"><time datetime="${viewHelpers.isoDate(c.updatedAt)}">${esc(o.formatDate(c.updatedAt))}</time></td>
      </tr>`;
    }
    return html;
  },

  /**
   * One page of the reader's side list (documents/show.ejs; src/pages/reader/reader-page.ts). Each
   * card is the target of its marks' links (id="claim-ID"). Built here for the reason the queue's
   * rows are: in EJS, the hundred cards were the reader's largest template cost.
   */
  readerCardsHtml(cards: readonly ReaderCard[], o: { textHrefOf: (claimId: number) => string }): string {
    let html = '<ol class="claim-list" data-testid="claim-list">';
    for (const c of cards) {
      const id = c.id;
      const findings =
        c.findingCount > 0
          ? ` <span class="finding-badge" data-testid="finding-badge">${c.findingCount} pre-check finding${c.findingCount === 1 ? '' : 's'}</span>`
          : '';
      const assignee = c.assigneeName ? ` <span class="muted">· ${esc(c.assigneeName)}</span>` : '';
      const seen = c.reviewedMatch
        ? ` <a class="seen-badge" href="/claims/${id}#seen-before" data-testid="seen-before-mark">Seen before<span class="visually-hidden">: claim #${id} has a reviewed match</span></a>`
        : '';
      html += `<li data-nav-item data-claim-id="${id}" id="claim-${id}" class="claim-item st-${esc(c.status)}"><a class="claim-link" href="/claims/${id}">${esc(c.quote)}</a><div class="claim-meta"><span class="muted">#${id}</span> <span class="kind-badge">${esc(kindLabels[c.kind])}</span> ${viewFragments.claimBadgesHtml(c)}${findings}${assignee}${seen} <a href="${esc(o.textHrefOf(id))}" class="show-in-text">show in text<span class="visually-hidden"> (claim #${id})</span></a></div></li>\n`;
    }
    return `${html}</ol>`;
  },
};
