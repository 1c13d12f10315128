import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database, Db } from '../db/database.js';
import type { CursorKey, QueueClaim, QueueRowColumns, QueueSort } from './claim-queue.js';
import { claimColumns, toClaim } from './claim.repository.js';
import { hasReviewedMatch } from '../matching/match.repository.js';
import type { ClaimKind, ClaimStatus, Verdict } from './claim-vocabulary.js';

/** Filters with `assignee` already resolved to a user id (`null` = unassigned). */
export interface QueueFilters {
  q?: string;
  status?: ClaimStatus;
  verdict?: Verdict | 'none';
  kind?: ClaimKind;
  documentId?: number;
  assigneeId?: number | null;
  /** Only claims with a resolved match in another document. */
  seenReviewed?: boolean;
  /** Only claims with pre-check findings (sql/0017). */
  findings?: 'yes';
}

type Eb = ExpressionBuilder<Database & { c: Database['claims'] }, 'c'>;

// The update time as text with microseconds: a JS Date keeps only milliseconds, which would make
// the cursor skip or repeat rows changed within the same millisecond.
const updatedKey = sql<string>`to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

// Whether a claim has a resolved match in another document (the seen-before filter, and the sort that puts such claims first).
const seenReviewed = hasReviewedMatch(sql.ref('c.id'));

function where(eb: Eb, f: QueueFilters, sort: QueueSort, after: CursorKey | null): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (f.status) conditions.push(eb('c.status', '=', f.status));
  if (f.verdict === 'none') conditions.push(eb('c.verdict', 'is', null));
  else if (f.verdict) conditions.push(eb('c.verdict', '=', f.verdict));
  if (f.kind) conditions.push(eb('c.kind', '=', f.kind));
  if (f.documentId) conditions.push(eb('c.document_id', '=', f.documentId));
  // Archived documents leave the queue, unless the filter names one (its reader links here).
  // The archived set is small and partially indexed (sql/0019), so this is one hashed lookup.
  else conditions.push(sql<SqlBool>`c.document_id NOT IN (SELECT id FROM documents WHERE archived_at IS NOT NULL)`);
  if (f.findings === 'yes') conditions.push(sql<SqlBool>`c.findings <> '[]'::jsonb`);
  if (f.assigneeId === null) conditions.push(eb('c.assignee_id', 'is', null));
  else if (f.assigneeId !== undefined) conditions.push(eb('c.assignee_id', '=', f.assigneeId));
  if (f.seenReviewed) {
    conditions.push(sql<SqlBool>`${seenReviewed}`);
  }
  if (f.q) {
    // One expression index covers the claim's own text and its notes' and sources' words
    // (research_search, kept by triggers: sql/0009), so the planner estimates a search like any
    // other filter: a rare word is collected through the index and sorted, a common one walks the
    // sort index until the page is full.
    conditions.push(sql<SqlBool>`(c.search || c.research_search) @@ websearch_to_tsquery('simple', ${f.q})`);
  }
  if (after) {
    // Row comparisons match the sort indexes column for column, so the page starts with an index seek.
    if (sort === 'position')
      conditions.push(sql<SqlBool>`(c.document_id, c.start_offset, c.id) > (${after[0]}::int, ${after[1]}::int, ${after[2]}::int)`);
    else if (sort === 'score') conditions.push(sql<SqlBool>`(c.score, c.id) < (${after[0]}::real, ${after[1]}::int)`);
    // Reviewed-match claims (1) before the others (0), each group in text order: no index serves
    // this mixed order, so the sort is computed for every claim the filters leave (an opt-in order).
    else if (sort === 'seen')
      conditions.push(
        sql<SqlBool>`((${seenReviewed})::int < ${after[0]}::int OR ((${seenReviewed})::int = ${after[0]}::int AND (c.document_id, c.start_offset, c.id) > (${after[1]}::int, ${after[2]}::int, ${after[3]}::int)))`,
      );
    else conditions.push(sql<SqlBool>`(c.updated_at, c.id) < (${after[0]}::timestamptz, ${after[1]}::int)`);
  }
  return eb.and(conditions);
}

/** The rows of one page after the cursor, with their document's title and sort key; the caller picks the columns. */
function queueQuery(db: Db, filters: QueueFilters, sort: QueueSort, after: CursorKey | null, limit: number) {
  let query = db
    .selectFrom('claims as c')
    .where((eb) => where(eb, filters, sort, after))
    .innerJoin('documents as d', 'd.id', 'c.document_id')
    .select(['c.id', 'c.document_id', 'c.start_offset', 'c.score', 'd.title as document_title', updatedKey.as('updated_key')])
    .select(sort === 'seen' ? sql<number>`(${seenReviewed})::int`.as('seen_key') : sql<number>`0`.as('seen_key'))
    .limit(limit);
  if (sort === 'seen') query = query.orderBy(sql`seen_key`, 'desc').orderBy('c.document_id').orderBy('c.start_offset').orderBy('c.id');
  else if (sort === 'position') query = query.orderBy('c.document_id').orderBy('c.start_offset').orderBy('c.id');
  else if (sort === 'score') query = query.orderBy('c.score', 'desc').orderBy('c.id', 'desc');
  else query = query.orderBy('c.updated_at', 'desc').orderBy('c.id', 'desc');
  return query;
}

type KeyColumns = { id: number; document_id: number; start_offset: number; score: number; updated_key: string; seen_key: number };
const cursorKey = (sort: QueueSort, row: KeyColumns): CursorKey =>
  sort === 'seen'
    ? [Number(row.seen_key) === 1 ? 1 : 0, row.document_id, row.start_offset, row.id]
    : sort === 'position'
      ? [row.document_id, row.start_offset, row.id]
      : sort === 'score'
        ? [row.score, row.id]
        : [row.updated_key, row.id];

/**
 * One page of the claim queue as whole claims (the API), in one query whatever the filters:
 * `limit` rows after the cursor, each with its assignee's, resolver's and document's names.
 */
export async function findQueuePage(
  db: Db,
  filters: QueueFilters,
  sort: QueueSort,
  after: CursorKey | null,
  limit: number,
): Promise<{ claim: QueueClaim; key: CursorKey }[]> {
  const rows = await queueQuery(db, filters, sort, after, limit)
    .leftJoin('users as a', 'a.id', 'c.assignee_id')
    .leftJoin('users as r', 'r.id', 'c.resolved_by')
    .select(claimColumns)
    .select(['a.display_name as assignee_name', 'r.display_name as resolved_by_name'])
    .execute();
  return rows.map((row) => ({ claim: { ...toClaim(row), documentTitle: row.document_title }, key: cursorKey(sort, row) }));
}

/**
 * The same page as the queue's table shows it: only the columns it prints, and no joins with
 * users (the page has the users already, for its pickers). At 100,000 claims this halves the
 * query's cost on PGlite, where planning two more joins and parsing 25 columns of 51 rows is
 * work in the app's own thread.
 */
export async function findQueueRows(
  db: Db,
  filters: QueueFilters,
  sort: QueueSort,
  after: CursorKey | null,
  limit: number,
): Promise<{ row: QueueRowColumns; key: CursorKey }[]> {
  const rows = await queueQuery(db, filters, sort, after, limit)
    .select(['c.quote', 'c.kind', 'c.status', 'c.verdict', 'c.correction', 'c.assignee_id', 'c.updated_at'])
    .execute();
  return rows.map((r) => ({
    row: {
      id: r.id,
      documentId: r.document_id,
      documentTitle: r.document_title,
      quote: r.quote,
      kind: r.kind,
      score: r.score,
      status: r.status,
      verdict: r.verdict,
      correction: r.correction,
      assigneeId: r.assignee_id,
      updatedAt: r.updated_at,
    },
    key: cursorKey(sort, r),
  }));
}

/**
 * The most recent documents for the filter picker, plus the one currently filtered on, so a
 * workspace of thousands of documents does not send them all with every page.
 */
export async function findDocumentOptions(db: Db, selectedId?: number, limit = 100): Promise<{ id: number; title: string }[]> {
  const recent = db
    .selectFrom('documents')
    .select(['id', 'title', 'created_at'])
    .where('archived_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
  const rows = selectedId
    ? await db
        .selectFrom(recent.as('r'))
        .selectAll()
        .union(db.selectFrom('documents').select(['id', 'title', 'created_at']).where('id', '=', selectedId))
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute()
    : await recent.execute();
  return rows.map((r) => ({ id: r.id, title: r.title }));
}
