import type { Db, Tx } from '../db/database.js';
import type { CorrectionRevision, PublishedCorrection } from './revision.js';
import type { CorrectionRevisionRow } from './revision.table.js';

const toRevision = (r: CorrectionRevisionRow): CorrectionRevision => ({
  id: r.id,
  documentId: r.document_id,
  number: r.number,
  note: r.note,
  correctedText: r.corrected_text,
  claimIds: r.claim_ids,
  publishedAt: r.published_at,
  publishedBy: { id: r.published_by, name: r.published_by_name },
});

/** Adds the next revision of a document (the caller holds the document's row lock, so numbers never clash). */
export async function insertRevision(trx: Tx, r: Omit<CorrectionRevision, 'id' | 'publishedAt'>): Promise<CorrectionRevision> {
  const row = await trx
    .insertInto('correction_revisions')
    .values({
      document_id: r.documentId,
      number: r.number,
      note: r.note,
      corrected_text: r.correctedText,
      claim_ids: r.claimIds,
      published_by: r.publishedBy.id,
      published_by_name: r.publishedBy.name,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRevision(row);
}

/** A document's revisions, newest first. */
export async function findRevisionsByDocumentId(db: Db, documentId: number): Promise<CorrectionRevision[]> {
  const rows = await db
    .selectFrom('correction_revisions')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('number', 'desc')
    .execute();
  return rows.map(toRevision);
}

/** The public corrections log: published revisions across documents, newest first (one query). */
export async function findPublishedCorrections(db: Db, limit: number): Promise<PublishedCorrection[]> {
  const rows = await db
    .selectFrom('correction_revisions as r')
    .innerJoin('documents as d', 'd.id', 'r.document_id')
    .selectAll('r')
    .select(['d.title', 'd.source_url', 'd.language'])
    .orderBy('r.published_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...toRevision(r), title: r.title, sourceUrl: r.source_url, language: r.language }));
}

/** The claims a publication covers: every claim of the document resolved as an error, in text order. */
export async function findResolvedErrorClaimIds(db: Db, documentId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('claims')
    .select('id')
    .where('document_id', '=', documentId)
    .where('status', '=', 'resolved')
    .where('verdict', 'in', ['inaccurate', 'misleading', 'needs_context', 'typo'])
    .orderBy('start_offset')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}
