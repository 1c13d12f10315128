import type { Tx } from '../db/database.js';

/** Writes a document's publication details (the caller holds its row lock) and bumps its version. */
export async function updatePublicationRow(
  trx: Tx,
  documentId: number,
  version: number,
  values: { author?: string | null; publisher?: string | null; publishedAt?: Date | null; noteListsTypos?: boolean },
): Promise<void> {
  await trx
    .updateTable('documents')
    .set({
      ...(values.author !== undefined ? { author: values.author } : {}),
      ...(values.publisher !== undefined ? { publisher: values.publisher } : {}),
      ...(values.publishedAt !== undefined ? { published_at: values.publishedAt } : {}),
      ...(values.noteListsTypos !== undefined ? { note_lists_typos: values.noteListsTypos } : {}),
      version: version + 1,
      updated_at: new Date(),
    })
    .where('id', '=', documentId)
    .execute();
}
