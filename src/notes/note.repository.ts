import type { Db, Tx } from '../db/database.js';
import type { Note } from './note.js';
import type { ClaimNoteRow } from './note.table.js';

function selectNotes(db: Db) {
  return db
    .selectFrom('claim_notes as n')
    .leftJoin('users as u', 'u.id', 'n.author_id')
    .selectAll('n')
    .select('u.display_name as author_name');
}

export async function insertNote(trx: Tx, claimId: number, authorId: number | null, body: string): Promise<Note> {
  const { id } = await trx
    .insertInto('claim_notes')
    .values({ claim_id: claimId, author_id: authorId, body })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await findNoteById(trx, id))!;
}

export async function findNoteById(db: Db, id: number): Promise<Note | undefined> {
  const row = await selectNotes(db).where('n.id', '=', id).executeTakeFirst();
  return row && toNote(row);
}

export async function lockNoteById(trx: Tx, id: number): Promise<Note | undefined> {
  const row = await selectNotes(trx).where('n.id', '=', id).forUpdate(['n']).executeTakeFirst();
  return row && toNote(row);
}

export async function findNotesByClaimIds(db: Db, claimIds: readonly number[]): Promise<Note[]> {
  if (claimIds.length === 0) return [];
  return (await selectNotes(db).where('n.claim_id', 'in', claimIds).orderBy('n.claim_id').orderBy('n.id').execute()).map(toNote);
}

export async function updateNoteAtVersion(trx: Tx, id: number, version: number, body: string): Promise<boolean> {
  const r = await trx
    .updateTable('claim_notes')
    .set({ body, edited_at: new Date(), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

function toNote(row: ClaimNoteRow & { author_name: string | null }): Note {
  return {
    id: row.id,
    claimId: row.claim_id,
    authorId: row.author_id,
    authorName: row.author_name,
    body: row.body,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    version: row.version,
  };
}
