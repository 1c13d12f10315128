import { invalid } from '../http/errors.js';
import type { Actor } from '../users/permissions.js';
import { mayDecide, mayEditReview, maySetStatus, reviewFields } from './claim.policy.js';
import type { Claim, ClaimPatch } from './claim.js';
import { correctionRequiredVerdicts, verdictLabels, type ClaimStatus, type Verdict } from './claim-vocabulary.js';

export interface ReviewState {
  status: ClaimStatus;
  verdict: Verdict | null;
  proposedVerdict: Verdict | null;
  correction: string | null;
}

/**
 * The review rules, applied to the state a patch would produce. Returns the state to store and
 * warnings to show; throws when the result is not allowed.
 * - a verdict is required to resolve, and only a resolved claim keeps one;
 * - who may set which status, and who may still change the review of a decided claim, is the
 *   claim policy's answer (src/claims/claim.policy.ts).
 */
export function applyReviewRules(actor: Actor, current: Claim, patch: ClaimPatch): { next: ReviewState; warnings: string[] } {
  const status = patch.status ?? current.status;
  let verdict = patch.verdict === undefined ? current.verdict : patch.verdict;
  const proposedVerdict = patch.proposedVerdict === undefined ? current.proposedVerdict : patch.proposedVerdict;
  const correction = patch.correction === undefined ? current.correction : patch.correction;
  if (!maySetStatus(actor, current, status)) {
    throw invalid('status', `a ${actor.role} cannot move a claim from ${current.status} to ${status}; an editor decides`);
  }
  if (patch.verdict !== undefined && patch.verdict !== current.verdict && !mayDecide(actor)) {
    throw invalid('verdict', `a ${actor.role} cannot set the final verdict; set the proposed verdict and an editor confirms it`);
  }
  const rewritten = reviewFields.find((f) => patch[f] !== undefined && patch[f] !== current[f]);
  if (rewritten && !mayEditReview(actor, current)) {
    throw invalid(
      rewritten,
      `a ${actor.role} cannot change the review of a ${current.status} claim; an editor decided it. Add a note, or propose reopening it`,
    );
  }
  if (status === 'resolved' && !verdict) throw invalid('verdict', 'is required to resolve a claim');
  if (status !== 'resolved') {
    if (patch.verdict) throw invalid('verdict', 'can only be set when the claim is resolved');
    verdict = null;
  }
  // Warn about what this change touches, not again on every later edit (an assignment, say).
  const touchesReview =
    patch.status !== undefined || patch.verdict !== undefined || patch.proposedVerdict !== undefined || patch.correction !== undefined;
  const judged = verdict ?? (status === 'dismissed' ? null : proposedVerdict);
  return {
    next: { status, verdict, proposedVerdict, correction },
    warnings: touchesReview ? correctionWarnings(judged, verdict !== null, correction) : [],
  };
}

// A verdict that says the text is wrong should come with what it should say instead; the
// answer key itself has misleading claims without one, so this warns rather than refuses.
function correctionWarnings(verdict: Verdict | null, final: boolean, correction: string | null): string[] {
  if (!verdict || correction) return [];
  const which = final ? 'A verdict' : 'A proposed verdict';
  if (correctionRequiredVerdicts.includes(verdict)) return [`${which} of “${verdictLabels[verdict]}” usually needs a proposed correction.`];
  if (verdict === 'needs_context') return ['Consider proposing a correction or the context to add for a claim that needs context.'];
  return [];
}
