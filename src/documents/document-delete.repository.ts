import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.js';

/** What deleting a document takes with it: its claims and their sources and notes. */
export interface DocumentContents {
  claims: number;
  sources: number;
  notes: number;
}

export async function countDocumentContents(db: Db | Tx, documentId: number): Promise<DocumentContents> {
  const row = await db
    .selectFrom('claims as c')
    .where('c.document_id', '=', documentId)
    .select([
      sql<number>`count(*)::int`.as('claims'),
      sql<number>`coalesce(sum((SELECT count(*) FROM claim_sources s WHERE s.claim_id = c.id)), 0)::int`.as('sources'),
      sql<number>`coalesce(sum((SELECT count(*) FROM claim_notes n WHERE n.claim_id = c.id)), 0)::int`.as('notes'),
    ])
    .executeTakeFirstOrThrow();
  return { claims: Number(row.claims), sources: Number(row.sources), notes: Number(row.notes) };
}

/** Deletes the document; its claims, sources, notes and history go with it (ON DELETE CASCADE). */
export async function deleteDocumentById(trx: Tx, id: number): Promise<boolean> {
  const result = await trx.deleteFrom('documents').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
