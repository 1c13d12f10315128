import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { ReaderCard, ReaderDocument, ReaderMark } from './reader.js';

/** The reader's document: what its page shows, without the sentence offsets and report fields. */
export async function findReaderDocument(db: Db, id: number): Promise<ReaderDocument | undefined> {
  const row = await db
    .selectFrom('documents')
    .select(['id', 'title', 'language', 'source_url', 'body', 'created_at', 'archived_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      title: row.title,
      language: row.language,
      sourceUrl: row.source_url,
      text: row.body,
      createdAt: row.created_at,
      archivedAt: row.archived_at,
    }
  );
}

/**
 * Every claim of a document as the text marks it, in text order: one index range scan, sent as one
 * row of six comma-separated lists, a column each. Row by row, 2,000 claims were 2,000 protocol
 * messages of six fields for the app to decode, a quarter of the reader's CPU; as a JSON array per
 * claim the database paid four times as much (json_build_array per row), and as PostgreSQL arrays
 * the driver's array parser cost more than the rows had. The values are ids, offsets and codes
 * of a fixed vocabulary (no commas; no verdict is the empty string). The lists come from one
 * aggregation over one row stream, so they line up; they are sorted again here because an
 * aggregate's input order from a sorted subquery is the usual but not the promised one (sorting
 * what is already in order is one pass).
 */
export async function findReaderMarks(db: Db, documentId: number): Promise<ReaderMark[]> {
  const inOrder = db
    .selectFrom('claims')
    .select(['id', 'start_offset', 'end_offset', 'kind', 'status', 'verdict'])
    .where('document_id', '=', documentId)
    .orderBy('start_offset')
    .orderBy('end_offset')
    .orderBy('id');
  const row = await db
    .selectFrom(inOrder.as('m'))
    .select([
      sql<string | null>`string_agg(m.id::text, ',')`.as('ids'),
      sql<string | null>`string_agg(m.start_offset::text, ',')`.as('starts'),
      sql<string | null>`string_agg(m.end_offset::text, ',')`.as('ends'),
      sql<string | null>`string_agg(m.kind, ',')`.as('kinds'),
      sql<string | null>`string_agg(m.status, ',')`.as('statuses'),
      sql<string | null>`string_agg(coalesce(m.verdict, ''), ',')`.as('verdicts'),
    ])
    .executeTakeFirstOrThrow();
  if (row.ids === null) return [];
  const ids = row.ids.split(',');
  const starts = row.starts!.split(',');
  const ends = row.ends!.split(',');
  const kinds = row.kinds!.split(',') as ReaderMark['kind'][];
  const statuses = row.statuses!.split(',') as ReaderMark['status'][];
  const verdicts = row.verdicts!.split(',') as (ReaderMark['verdict'] | '')[];
  const marks: ReaderMark[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i++)
    marks[i] = { id: +ids[i]!, start: +starts[i]!, end: +ends[i]!, kind: kinds[i]!, status: statuses[i]!, verdict: verdicts[i] || null };
  return marks.sort(textOrder);
}

/** Text order: by start, then end, then id (what the claims' index sorts by). */
const textOrder = (a: ReaderMark, b: ReaderMark) => a.start - b.start || a.end - b.end || a.id - b.id;

/**
 * The side list's cards for the given claims (one page of it), in text order, with the
 * assignee's name and the number of pre-check findings: one query by primary key.
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
  }));
}
