import type { Claim } from '../claims/claim.js';
import { findClaimsByDocumentId, insertClaims, type NewClaimRow } from '../claims/claim.repository.js';
import type { Ctx } from '../context.js';
import { extract } from '../extraction/index.js';
import { insertCreationEventsForDocument } from '../history/event.repository.js';
import { notFound } from '../http/errors.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import type { Document } from './document.js';
import { lockDocumentById } from './document.repository.js';
import { claimRows } from './document.service.js';
import { sentenceIndexAt } from './spans.js';

export interface ReextractResult {
  document: Document;
  /** The claims this run added, in text order; existing claims are never in it. */
  created: Claim[];
}

/**
 * Runs extraction again over a document and adds only the candidates that are new: a candidate
 * is skipped when a claim of the same kind already covers any part of its span, so claims that
 * reviewers resized, merged, split or dismissed are not proposed a second time. Existing claims
 * are not touched at all. The new claims and their `claim.created` events commit in one
 * transaction.
 */
export async function reextractDocument(ctx: Ctx, actor: Actor, documentId: number): Promise<ReextractResult> {
  requirePermission(actor, 'document.reextract');
  return ctx.db.transaction().execute(async (trx) => {
    // The row lock also holds off claims being added to this document by anyone else until we
    // commit (their foreign-key check needs a share lock on it), so "id > last" below is exact.
    const document = await lockDocumentById(trx, documentId);
    if (!document) throw notFound('Document');
    const existing = await findClaimsByDocumentId(trx, documentId);
    const extraction = extract(document.text, { language: document.language });
    // Sentence numbers come from the stored sentence starts, so old and new claims agree on them.
    const candidates = claimRows(documentId, extraction)
      .filter((candidate) => !existing.some((claim) => claim.kind === candidate.kind && claim.start < candidate.end && candidate.start < claim.end))
      .map((candidate): NewClaimRow => ({ ...candidate, sentenceIndex: sentenceIndexAt(document.sentenceStarts, candidate.start) }));
    if (candidates.length === 0) return { document, created: [] };
    const last = existing.reduce((max, claim) => Math.max(max, claim.id), 0);
    await insertClaims(trx, candidates);
    await insertCreationEventsForDocument(trx, documentId, actor.id, last);
    const created = (await findClaimsByDocumentId(trx, documentId)).filter((claim) => claim.id > last);
    return { document, created };
  });
}
