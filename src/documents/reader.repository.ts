import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { hasReviewedMatch } from '../matching/match.repository.js';
import { lineBoundsFromStored, lineBoundsOf, type LineBounds } from './reader-parts.js';
import type { ReaderCard, ReaderDocument, ReaderMark } from './reader.js';

/** The reader's document, every claim's mark in text order, and where the text's lines are. */
export interface ReaderSource {
  document: ReaderDocument;
  marks: ReaderMark[];
  lines: LineBounds;
  /**
   * The whole text, when read here: for a document of at most `wholeUpTo` claims (shown whole), or
   * with characters outside the BMP (whose stored line bounds count characters, not UTF-16 code
   * units). Otherwise null: read the part shown with findReaderTextPart.
   */
  text: string | null;
}

/**
 * The reader's document (without the sentence offsets and report fields), every claim of it as the
 * text marks it, and its line bounds, in one query: the document's row beside one row of six
 * comma-separated lists, a column each, from one index-only range scan (sql/0028). One round trip,
 * not two: under review traffic each query also costs the app a switch to the database and back.
 * The text itself comes only when it is shown whole (see ReaderSource.text).
 *
 * Why lists: row by row, 2,000 claims were 2,000 protocol messages of six fields for the app to
 * decode, a quarter of the reader's CPU; as a JSON array per claim the database paid four times as
 * much (json_build_array per row), and as PostgreSQL arrays the driver's array parser cost more
 * than the rows had. The values are ids, offsets and codes of a fixed vocabulary (no commas; no
 * verdict is the empty string). The lists come from one aggregation over one row stream, so they
 * line up; they are checked here and sorted if need be, because an aggregate's input order from a
 * sorted subquery is the usual but not the promised one.
 */
export async function findReaderDocument(db: Db, id: number, wholeUpTo: number): Promise<ReaderSource | undefined> {
  const inOrder = db
    .selectFrom('claims')
    .select(['id', 'start_offset', 'end_offset', 'kind', 'status', 'verdict'])
    .where('document_id', '=', id)
    .orderBy('start_offset')
    .orderBy('end_offset')
    .orderBy('id');
  // An aggregate without GROUP BY is always one row, so the cross join keeps the document's row.
  const lists = db
    .selectFrom(inOrder.as('o'))
    .select([
      sql<number>`count(*)::integer`.as('n'),
      sql<string | null>`string_agg(o.id::text, ',')`.as('ids'),
      sql<string | null>`string_agg(o.start_offset::text, ',')`.as('starts'),
      sql<string | null>`string_agg(o.end_offset::text, ',')`.as('ends'),
      sql<string | null>`string_agg(o.kind, ',')`.as('kinds'),
      sql<string | null>`string_agg(o.status, ',')`.as('statuses'),
      sql<string | null>`string_agg(coalesce(o.verdict, ''), ',')`.as('verdicts'),
    ]);
  const whole = sql<boolean>`(d.has_astral or m.n <= ${wholeUpTo})`;
  const row = await db
    .selectFrom(['documents as d', lists.as('m')])
    .select(['d.id', 'd.title', 'd.language', 'd.source_url', 'd.created_at', 'd.archived_at'])
    .select(['m.ids', 'm.starts', 'm.ends', 'm.kinds', 'm.statuses', 'm.verdicts'])
    .select([
      sql<string | null>`case when ${whole} then d.body end`.as('body'),
      sql<number[] | null>`case when ${whole} then null else d.line_bounds end`.as('line_bounds'),
    ])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    document: {
      id: row.id,
      title: row.title,
      language: row.language,
      sourceUrl: row.source_url,
      createdAt: row.created_at,
      archivedAt: row.archived_at,
    },
    marks: marksOf(row),
    lines: row.body !== null ? lineBoundsOf(row.body) : lineBoundsFromStored(row.line_bounds!),
    text: row.body,
  };
}

/**
 * Characters `from` to `to` of a document's text (the reader's part), cut in the database: true
 * offsets for a text without characters outside the BMP, the only kind whose part is read alone.
 */
export async function findReaderTextPart(db: Db, id: number, from: number, to: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('documents')
    .select(sql<string>`substr(body, ${from + 1}, ${to - from})`.as('text'))
    .where('id', '=', id)
    .where('has_astral', '=', false)
    .executeTakeFirst();
  return row?.text;
}

/** The marks from the six lists (see findReaderDocument). */
export function marksOf(row: {
  ids: string | null;
  starts: string | null;
  ends: string | null;
  kinds: string | null;
  statuses: string | null;
  verdicts: string | null;
}): ReaderMark[] {
  if (row.ids === null) return [];
  const kinds = row.kinds!.split(',') as ReaderMark['kind'][];
  const statuses = row.statuses!.split(',') as ReaderMark['status'][];
  const verdicts = row.verdicts!.split(',') as (ReaderMark['verdict'] | '')[];
  const n = kinds.length;
  const ids = integersOf(row.ids, n);
  const starts = integersOf(row.starts!, n);
  const ends = integersOf(row.ends!, n);
  const marks: ReaderMark[] = new Array(n);
  let inOrder = true;
  for (let i = 0; i < n; i++) {
    marks[i] = { id: ids[i]!, start: starts[i]!, end: ends[i]!, kind: kinds[i]!, status: statuses[i]!, verdict: verdicts[i] || null };
    if (inOrder && i > 0 && textOrder(marks[i - 1]!, marks[i]!) > 0) inOrder = false;
  }
  return inOrder ? marks : marks.sort(textOrder);
}

/**
 * `n` non-negative integers from a comma-separated list of decimal digits, read in one pass:
 * splitting first made a string per number, half the time the marks took for 2,000 claims.
 */
export function integersOf(list: string, n: number): number[] {
  const out: number[] = new Array(n);
  let value = 0;
  let k = 0;
  for (let i = 0; i < list.length; i++) {
    const code = list.charCodeAt(i);
    if (code === 44) {
      out[k++] = value;
      value = 0;
    } else value = value * 10 + (code - 48);
  }
  out[k] = value;
  return out;
}

/** Text order: by start, then end, then id (what the claims' index sorts by). */
const textOrder = (a: ReaderMark, b: ReaderMark) => a.start - b.start || a.end - b.end || a.id - b.id;

/**
 * The side list's cards for the given claims (one page of it), in text order, with the
 * assignee's name, the number of pre-check findings and whether a resolved match exists
 * elsewhere: one query by primary key.
 */
export async function findReaderCards(db: Db, claimIds: readonly number[]): Promise<ReaderCard[]> {
  if (claimIds.length === 0) return [];
  const rows = await db
    .selectFrom('claims as c')
    .leftJoin('users as a', 'a.id', 'c.assignee_id')
    .select([
      'c.id',
      'c.start_offset',
      'c.end_offset',
      'c.quote',
      'c.kind',
      'c.status',
      'c.verdict',
      'a.display_name as assignee_name',
      sql<number>`jsonb_array_length(c.findings)`.as('finding_count'),
      hasReviewedMatch(sql.ref('c.id')).as('reviewed_match'),
    ])
    .where('c.id', 'in', [...claimIds])
    .orderBy('c.start_offset')
    .orderBy('c.end_offset')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    start: r.start_offset,
    end: r.end_offset,
    quote: r.quote,
    kind: r.kind,
    status: r.status,
    verdict: r.verdict,
    assigneeName: r.assignee_name,
    findingCount: r.finding_count,
    reviewedMatch: r.reviewed_match,
  }));
}
