import type { Ctx } from '../context.js';
import { conflict, notFound } from '../http/errors.js';
import { recordAudit } from '../users/audit.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import { generateCorrectionNote, NOTE_LIMITS, templateLanguage } from './correction-note.js';
import { findNoteErrors, findStoredNote, updateCorrectionNoteAtVersion } from './correction-note.repository.js';
import type { NoteEditInput } from './note-input.js';
import { findDocumentById } from '../documents/document.repository.js';
import type { Document } from '../documents/document.js';

export interface CorrectionNoteState {
  documentId: number;
  title: string;
  language: string;
  /** What an editor saved, or null. */
  stored: string | null;
  /** The note generated from the resolved errors now, or null when there are none. */
  draft: string | null;
  /** The draft's language: the document's, or English when no template exists for it. */
  draftLanguage: string;
  /** The document version an edit must be based on. */
  version: number;
}

/** The draft note for a document, generated from its resolved errors (two queries). */
export async function draftCorrectionNote(ctx: Ctx, document: Document): Promise<string | null> {
  return generateCorrectionNote(document.language, await findNoteErrors(ctx.db, document, NOTE_LIMITS));
}

/** A document's correction note: the stored one, and the draft an editor can start from. */
export async function getCorrectionNote(ctx: Ctx, actor: Actor, documentId: number): Promise<CorrectionNoteState> {
  requirePermission(actor, 'report.read');
  const document = await findDocumentById(ctx.db, documentId);
  if (!document) throw notFound('Document');
  const draft = await draftCorrectionNote(ctx, document);
  return {
    documentId,
    title: document.title,
    language: document.language,
    stored: document.correctionNote,
    draft,
    draftLanguage: templateLanguage(document.language),
    version: document.version,
  };
}

/**
 * Saves the note an editor wrote, from the document `version` they saw; a stale version gets 409
 * carrying the note now stored, and nothing is written. An empty note clears the stored one so
 * the report goes back to the generated draft. The edit is recorded in the audit log.
 */
export async function saveCorrectionNote(
  ctx: Ctx,
  actor: Actor,
  documentId: number,
  input: NoteEditInput,
  ip: string | null = null,
): Promise<CorrectionNoteState> {
  requirePermission(actor, 'report.edit_note');
  const note = input.note?.replace(/\r\n?/g, '\n').trim() || null;
  await ctx.db.transaction().execute(async (trx) => {
    const current = await findStoredNote(trx, documentId);
    if (!current) throw notFound('Document');
    if (current.version !== input.version || !(await updateCorrectionNoteAtVersion(trx, documentId, input.version, note))) {
      throw conflict(
        'The correction note or the document was changed by someone else since you opened it. Review the current note and save yours again.',
        {
          current: { note: current.note, version: current.version },
        },
      );
    }
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'report.note_edited',
      subject: `document ${documentId}`,
      ip,
      details: { version: input.version + 1, cleared: note === null },
    });
  });
  return getCorrectionNote(ctx, actor, documentId);
}

/** The note as an editor opens it to edit: only editors may (report.edit_note). */
export async function openNoteEditor(ctx: Ctx, actor: Actor, documentId: number): Promise<CorrectionNoteState> {
  requirePermission(actor, 'report.edit_note');
  return getCorrectionNote(ctx, actor, documentId);
}
