import type { Ctx } from '../context.js';
import { insertClaimEvents, type NewClaimEvent } from '../history/event.repository.js';
import { invalid, ValidationError } from '../http/errors.js';
import { findUserById } from '../users/user.repository.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import type { BulkInput, BulkResult, BulkStatus } from './bulk.js';
import { lockClaimsByIds, updateLockedClaims } from './bulk.repository.js';
import type { Claim } from './claim.js';
import { applyReviewRules } from './claim-rules.js';
import { requireAssignable } from './claim.policy.js';
import type { UpdateableClaimRow } from './claim.table.js';

/**
 * Assigns, sets the status of, or dismisses many claims at once. All of it happens in one
 * transaction on the claims' current versions (the rows are locked first), with one
 * `claim.updated` event per changed claim. The review rules and permissions apply to every
 * claim as they would to a single edit; if any claim is refused, nothing is written.
 * Queries: a fixed handful, whatever the number of claims (at most 500).
 */
export async function bulkUpdateClaims(
  ctx: Ctx,
  actor: Actor,
  input: BulkInput,
  options: { confirmDismissal?: boolean } = {},
): Promise<BulkResult> {
  requirePermission(actor, 'claim.research');
  const status: BulkStatus | null = input.action === 'dismiss' ? 'dismissed' : input.action === 'status' ? (input.status ?? null) : null;
  if (input.action === 'assign') requirePermission(actor, 'claim.assign');
  if (status === 'dismissed') requirePermission(actor, 'claim.decide');
  // Which companion field an action needs is checked here rather than in the schema, so the
  // message can say what it is for.
  if (input.action === 'status' && !status) throw invalid('status', 'is required: choose the status to set');
  if (status === 'dismissed' && options.confirmDismissal) requireDismissalConfirmed(input);
  if (input.action === 'assign' && input.assigneeId === undefined)
    throw invalid('assigneeId', 'is required: choose a person, or Nobody to unassign');
  const assigneeId = input.action === 'assign' ? (input.assigneeId ?? null) : null;
  const assignee = assigneeId === null ? undefined : await findUserById(ctx.db, assigneeId);
  if (assigneeId !== null) requireAssignable(assignee);

  return ctx.db.transaction().execute(async (trx) => {
    const claims = await lockClaimsByIds(trx, input.claimIds);
    if (claims.length !== new Set(input.claimIds).size) {
      const found = new Set(claims.map((c) => c.id));
      const missing = input.claimIds
        .filter((id) => !found.has(id))
        .slice(0, 10)
        .map((id) => `#${id}`);
      throw invalid(
        'claimIds',
        `${missing.join(', ')} no longer ${missing.length === 1 ? 'exists' : 'exist'} (merged or deleted); reload the list and try again`,
      );
    }
    const changes = claims
      .map((claim) => (status ? statusChange(actor, claim, status, input.reason) : assignChange(claim, assigneeId)))
      .filter((c) => c !== null);
    const values: UpdateableClaimRow = status
      ? { status, verdict: null, resolved_by: null, resolved_at: null }
      : { assignee_id: assigneeId };
    const changed = await updateLockedClaims(
      trx,
      changes.map((c) => c.claim.id),
      values,
    );
    await insertClaimEvents(
      trx,
      changes.map(
        (c): NewClaimEvent => ({
          claimId: c.claim.id,
          documentId: c.claim.documentId,
          actorId: actor.id,
          action: 'claim.updated',
          before: c.before,
          after: c.after,
        }),
      ),
    );
    return {
      action: input.action,
      changed,
      unchanged: claims.length - changed.length,
      assigneeName: assignee?.displayName ?? null,
      status,
    };
  });
}

/** Dismissing from the queue's form is deliberate: a reason and a ticked confirmation, both named if missing. */
function requireDismissalConfirmed(input: BulkInput): void {
  const fields = [
    ...(input.reason?.trim() ? [] : [{ field: 'reason', message: 'is required: say why the selected claims are dismissed' }]),
    ...(input.confirm ? [] : [{ field: 'confirm', message: 'must be ticked to dismiss the selected claims' }]),
  ];
  if (fields.length > 0) throw new ValidationError(fields);
}

interface Change {
  claim: Claim;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** The review rules decide, as for a single edit; a refusal names the claim it is about. */
function statusChange(actor: Actor, claim: Claim, status: BulkStatus, reason: string | undefined): Change | null {
  if (claim.status === status) return null;
  let next: ReturnType<typeof applyReviewRules>['next'];
  try {
    next = applyReviewRules(actor, claim, { version: claim.version, status }).next;
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    throw new ValidationError(err.fields.map((f) => ({ field: f.field, message: `claim #${claim.id}: ${f.message}` })));
  }
  const before: Record<string, unknown> = { status: claim.status };
  const after: Record<string, unknown> = { status: next.status };
  if (status === 'dismissed' && reason?.trim()) after.reason = reason.trim();
  if (claim.verdict !== next.verdict) {
    before.verdict = claim.verdict;
    after.verdict = next.verdict;
  }
  return { claim, before, after };
}

function assignChange(claim: Claim, assigneeId: number | null): Change | null {
  if (claim.assigneeId === assigneeId) return null;
  return { claim, before: { assigneeId: claim.assigneeId }, after: { assigneeId } };
}
