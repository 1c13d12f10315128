import type { Tx } from '../db/database.js';
import type { Document } from './document.js';
import { documentColumns, toDocument } from './document.repository.js';

/**
 * Writes a document's metadata only if the row is still at `version`, bumping it by one.
 * @returns the updated document, or undefined when the version no longer matches
 */
export async function updateDocumentMetaAtVersion(
  trx: Tx,
  id: number,
  version: number,
  values: { title: string; source_url: string | null; language: string },
): Promise<Document | undefined> {
  const row = await trx
    .updateTable('documents')
    .set({ ...values, version: version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(documentColumns)
    .executeTakeFirst();
  return row && toDocument(row);
}
