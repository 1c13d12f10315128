import ejs from 'ejs';
import type { ClaimStatus, Verdict } from '../claims/claim-vocabulary.js';
import { statusLabels, verdictLabels } from '../claims/claim-vocabulary.js';

const esc = (s: string) => ejs.escapeXML(s);

/**
 * Markup repeated on every row of long lists, built as strings: an EJS include per row copies
 * every local of the page twice, which was a tenth of the claim queue's rendering time. Each
 * returns HTML with every value escaped; views print it with `<%-`.
 */
export const viewFragments = {
  /** A claim's status badge and, once decided, its verdict badge. */
  claimBadgesHtml(claim: { status: ClaimStatus; verdict: Verdict | null }): string {
    const status = `<span class="status-badge status-${esc(claim.status)}"><span class="visually-hidden">Status: </span>${esc(statusLabels[claim.status])}</span>`;
    if (!claim.verdict) return status;
    return `${status} <span class="verdict-badge verdict-${esc(claim.verdict)}"><span class="visually-hidden">Verdict: </span>${esc(verdictLabels[claim.verdict])}</span>`;
  },
};
