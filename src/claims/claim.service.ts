import type { Ctx } from '../context.js';
import type { Tx } from '../db/database.js';
import { findDocumentById } from '../documents/document.repository.js';
import { findOccurrence, sentenceIndexAt } from '../documents/spans.js';
import { conflict, invalid, notFound } from '../http/errors.js';
import { findEventsByClaimId, insertClaimEvents } from '../history/event.repository.js';
import { findNotesByClaimIds } from '../notes/note.repository.js';
import { findSourcesByClaimIds } from '../sources/source.repository.js';
import { findUserById } from '../users/user.repository.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import { requireAssignable } from './claim.policy.js';
import type { Claim, ClaimPatch, NewClaimInput } from './claim.js';
import { applyReviewRules } from './claim-rules.js';
import { applyCorrectionRules } from './correction-rules.js';
import { findClaimById, findClaimsByDocumentId, insertClaims, lockClaimById, updateClaimAtVersion } from './claim.repository.js';
import type { UpdateableClaimRow } from './claim.table.js';
import { refreshMatches } from '../matching/match.service.js';
import type { SentenceText } from '../reports/sentence-scope.js';

/** A document's claims in text order. */
export async function listDocumentClaims(ctx: Ctx, actor: Actor, documentId: number): Promise<Claim[]> {
  requirePermission(actor, 'claim.read');
  if (!(await findDocumentById(ctx.db, documentId))) throw notFound('Document');
  return findClaimsByDocumentId(ctx.db, documentId);
}

export async function getClaim(ctx: Ctx, actor: Actor, id: number): Promise<Claim> {
  requirePermission(actor, 'claim.read');
  const claim = await findClaimById(ctx.db, id);
  if (!claim) throw notFound('Claim');
  return claim;
}

const trackedFields = [
  'status',
  'verdict',
  'proposedVerdict',
  'correction',
  'correctionScope',
  'claimStatement',
  'explanation',
  'assigneeId',
  'kind',
] as const;

/**
 * Applies a review change made from `patch.version`. The change and its `claim.updated` event
 * commit together. A stale version gets 409 carrying the current claim; nothing is written.
 */
export async function updateClaim(ctx: Ctx, actor: Actor, id: number, patch: ClaimPatch): Promise<{ claim: Claim; warnings: string[] }> {
  requirePermission(actor, 'claim.research');
  if (patch.assigneeId !== undefined) requirePermission(actor, 'claim.assign');
  if (patch.assigneeId) requireAssignable(await findUserById(ctx.db, patch.assigneeId));
  return ctx.db.transaction().execute((trx) => applyClaimPatch(trx, ctx.config, actor, id, patch));
}

/**
 * updateClaim's work inside the caller's transaction (reusing a review runs it together with
 * copying the sources). `provenance` goes into the history event, whose action it may rename.
 */
export async function applyClaimPatch(
  trx: Tx,
  config: Ctx['config'],
  actor: Actor,
  id: number,
  patch: ClaimPatch,
  provenance?: { action: string; after: Record<string, unknown> },
): Promise<{ claim: Claim; warnings: string[] }> {
  const current = await lockClaimById(trx, id);
  if (!current) throw notFound('Claim');
  if (current.version !== patch.version) throw staleClaim(current);
  const { next, warnings: reviewWarnings } = applyReviewRules(actor, current, patch);
  const { warnings: evidenceWarnings, ...correction } = await applyCorrectionRules(trx, config, current, patch, next);
  // A typo that took its suggestion has its correction now: the "needs a correction" advice is moot.
  const warnings = [...(correction.correction === next.correction ? reviewWarnings : []), ...evidenceWarnings];
  const after: Claim = {
    ...current,
    ...next,
    ...correction,
    claimStatement: patch.claimStatement === undefined ? current.claimStatement : patch.claimStatement?.trim() || null,
    explanation: patch.explanation === undefined ? current.explanation : patch.explanation,
    assigneeId: patch.assigneeId === undefined ? current.assigneeId : patch.assigneeId,
    kind: patch.kind ?? current.kind,
  };
  const changed = trackedFields.filter((f) => after[f] !== current[f]);
  if (changed.length === 0 && !provenance) return { claim: current, warnings };
  const values: UpdateableClaimRow = {
    status: after.status,
    verdict: after.verdict,
    proposed_verdict: after.proposedVerdict,
    correction: after.correction,
    correction_scope: after.correctionScope,
    claim_statement: after.claimStatement,
    explanation: after.explanation,
    assignee_id: after.assigneeId,
    kind: after.kind,
  };
  if (after.status === 'resolved' && current.status !== 'resolved')
    Object.assign(values, { resolved_by: actor.id, resolved_at: new Date() });
  if (after.status !== 'resolved') Object.assign(values, { resolved_by: null, resolved_at: null });
  if (!(await updateClaimAtVersion(trx, id, patch.version, values))) throw staleClaim(current);
  await insertClaimEvents(trx, [
    {
      claimId: id,
      documentId: current.documentId,
      actorId: actor.id,
      action: provenance?.action ?? 'claim.updated',
      before: Object.fromEntries(changed.map((f) => [f, current[f]])),
      after: { ...Object.fromEntries(changed.map((f) => [f, after[f]])), ...provenance?.after },
    },
  ]);
  // A spelling claim matches only spelling claims, so a change of kind changes its matches.
  if (changed.includes('kind')) await refreshMatches(trx, [id]);
  const claim = await findClaimById(trx, id);
  return { claim: claim!, warnings };
}

