import type { Ctx } from '../context.js';
import { lockDocumentById } from '../documents/document.repository.js';
import { conflict, notFound, unprocessable } from '../http/errors.js';
import { insertClaimEvents } from '../history/event.repository.js';
import { recordAudit } from '../users/audit.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import { generateCorrectionNote, NOTE_LIMITS } from './correction-note.js';
import { findNoteErrors } from './correction-note.repository.js';
import { applyCorrections } from './corrections.js';
import { readAcceptedCorrections } from './report-items.js';
import { findPublishedCorrections, findResolvedErrorClaimIds, findRevisionsByDocumentId, insertRevision } from './revision.repository.js';
import { revisionLabel, type CorrectionRevision, type PublishedCorrection } from './revision.js';

/**
 * Publishes a document's corrections as a new revision: the note (the editor's, or the generated
 * draft), the corrected text and the claims it covers, as they are now. An earlier revision is
 * never rewritten; publishing again adds an "Updated correction". Refused (422) when no claim is
 * resolved as an error, or (409) when nothing changed since the last revision; overlapping
 * corrections are refused (409) as in the exports. The revision, one history event per covered
 * claim and the audit entry commit together.
 */
export async function publishCorrections(
  ctx: Ctx,
  actor: Actor,
  documentId: number,
  ip: string | null = null,
): Promise<CorrectionRevision> {
  requirePermission(actor, 'report.edit_note');
  return ctx.db.transaction().execute(async (trx) => {
    const document = await lockDocumentById(trx, documentId);
    if (!document) throw notFound('Document');
    const claimIds = await findResolvedErrorClaimIds(trx, documentId);
    if (claimIds.length === 0)
      throw unprocessable('Nothing to publish: no claim of this document is resolved as inaccurate, misleading, needs context or typo.');
    const correctedText = applyCorrections(document.text, await readAcceptedCorrections(trx, document));
    // Typos are silent in the note by default; a publication that fixes only typos still says so.
    const errors = await findNoteErrors(trx, document, NOTE_LIMITS);
    const typosOnly = errors.factCount === 0 && !document.noteListsTypos;
    const note =
      document.correctionNote ??
      generateCorrectionNote(
        document.language,
        typosOnly ? await findNoteErrors(trx, { ...document, noteListsTypos: true }, NOTE_LIMITS) : errors,
      );
    if (!note)
      throw unprocessable(
        'Nothing to publish: the resolved claims carry no correction and there is no correction note. Write the note first.',
      );
    const [last] = await findRevisionsByDocumentId(trx, documentId);
    if (last && last.note === note && last.correctedText === correctedText && sameIds(last.claimIds, claimIds)) {
      throw conflict(
        `Nothing changed since revision ${last.number}, published ${last.publishedAt.toISOString()}: there is no update to publish.`,
        { revision: last.number },
      );
    }
    const revision = await insertRevision(trx, {
      documentId,
      number: (last?.number ?? 0) + 1,
      note,
      correctedText,
      claimIds,
      publishedBy: { id: actor.id, name: actor.name },
    });
    await insertClaimEvents(
      trx,
      claimIds.map((claimId) => ({
        claimId,
        documentId,
        actorId: actor.id,
        action: 'correction.published',
        after: { revision: revision.number, label: revisionLabel(revision) },
      })),
    );
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'report.corrections_published',
      subject: `document ${documentId}`,
      ip,
      details: { revision: revision.number, claims: claimIds.length },
    });
    return revision;
  });
}

const sameIds = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** A document's published revisions, newest first (reading the report is enough to see them). */
export async function listRevisions(ctx: Ctx, actor: Actor, documentId: number): Promise<CorrectionRevision[]> {
  requirePermission(actor, 'report.read');
  return findRevisionsByDocumentId(ctx.db, documentId);
}

/** How many revisions the public log and its feeds show. */
export const CORRECTIONS_LOG_SIZE = 100;

/** The public corrections log: published revisions only, newest first. Anyone may read it. */
export async function listPublishedCorrections(ctx: Ctx): Promise<PublishedCorrection[]> {
  return findPublishedCorrections(ctx.db, CORRECTIONS_LOG_SIZE);
}
