import { invalid } from '../http/errors.js';
import { can, type Actor } from '../users/permissions.js';
import type { Claim, ClaimPatch } from './claim.js';
import { correctionRequiredVerdicts, type ClaimStatus, type Verdict } from './claim-vocabulary.js';

export interface ReviewState {
  status: ClaimStatus;
  verdict: Verdict | null;
  correction: string | null;
}

/**
 * The review rules, applied to the state a patch would produce. Returns the state to store and
 * warnings to show; throws when the result is not allowed.
 * - a verdict is required to resolve, and only a resolved claim keeps one;
 * - researchers (reviewers) may move a claim between open and in review and propose a correction;
 *   deciding (resolve, dismiss, reopen a decided claim) is for editors.
 */
export function applyReviewRules(actor: Actor, current: Claim, patch: ClaimPatch): { next: ReviewState; warnings: string[] } {
  const status = patch.status ?? current.status;
  let verdict = patch.verdict === undefined ? current.verdict : patch.verdict;
  const correction = patch.correction === undefined ? current.correction : patch.correction;
  const deciding = status === 'resolved' || status === 'dismissed' || current.status === 'resolved' || current.status === 'dismissed';
  if (deciding && status !== current.status && !can(actor, 'claim.decide')) {
    throw invalid('status', `a ${actor.role} cannot move a claim from ${current.status} to ${status}; an editor decides`);
  }
  if (patch.verdict !== undefined && patch.verdict !== current.verdict && !can(actor, 'claim.decide')) {
    throw invalid('verdict', `a ${actor.role} cannot set the verdict; propose it in a note or the correction and an editor confirms`);
  }
  if (status === 'resolved' && !verdict) throw invalid('verdict', 'is required to resolve a claim');
  if (status !== 'resolved') {
    if (patch.verdict) throw invalid('verdict', 'can only be set when the claim is resolved');
    verdict = null;
  }
  const warnings: string[] = [];
  if (verdict && correctionRequiredVerdicts.includes(verdict) && !correction) {
    warnings.push(`A verdict of ${verdict} usually needs a proposed correction.`);
  } else if (verdict === 'needs_context' && !correction) {
    warnings.push('Consider proposing a correction or added context for a claim that needs context.');
  }
  return { next: { status, verdict, correction }, warnings };
}
