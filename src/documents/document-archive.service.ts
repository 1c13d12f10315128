import type { Ctx } from '../context.js';
import { notFound } from '../http/errors.js';
import { recordAudit } from '../users/audit.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import type { Document } from './document.js';
import { setDocumentArchived } from './document-archive.repository.js';
import { lockDocumentById } from './document.repository.js';

/**
 * Archives a document (or restores it): it leaves the documents list, the claim queue and the
 * pickers, and keeps every claim, source, note and history line, so restoring brings it back as it
 * was. Archiving what is archived (or restoring what is not) changes nothing and writes no audit
 * entry, so a double submit is harmless. The change and its audit entry commit together.
 */
export async function archiveDocument(ctx: Ctx, actor: Actor, id: number, archived: boolean, ip: string | null = null): Promise<Document> {
  requirePermission(actor, 'document.archive');
  return ctx.db.transaction().execute(async (trx) => {
    const current = await lockDocumentById(trx, id);
    if (!current) throw notFound('Document');
    if ((current.archivedAt !== null) === archived) return current;
    const updated = await setDocumentArchived(trx, id, archived, actor.id);
    await recordAudit(trx, {
      actorId: actor.id,
      action: archived ? 'document.archive' : 'document.restore',
      subject: `#${id} ${current.title}`.slice(0, 300),
      ip,
      details: { documentId: id },
    });
    return updated;
  });
}
