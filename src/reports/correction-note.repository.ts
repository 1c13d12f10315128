import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import type { NoteError, NoteErrors } from './correction-note.js';
import { noteErrorAt, type SentenceText } from './sentence-scope.js';

/**
 * The resolved errors a document's correction note is written from, in text order: at most
 * `limits.facts` factual errors and `limits.typos` corrected typos, with the totals (two queries,
 * whatever the document's size). A passage correction inside a sentence that a sentence-scope
 * correction replaces is left out: the sentence correction holds it.
 */
export async function findNoteErrors(
  db: Db,
  document: SentenceText & { id: number; noteListsTypos: boolean },
  limits: { facts: number; typos: number },
): Promise<NoteErrors> {
  const page = (verdicts: NoteError['verdict'][], withCorrection: boolean, limit: number) =>
    db
      .selectFrom('claims')
      .where('document_id', '=', document.id)
      .where('status', '=', 'resolved')
      .where('verdict', 'in', verdicts)
      .$if(withCorrection, (q) => q.where('correction', 'is not', null))
      .where((eb) =>
        eb.or([
          eb('correction_scope', '=', 'sentence'),
          eb.not(
            eb.exists(
              eb
                .selectFrom('claims as s')
                .select('s.id')
                .whereRef('s.document_id', '=', 'claims.document_id')
                .whereRef('s.sentence_index', '=', 'claims.sentence_index')
                .whereRef('s.id', '<>', 'claims.id')
                .where('s.status', '=', 'resolved')
                .where('s.correction_scope', '=', 'sentence')
                .where('s.correction', 'is not', null)
                .where('s.verdict', 'in', ['inaccurate', 'misleading', 'needs_context', 'typo']),
            ),
          ),
        ]),
      )
      .select([
        'verdict',
        'kind',
        'start_offset',
        'end_offset',
        'correction',
        'correction_scope',
        sql<number>`(count(*) OVER ())::int`.as('total'),
      ])
      .orderBy('start_offset')
      .orderBy('id')
      .limit(limit)
      .execute();
  const [facts, typos] = await Promise.all([
    page(['inaccurate', 'misleading', 'needs_context'], false, limits.facts),
    document.noteListsTypos ? page(['typo'], true, limits.typos) : Promise.resolve([]),
  ]);
  const toError = (r: (typeof facts)[number]) =>
    noteErrorAt(document, {
      verdict: r.verdict as NoteError['verdict'],
      kind: r.kind,
      start: r.start_offset,
      end: r.end_offset,
      correction: r.correction,
      correctionScope: r.correction_scope,
    });
  return {
    facts: facts.map(toError),
    factCount: facts[0]?.total ?? 0,
    typos: typos.map(toError),
    typoCount: typos[0]?.total ?? 0,
    listTypos: document.noteListsTypos,
  };
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
