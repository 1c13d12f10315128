import type { Ctx } from '../context.js';
import { conflict, notFound } from '../http/errors.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import type { Document } from './document.js';
import type { DocumentEdit } from './document-edit.js';
import { updateDocumentMetaAtVersion } from './document-edit.repository.js';
import { lockDocumentById } from './document.repository.js';

/**
 * Changes a document's title, source link or language, made from `edit.version`
 * (optimistic concurrency, as for claims). A stale version gets 409 carrying the current
 * document and nothing is written. Document metadata has no history of its own: claim history
 * records claims, and the version is what protects a concurrent editor's work.
 */
export async function editDocument(ctx: Ctx, actor: Actor, id: number, edit: DocumentEdit): Promise<Document> {
  requirePermission(actor, 'document.edit');
  return ctx.db.transaction().execute(async (trx) => {
    const current = await lockDocumentById(trx, id);
    if (!current) throw notFound('Document');
    if (current.version !== edit.version) throw staleDocument(current);
    const next = {
      title: edit.title?.trim() ?? current.title,
      source_url: edit.sourceUrl === undefined ? current.sourceUrl : edit.sourceUrl,
      language: edit.language ?? current.language,
    };
    if (next.title === current.title && next.source_url === current.sourceUrl && next.language === current.language) return current;
    const updated = await updateDocumentMetaAtVersion(trx, id, edit.version, next);
    if (!updated) throw staleDocument(current);
    return updated;
  });
}

function staleDocument(current: Document) {
  const { text: _text, ...withoutText } = current;
  return conflict(
    'This document was changed by someone else since you opened it. Review the current version and apply your change again.',
    { current: withoutText },
  );
}
