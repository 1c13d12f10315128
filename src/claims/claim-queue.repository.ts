import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database, Db } from '../db/database.js';
import type { CursorKey, QueueClaim, QueueSort } from './claim-queue.js';
import { toClaim } from './claim.repository.js';
import type { ClaimKind, ClaimStatus, Verdict } from './claim-vocabulary.js';

/** Filters with `assignee` already resolved to a user id (`null` = unassigned). */
export interface QueueFilters {
  q?: string;
  status?: ClaimStatus;
  verdict?: Verdict | 'none';
  kind?: ClaimKind;
  documentId?: number;
  assigneeId?: number | null;
}

type Eb = ExpressionBuilder<Database & { c: Database['claims'] }, 'c'>;

// The update time as text with microseconds: a JS Date keeps only milliseconds, which would make
// the cursor skip or repeat rows changed within the same millisecond.
const updatedKey = sql<string>`to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function where(eb: Eb, f: QueueFilters, sort: QueueSort, after: CursorKey | null, fewMatches: boolean): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (f.status) conditions.push(eb('c.status', '=', f.status));
  if (f.verdict === 'none') conditions.push(eb('c.verdict', 'is', null));
  else if (f.verdict) conditions.push(eb('c.verdict', '=', f.verdict));
  if (f.kind) conditions.push(eb('c.kind', '=', f.kind));
  if (f.documentId) conditions.push(eb('c.document_id', '=', f.documentId));
  if (f.assigneeId === null) conditions.push(eb('c.assignee_id', 'is', null));
  else if (f.assigneeId !== undefined) conditions.push(eb('c.assignee_id', '=', f.assigneeId));
  if (f.q) {
    // The claim's own text (quote, correction, explanation), its notes and its sources, each
    // matched through its table's GIN index. An EXISTS per claim row would test every claim
    // (130 ms for a rare word at 100,000 claims); these shapes let the planner do better:
    // few matches → one bitmap of matching claims (BitmapOr with the notes' and sources' claim
    // ids), then a sort; many → the sort index, each row tested against a hashed set of ids.
    const query = sql`websearch_to_tsquery('simple', ${f.q})`;
    const others = sql`SELECT n.claim_id FROM claim_notes n WHERE n.search @@ ${query} UNION SELECT s.claim_id FROM claim_sources s WHERE s.search @@ ${query}`;
    conditions.push(fewMatches ? sql<SqlBool>`(c.search @@ ${query} OR c.id = ANY(ARRAY(${others})))` : sql<SqlBool>`(c.search @@ ${query} OR c.id IN (${others}))`);
  }
  if (after) {
    // Row comparisons match the sort indexes column for column, so the page starts with an index seek.
    if (sort === 'position') conditions.push(sql<SqlBool>`(c.document_id, c.start_offset, c.id) > (${after[0]}::int, ${after[1]}::int, ${after[2]}::int)`);
    else if (sort === 'score') conditions.push(sql<SqlBool>`(c.score, c.id) < (${after[0]}::real, ${after[1]}::int)`);
    else conditions.push(sql<SqlBool>`(c.updated_at, c.id) < (${after[0]}::timestamptz, ${after[1]}::int)`);
  }
  return eb.and(conditions);
}

/**
 * One page of the claim queue in one query, whatever the filters: `limit` rows after the cursor,
 * each with its assignee's, resolver's and document's names and its sort key.
 * With `fewMatches` (a search known to match few claims) the sort key is hidden from the sort
 * indexes: collecting the matches through the GIN indexes and sorting them then beats walking
 * the sort index, where a word found only at the far end of the order would read every claim.
 */
export async function findQueuePage(db: Db, filters: QueueFilters, sort: QueueSort, after: CursorKey | null, limit: number, fewMatches = false): Promise<{ claim: QueueClaim; key: CursorKey }[]> {
  let query = db
    .selectFrom('claims as c')
    .where((eb) => where(eb, filters, sort, after, fewMatches))
    .innerJoin('documents as d', 'd.id', 'c.document_id')
    .leftJoin('users as a', 'a.id', 'c.assignee_id')
    .leftJoin('users as r', 'r.id', 'c.resolved_by')
    .select([
      'c.id', 'c.document_id', 'c.start_offset', 'c.end_offset', 'c.quote', 'c.sentence_index', 'c.kind', 'c.score', 'c.reasons',
      'c.suggestion', 'c.origin', 'c.status', 'c.verdict', 'c.proposed_verdict', 'c.correction', 'c.explanation', 'c.assignee_id', 'c.resolved_by',
      'c.resolved_at', 'c.created_at', 'c.updated_at', 'c.version',
      'a.display_name as assignee_name', 'r.display_name as resolved_by_name', 'd.title as document_title', updatedKey.as('updated_key'),
    ])
    .limit(limit);
  if (sort === 'position') query = query.orderBy(fewMatches ? sql`c.document_id + 0` : 'c.document_id').orderBy('c.start_offset').orderBy('c.id');
  else if (sort === 'score') query = query.orderBy(fewMatches ? sql`c.score + 0` : 'c.score', 'desc').orderBy('c.id', 'desc');
  else query = query.orderBy(fewMatches ? sql`c.updated_at + interval '0 s'` : 'c.updated_at', 'desc').orderBy('c.id', 'desc');
  const rows = await query.execute();
  return rows.map((row) => ({
    claim: { ...toClaim({ ...row, search: '' }), documentTitle: row.document_title },
    key: sort === 'position' ? [row.document_id, row.start_offset, row.id] : sort === 'score' ? [row.score, row.id] : [row.updated_key, row.id],
  }));
}

/** How many claims, notes and sources a search matches, counted through the GIN indexes up to `cap`. */
export async function countSearchMatches(db: Db, q: string, cap: number): Promise<number> {
  const query = sql`websearch_to_tsquery('simple', ${q})`;
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (
      SELECT id FROM claims WHERE search @@ ${query}
      UNION ALL SELECT claim_id FROM claim_notes WHERE search @@ ${query}
      UNION ALL SELECT claim_id FROM claim_sources WHERE search @@ ${query}
      LIMIT ${cap}) AS matches`.execute(db);
  return rows[0]!.n;
}

/** Documents for the queue's document filter: ids and titles only, newest first. */
/**
 * The most recent documents for the filter picker, plus the one currently filtered on, so a
 * workspace of thousands of documents does not send them all with every page.
 */
export async function findDocumentOptions(db: Db, selectedId?: number, limit = 100): Promise<{ id: number; title: string }[]> {
  const recent = db.selectFrom('documents').select(['id', 'title', 'created_at']).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit);
  const rows = selectedId
    ? await db.selectFrom(recent.as('r')).selectAll().union(db.selectFrom('documents').select(['id', 'title', 'created_at']).where('id', '=', selectedId)).orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
    : await recent.execute();
  return rows.map((r) => ({ id: r.id, title: r.title }));
}
