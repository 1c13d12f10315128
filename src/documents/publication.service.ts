import type { Ctx } from '../context.js';
import { conflict, invalid, notFound } from '../http/errors.js';
import { recordAudit } from '../users/audit.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import { findDocumentById, lockDocumentById } from './document.repository.js';
import type { Publication, PublicationInput } from './publication.js';
import { updatePublicationRow } from './publication.repository.js';

const text = (v: string | null | undefined) => (v === undefined ? undefined : v?.replace(/\s+/g, ' ').trim() || null);

function parseDate(v: string | null | undefined): Date | null | undefined {
  if (v === undefined) return undefined;
  if (v === null || v === '') return null;
  const date = new Date(/T/.test(v) ? v : `${v}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw invalid('publishedAt', 'is not a real date');
  return date;
}

/** A document's publication details. */
export async function getPublication(
  ctx: Ctx,
  actor: Actor,
  documentId: number,
): Promise<Publication & { version: number; title: string }> {
  requirePermission(actor, 'document.read');
  const d = await findDocumentById(ctx.db, documentId);
  if (!d) throw notFound('Document');
  return {
    author: d.author,
    publisher: d.publisher,
    publishedAt: d.publishedAt,
    noteListsTypos: d.noteListsTypos,
    version: d.version,
    title: d.title,
  };
}

/**
 * Sets the article's author, publisher, publication date and whether its note lists typos, from
 * the document `version` the editor saw (409 when stale; nothing written). Recorded in the audit log.
 */
export async function updatePublication(
  ctx: Ctx,
  actor: Actor,
  documentId: number,
  input: PublicationInput,
  ip: string | null = null,
): Promise<Publication & { version: number; title: string }> {
  requirePermission(actor, 'document.edit');
  const publishedAt = parseDate(input.publishedAt);
  await ctx.db.transaction().execute(async (trx) => {
    const current = await lockDocumentById(trx, documentId);
    if (!current) throw notFound('Document');
    if (current.version !== input.version)
      throw conflict('The document was changed by someone else since you opened it. Review its details and save again.', {
        current: { version: current.version },
      });
    await updatePublicationRow(trx, documentId, current.version, {
      author: text(input.author),
      publisher: text(input.publisher),
      publishedAt,
      noteListsTypos: input.noteListsTypos,
    });
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'document.publication_edited',
      subject: `document ${documentId}`,
      ip,
      details: { version: current.version + 1 },
    });
  });
  return getPublication(ctx, actor, documentId);
}
