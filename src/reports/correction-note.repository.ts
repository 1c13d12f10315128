import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import type { NoteError, NoteErrors } from './correction-note.js';

/**
 * The resolved errors a document's correction note is written from, in text order: at most
 * `limits.facts` factual errors and `limits.typos` corrected typos, with the totals (two queries,
 * whatever the document's size).
 */
export async function findNoteErrors(db: Db, documentId: number, limits: { facts: number; typos: number }): Promise<NoteErrors> {
  const page = (verdicts: NoteError['verdict'][], withCorrection: boolean, limit: number) =>
    db
      .selectFrom('claims')
      .where('document_id', '=', documentId)
      .where('status', '=', 'resolved')
      .where('verdict', 'in', verdicts)
      .$if(withCorrection, (q) => q.where('correction', 'is not', null))
      .select(['verdict', 'quote', 'correction', sql<number>`(count(*) OVER ())::int`.as('total')])
      .orderBy('start_offset')
      .orderBy('id')
      .limit(limit)
      .execute();
  const [facts, typos] = await Promise.all([page(['inaccurate', 'misleading', 'needs_context'], false, limits.facts), page(['typo'], true, limits.typos)]);
  const toError = (r: (typeof facts)[number]): NoteError => ({ verdict: r.verdict as NoteError['verdict'], quote: r.quote, correction: r.correction });
  return { facts: facts.map(toError), factCount: facts[0]?.total ?? 0, typos: typos.map(toError), typoCount: typos[0]?.total ?? 0 };
}

export async function findStoredNote(db: Db, documentId: number): Promise<{ note: string | null; version: number } | undefined> {
  const row = await db.selectFrom('documents').select(['correction_note', 'version']).where('id', '=', documentId).executeTakeFirst();
  return row && { note: row.correction_note, version: row.version };
}

/** Stores a document's correction note if the document is still at `version`, and bumps the version. */
export async function updateCorrectionNoteAtVersion(trx: Tx, documentId: number, version: number, note: string | null): Promise<boolean> {
  const result = await trx
    .updateTable('documents')
    .set({ correction_note: note, version: version + 1, updated_at: new Date() })
    .where('id', '=', documentId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
