import type { Tx } from '../db/database.js';
import { documentColumns, toDocument } from './document.repository.js';
import type { Document } from './document.js';

/** Marks the document archived by `userId` now, or (with `archived` false) restores it. */
export async function setDocumentArchived(trx: Tx, id: number, archived: boolean, userId: number | null): Promise<Document> {
  const row = await trx
    .updateTable('documents')
    .set(archived ? { archived_at: new Date(), archived_by: userId } : { archived_at: null, archived_by: null })
    .where('id', '=', id)
    .returning(documentColumns)
    .executeTakeFirstOrThrow();
  return toDocument(row);
}
