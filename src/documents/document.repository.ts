import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import type { Document, DocumentSummary } from './document.js';
import type { DocumentRow, InsertableDocumentRow } from './document.table.js';

/**
 * The columns a Document is made of. Not `select *`: line_bounds (sql/0029) is the reader's
 * alone, an array as long as the text has lines, and would be parsed on every other read.
 */
export const documentColumns = [
  'id',
  'title',
  'language',
  'source_url',
  'body',
  'content_hash',
  'sentence_starts',
  'correction_note',
  'author',
  'publisher',
  'published_at',
  'note_lists_typos',
  'archived_at',
  'archived_by',
  'created_by',
  'created_at',
  'updated_at',
  'version',
] as const satisfies readonly (keyof DocumentRow)[];

export async function insertDocument(trx: Tx, row: InsertableDocumentRow): Promise<Document> {
  return toDocument(await trx.insertInto('documents').values(row).returning(documentColumns).executeTakeFirstOrThrow());
}

export async function findDocumentById(db: Db, id: number): Promise<Document | undefined> {
  const row = await db.selectFrom('documents').select(documentColumns).where('id', '=', id).executeTakeFirst();
  return row && toDocument(row);
}

/** Whole sentences of a document's text, read without the rest of it (findDocumentExcerpt). */
export interface DocumentExcerpt {
  id: number;
  title: string;
  language: string;
  /** The sentences' text. */
  text: string;
  /** Where `text` starts in the document (UTF-16 code units, as claim offsets). */
  offset: number;
  /** Where each of the excerpt's sentences starts in `text`: sentence `firstSentence + i` at `sentenceStarts[i]`. */
  sentenceStarts: number[];
  /** The document's number (from 1) of the excerpt's first sentence. */
  firstSentence: number;
}

/**
 * Sentences `from` to `to` (numbered from 1; `to` past the last means up to the end) of a
 * document, cut in the database: a page about one claim of a long article does not fetch, decode
 * and parse the whole text and its sentence list (540 KB of text cost a claim page 40 ms of app
 * CPU). A text holding characters outside the BMP is read whole: there claim offsets (UTF-16 code
 * units) and substr() (characters) disagree (sql/0024).
 */
export async function findDocumentExcerpt(db: Db, id: number, from: number, to: number): Promise<DocumentExcerpt | undefined> {
  const { rows } = await sql<{ id: number; title: string; language: string; has_astral: boolean; text: string; starts: number[] }>`
    SELECT id, title, language, has_astral,
      CASE WHEN has_astral THEN body
        ELSE substr(body, sentence_starts[${from}] + 1, coalesce(sentence_starts[${to + 1}], char_length(body)) - sentence_starts[${from}]) END AS text,
      CASE WHEN has_astral THEN sentence_starts ELSE sentence_starts[${from}:${to}] END AS starts
    FROM documents WHERE id = ${id}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  const whole = row.has_astral;
  const offset = whole ? 0 : (row.starts[0] ?? 0);
  return {
    id: row.id,
    title: row.title,
    language: row.language,
    text: row.text,
    offset,
    sentenceStarts: row.starts.map((s) => s - offset),
    firstSentence: whole ? 1 : from,
  };
}

/** Locks the document row for the rest of the transaction (re-extraction, merges, note edits). */
export async function lockDocumentById(trx: Tx, id: number): Promise<Document | undefined> {
  const row = await trx.selectFrom('documents').select(documentColumns).where('id', '=', id).forUpdate().executeTakeFirst();
  return row && toDocument(row);
}

/** The oldest document whose text hashes to `contentHash`, archived or not. */
export async function findDocumentByContentHash(db: Db, contentHash: string): Promise<{ id: number; title: string } | undefined> {
  return db
    .selectFrom('documents')
    .select(['id', 'title'])
    .where('content_hash', '=', contentHash)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

export async function countDocuments(db: Db): Promise<number> {
  const row = await db
    .selectFrom('documents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The documents in use (or, with `archived`, the archived ones) with their review progress, newest first, in one query. */
export async function listDocumentSummaries(
  db: Db,
  { archived = false, limit = 500 }: { archived?: boolean; limit?: number } = {},
): Promise<DocumentSummary[]> {
  const rows = await db
    .selectFrom('documents as d')
    .where('d.archived_at', archived ? 'is not' : 'is', null)
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('claims')
          .select([
            'document_id',
            sql<number>`count(*)::int`.as('claim_count'),
            sql<number>`(count(*) FILTER (WHERE status = 'resolved'))::int`.as('resolved_count'),
            sql<number>`(count(*) FILTER (WHERE status = 'dismissed'))::int`.as('dismissed_count'),
            sql<number>`(count(*) FILTER (WHERE status = 'resolved' AND verdict IN ('inaccurate','misleading','needs_context','typo')))::int`.as(
              'error_count',
            ),
          ])
          .groupBy('document_id')
          .as('c'),
      (join) => join.onRef('c.document_id', '=', 'd.id'),
    )
    .select([
      'd.id',
      'd.title',
      'd.language',
      'd.source_url',
      'd.created_at',
      'd.updated_at',
      'd.version',
      'd.archived_at',
      'c.claim_count',
      'c.resolved_count',
      'c.dismissed_count',
      'c.error_count',
    ])
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    language: r.language,
    sourceUrl: r.source_url,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    claimCount: r.claim_count ?? 0,
    resolvedCount: r.resolved_count ?? 0,
    dismissedCount: r.dismissed_count ?? 0,
    errorCount: r.error_count ?? 0,
    archivedAt: r.archived_at,
  }));
}

export function toDocument(row: Pick<DocumentRow, (typeof documentColumns)[number]>): Document {
  return {
    id: row.id,
    title: row.title,
    language: row.language,
    sourceUrl: row.source_url,
    text: row.body,
    contentHash: row.content_hash,
    sentenceStarts: row.sentence_starts,
    correctionNote: row.correction_note,
    author: row.author,
    publisher: row.publisher,
    publishedAt: row.published_at,
    noteListsTypos: row.note_lists_typos,
    archivedAt: row.archived_at,
    archivedBy: row.archived_by,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