/** Adds a claim a reviewer marked by hand, by span or by quoted passage and occurrence. */
export async function createClaim(ctx: Ctx, actor: Actor, documentId: number, input: NewClaimInput): Promise<Claim> {
  requirePermission(actor, 'claim.create');
  const document = await findDocumentById(ctx.db, documentId);
  if (!document) throw notFound('Document');
  const { start, end } = resolveSpan(document.text, input);
  return ctx.db.transaction().execute(async (trx) => {
    const quote = document.text.slice(start, end);
    const inserted = await insertClaims(trx, [
      {
        documentId,
        start,
        end,
        quote,
        sentenceIndex: sentenceIndexAt(document.sentenceStarts, start),
        kind: input.kind,
        score: 1,
        reasons: ['marked by a reviewer'],
        suggestion: null,
        origin: 'manual',
      },
    ]);
    if (inserted === 0) throw conflict(`That passage is already a ${input.kind} claim.`);
    const row = await trx
      .selectFrom('claims')
      .select('id')
      .where('document_id', '=', documentId)
      .where('start_offset', '=', start)
      .where('end_offset', '=', end)
      .where('kind', '=', input.kind)
      .executeTakeFirstOrThrow();
    await insertClaimEvents(trx, [
      {
        claimId: row.id,
        documentId,
        actorId: actor.id,
        action: 'claim.created',
        after: { kind: input.kind, quote, start, end, origin: 'manual' },
      },
    ]);
    await refreshMatches(trx, [row.id]);
    return (await findClaimById(trx, row.id))!;
  });
}

function resolveSpan(text: string, input: NewClaimInput): { start: number; end: number } {
  if (input.start !== undefined || input.end !== undefined) {
    if (input.start === undefined || input.end === undefined)
      throw invalid(input.start === undefined ? 'start' : 'end', 'is required with a span');
    if (input.end <= input.start) throw invalid('end', 'must be after start');
    if (input.end > text.length) throw invalid('end', `must be at most ${text.length}, the length of the text`);
    if (text.slice(input.start, input.end).trim() === '') throw invalid('start', 'the span holds only white space');
    if (input.quote !== undefined && text.slice(input.start, input.end) !== input.quote)
      throw invalid('quote', 'does not match the text at that span');
    return { start: input.start, end: input.end };
  }
  if (input.quote === undefined) throw invalid('quote', 'is required (or give start and end)');
  const { start, count } = findOccurrence(text, input.quote, input.occurrence ?? 1);
  if (count === 0) throw invalid('quote', 'does not appear in the document; copy the passage exactly');
  if (start === -1) throw invalid('occurrence', `must be between 1 and ${count}: the passage appears ${count} times`);
  if (count > 1 && input.occurrence === undefined) throw invalid('occurrence', `is required: the passage appears ${count} times`);
  return { start, end: start + input.quote.length };
}

/** Dismisses a claim (not check-worthy, or a duplicate): an editor's decision, recorded like any change. */
export async function dismissClaim(ctx: Ctx, actor: Actor, id: number, version: number): Promise<{ claim: Claim; warnings: string[] }> {
  requirePermission(actor, 'claim.decide');
  return updateClaim(ctx, actor, id, { version, status: 'dismissed' });
}

/** The 409 for an edit based on an old version; `details.current` lets the page show both versions. */
export function staleClaim(current: Claim) {
  return conflict('This claim was changed by someone else since you opened it. Review the current version and apply your change again.', {
    current,
  });
}

/** The text a claim's corrected sentence is cut from (its document's text and sentence starts). */
export async function claimSentenceText(ctx: Ctx, claim: Claim): Promise<SentenceText> {
  const document = await findDocumentById(ctx.db, claim.documentId);
  if (!document) throw notFound('Document');
  return { text: document.text, sentenceStarts: document.sentenceStarts };
}

/** A claim with its sources, notes and history: four queries, whatever their sizes. */
export async function getClaimDetail(ctx: Ctx, actor: Actor, id: number) {
  const claim = await getClaim(ctx, actor, id);
  const [sources, notes, events] = await Promise.all([
    findSourcesByClaimIds(ctx.db, [id]),
    findNotesByClaimIds(ctx.db, [id]),
    findEventsByClaimId(ctx.db, id),
  ]);
  return { claim, sources, notes, events };
}
