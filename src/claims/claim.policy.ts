import { invalid } from '../http/errors.js';
import { can, type Actor, type Role } from '../users/permissions.js';
import type { ClaimStatus } from './claim-vocabulary.js';

/**
 * Who may do what to which claim: the one place the services, bulk actions, pickers and the
 * views' `can` object ask. Role rules come from the permission table; the object rules (the
 * claim's state, the assignee's role) live here and nowhere else.
 */

/** The fields that carry a review's judgement; once a claim is decided only an editor changes them. */
export const reviewFields = ['verdict', 'proposedVerdict', 'correction', 'explanation', 'kind'] as const;
export type ReviewField = (typeof reviewFields)[number];

/** Resolved and dismissed claims are decisions an editor made. */
export const isDecided = (status: ClaimStatus) => status === 'resolved' || status === 'dismissed';

export const mayReadClaims = (actor: Actor | null | undefined) => can(actor, 'claim.read');
export const mayCreateClaim = (actor: Actor | null | undefined) => can(actor, 'claim.create');
export const mayResearch = (actor: Actor | null | undefined) => can(actor, 'claim.research');
export const mayDecide = (actor: Actor | null | undefined) => can(actor, 'claim.decide');
export const mayAssign = (actor: Actor | null | undefined) => can(actor, 'claim.assign');
export const mayRestructure = (actor: Actor | null | undefined) => can(actor, 'claim.restructure');

/** Moving between open and in review is research; resolving, dismissing or reopening a decided claim is an editor's call. */
export function maySetStatus(actor: Actor | null | undefined, claim: { status: ClaimStatus }, status: ClaimStatus): boolean {
  if (!mayResearch(actor)) return false;
  if (status === claim.status) return true;
  return mayDecide(actor) || (!isDecided(claim.status) && !isDecided(status));
}

/** Review fields of an undecided claim are any researcher's; of a decided one, an editor's (a reviewer adds notes and sources, or proposes reopening). */
export function mayEditReview(actor: Actor | null | undefined, claim: { status: ClaimStatus }): boolean {
  return mayResearch(actor) && (mayDecide(actor) || !isDecided(claim.status));
}

/** Who may be given claims: active users whose role researches them (not viewers, not disabled accounts). */
export function mayBeAssigned(user: { role: Role; disabled: boolean }): boolean {
  return !user.disabled && can({ id: null, name: '', role: user.role }, 'claim.research');
}

/** Throws the form/API error for an assignee the policy refuses (unknown, disabled or a viewer). */
export function requireAssignable(user: { role: Role; disabled: boolean } | undefined): void {
  if (!user || user.disabled) throw invalid('assigneeId', 'must be an active user');
  if (!mayBeAssigned(user)) throw invalid('assigneeId', `must be someone who can research claims, not a ${user.role}`);
}
