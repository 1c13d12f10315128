import type { Ctx } from '../context.js';
import { notFound } from '../http/errors.js';
import { recordAudit } from '../users/audit.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import { countDocumentContents, deleteDocumentById, type DocumentContents } from './document-delete.repository.js';
import { findDocumentById, lockDocumentById } from './document.repository.js';

/** What the confirmation page names: the document and everything deleting it loses. */
export interface DeletionPreview {
  id: number;
  title: string;
  contents: DocumentContents;
}

/** The confirmation page's facts; editors only, as the deletion itself. */
export async function previewDocumentDeletion(ctx: Ctx, actor: Actor, id: number): Promise<DeletionPreview> {
  requirePermission(actor, 'document.delete');
  const document = await findDocumentById(ctx.db, id);
  if (!document) throw notFound('Document');
  return { id, title: document.title, contents: await countDocumentContents(ctx.db, id) };
}

/**
 * Deletes a document with its claims, sources, notes and history, and records in the audit log
 * who deleted what (the history goes with the document, so the audit log is what remains).
 * Both commit in one transaction.
 */
export async function deleteDocument(ctx: Ctx, actor: Actor, id: number, ip: string | null = null): Promise<DeletionPreview> {
  requirePermission(actor, 'document.delete');
  return ctx.db.transaction().execute(async (trx) => {
    const document = await lockDocumentById(trx, id);
    if (!document) throw notFound('Document');
    const contents = await countDocumentContents(trx, id);
    await deleteDocumentById(trx, id);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'document.delete',
      subject: `#${id} ${document.title}`.slice(0, 300),
      ip,
      details: { documentId: id, ...contents },
    });
    return { id, title: document.title, contents };
  });
}
