import { refreshMatches } from '../matching/match.service.js';
import type { Ctx } from '../context.js';
import type { Tx } from '../db/database.js';
import { lockDocumentById } from '../documents/document.repository.js';
import type { Document } from '../documents/document.js';
import { sentenceIndexAt } from '../documents/spans.js';
import { conflict, invalid, notFound } from '../http/errors.js';
import { findEventsByClaimId, insertClaimEvents } from '../history/event.repository.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import type { Claim } from './claim.js';
import { findClaimById, lockClaimById, updateClaimAtVersion } from './claim.repository.js';
import { staleClaim } from './claim.service.js';
import type { MergeInput, SplitInput } from './restructure.js';
import { deleteClaim, findAdjacentClaims, findClaimAtSpan, insertSplitPart, moveEvidence } from './restructure.repository.js';

/** What history keeps of a claim's state before a merge or split. */
const snapshot = (c: Claim) => ({
  id: c.id,
  start: c.start,
  end: c.end,
  quote: c.quote,
  kind: c.kind,
  status: c.status,
  verdict: c.verdict,
  proposedVerdict: c.proposedVerdict,
  correction: c.correction,
  explanation: c.explanation,
  assigneeId: c.assigneeId,
  version: c.version,
});

/**
 * Locks the claim's document (so two restructures of one document take turns), then the claim,
 * and checks the version the editor saw.
 */
async function lockForRestructure(trx: Tx, id: number, version: number): Promise<{ document: Document; claim: Claim }> {
  const seen = await findClaimById(trx, id);
  if (!seen) throw notFound('Claim');
  const document = await lockDocumentById(trx, seen.documentId);
  const claim = await lockClaimById(trx, id);
  if (!document || !claim) throw notFound('Claim');
  if (claim.version !== version) throw staleClaim(claim);
  return { document, claim };
}

async function refuseDuplicate(trx: Tx, claim: Claim, start: number, end: number, exceptIds: number[]): Promise<void> {
  const other = await findClaimAtSpan(trx, claim.documentId, start, end, claim.kind, exceptIds);
  if (other) throw conflict(`Claim #${other} already covers exactly that passage as a ${claim.kind} claim.`, { claimId: other });
}

/**
 * Merges a claim with the previous or next claim in text order. The claim keeps its id and
 * review state and grows to span both; the other claim's sources and notes move to it and the
 * other claim is removed. One `claim.merged` event records both claims as they were. One transaction.
 */
export async function mergeClaim(ctx: Ctx, actor: Actor, id: number, input: MergeInput): Promise<{ claim: Claim; absorbedId: number }> {
  requirePermission(actor, 'claim.restructure');
  return ctx.db.transaction().execute(async (trx) => {
    const { document, claim } = await lockForRestructure(trx, id, input.version);
    const neighbour = (await findAdjacentClaims(trx, claim))[input.with];
    if (!neighbour)
      throw invalid('with', `there is no ${input.with === 'next' ? 'next' : 'previous'} claim in this document to merge with`);
    const absorbed = (await lockClaimById(trx, neighbour.id))!;
    if (absorbed.id !== input.withId || absorbed.version !== input.withVersion) {
      throw conflict(
        `The ${input.with === 'next' ? 'next' : 'previous'} claim changed since you opened this page (it is now #${absorbed.id}, version ${absorbed.version}). Look at it again before merging.`,
        { neighbourId: absorbed.id, neighbourVersion: absorbed.version },
      );
    }
    const start = Math.min(claim.start, absorbed.start);
    const end = Math.max(claim.end, absorbed.end);
    await refuseDuplicate(trx, claim, start, end, [claim.id, absorbed.id]);
    const absorbedHistory = (await findEventsByClaimId(trx, absorbed.id)).map((e) => ({
      action: e.action,
      actorName: e.actorName,
      at: e.createdAt,
      before: e.before,
      after: e.after,
    }));
    const moved = await moveEvidence(trx, absorbed.id, claim.id);
    await deleteClaim(trx, absorbed.id);
    const written = await updateClaimAtVersion(trx, claim.id, claim.version, {
      start_offset: start,
      end_offset: end,
      quote: document.text.slice(start, end),
      sentence_index: sentenceIndexAt(document.sentenceStarts, start),
      score: Math.max(claim.score, absorbed.score),
      reasons: JSON.stringify([...new Set([...claim.reasons, ...absorbed.reasons])]),
      suggestion: claim.suggestion ?? absorbed.suggestion,
      proposed_verdict: claim.proposedVerdict ?? absorbed.proposedVerdict,
      correction: claim.correction ?? absorbed.correction,
      explanation: claim.explanation ?? absorbed.explanation,
      assignee_id: claim.assigneeId ?? absorbed.assigneeId,
    });
    if (!written) throw staleClaim(claim);
    const merged = (await findClaimById(trx, claim.id))!;
    await insertClaimEvents(trx, [
      {
        claimId: claim.id,
        documentId: claim.documentId,
        actorId: actor.id,
        action: 'claim.merged',
        before: { survivor: snapshot(claim), absorbed: { ...snapshot(absorbed), history: absorbedHistory } },
        after: { ...snapshot(merged), absorbedId: absorbed.id, movedSources: moved.sources, movedNotes: moved.notes },
      },
    ]);
    await refreshMatches(trx, [claim.id]);
    return { claim: merged, absorbedId: absorbed.id };
  });
}

/**
 * Splits a claim at a document offset inside its span. The claim keeps the first part (and its
 * sources, notes and review state); a new open claim of the same kind gets the second part.
 * White space at the cut is left out of both parts. `claim.split` events go on both claims.
 */
export async function splitClaim(ctx: Ctx, actor: Actor, id: number, input: SplitInput): Promise<{ claim: Claim; created: Claim }> {
  requirePermission(actor, 'claim.restructure');
  return ctx.db.transaction().execute(async (trx) => {
    const { document, claim } = await lockForRestructure(trx, id, input.version);
    if (input.at <= claim.start || input.at >= claim.end) {
      throw invalid('at', `must be inside the claim, between ${claim.start + 1} and ${claim.end - 1}`);
    }
    const first = document.text.slice(claim.start, input.at).trimEnd();
    const secondRaw = document.text.slice(input.at, claim.end);
    const second = secondRaw.trimStart();
    if (!first.trim() || !second.trim()) throw invalid('at', 'would leave a part with only white space; choose a point between words');
    const firstEnd = claim.start + first.length;
    const secondStart = claim.end - second.length;
    await refuseDuplicate(trx, claim, claim.start, firstEnd, [claim.id]);
    await refuseDuplicate(trx, claim, secondStart, claim.end, [claim.id]);
    if (!(await updateClaimAtVersion(trx, claim.id, claim.version, { end_offset: firstEnd, quote: first }))) throw staleClaim(claim);
    const createdId = await insertSplitPart(trx, claim, {
      documentId: claim.documentId,
      start: secondStart,
      end: claim.end,
      quote: second,
      sentenceIndex: sentenceIndexAt(document.sentenceStarts, secondStart),
    });
    const span = (start: number, end: number, quote: string) => ({ start, end, quote });
    await insertClaimEvents(trx, [
      {
        claimId: claim.id,
        documentId: claim.documentId,
        actorId: actor.id,
        action: 'claim.split',
        before: span(claim.start, claim.end, claim.quote),
        after: { ...span(claim.start, firstEnd, first), newClaimId: createdId },
      },
      {
        claimId: createdId,
        documentId: claim.documentId,
        actorId: actor.id,
        action: 'claim.split',
        after: { ...span(secondStart, claim.end, second), kind: claim.kind, splitFrom: claim.id },
      },
    ]);
    await refreshMatches(trx, [claim.id, createdId]);
    return { claim: (await findClaimById(trx, claim.id))!, created: (await findClaimById(trx, createdId))! };
  });
}
