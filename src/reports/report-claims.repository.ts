import type { Finding } from '../extraction/index.js';
import { sql } from 'kysely';
import type { ClaimKind, ClaimStatus, Verdict } from '../claims/claim-vocabulary.js';
import { errorVerdicts } from '../claims/claim-vocabulary.js';
import type { Db } from '../db/database.js';
import type { ReportFilter, ReportSource } from './report.js';
import type { ScopedCorrection } from './sentence-scope.js';
import { listed } from './report.repository.js';

/** A claim as a report reads it: the review fields and who did the review, no history. */
export interface ReportClaim {
  id: number;
  documentId: number;
  start: number;
  end: number;
  quote: string;
  sentence: number;
  kind: ClaimKind;
  status: ClaimStatus;
  verdict: Verdict | null;
  correction: string | null;
  claimStatement: string | null;
  explanation: string | null;
  reviewer: string | null;
  assignee: string | null;
  resolvedAt: Date | null;
  sources: ReportSource[];
  /** Pre-check findings (sql/0017). */
  findings: Finding[];
}

/** Where the previous page ended, in text order: (start offset, id) matches claims_document_position_idx. */
export interface Cursor {
  start: number;
  id: number;
}

/**
 * One page of a document's listed claims in text order, after `after` (keyset pagination: each
 * page costs the same however deep into the document it is), each with its sources: one query a
 * page, the sources aggregated per claim from claim_sources_claim_idx.
 */
export async function findReportClaimsPage(
  db: Db,
  filter: ReportFilter,
  documentId: number,
  after: Cursor | null,
  limit: number,
): Promise<ReportClaim[]> {
  const rows = await db
    .selectFrom('claims')
    .where('claims.document_id', '=', documentId)
    .where((eb) => listed(eb, filter))
    .leftJoin('users as r', 'r.id', 'claims.resolved_by')
    .leftJoin('users as a', 'a.id', 'claims.assignee_id')
    .$if(after !== null, (q) =>
      q.where((eb) => eb(eb.refTuple('claims.start_offset', 'claims.id'), '>', eb.tuple(after!.start, after!.id))),
    )
    .select([
      'claims.id',
      'claims.document_id',
      'claims.start_offset',
      'claims.end_offset',
      'claims.quote',
      'claims.sentence_index',
      'claims.kind',
      'claims.status',
      'claims.verdict',
      'claims.correction',
      'claims.claim_statement',
      'claims.explanation',
      'claims.resolved_at',
      'claims.findings',
      'r.display_name as reviewer',
      'a.display_name as assignee',
      sql<ReportSource[]>`coalesce((
        SELECT json_agg(json_build_object('url', s.url, 'title', s.title, 'publisher', s.publisher, 'publishedOn', s.published_on,
                                          'excerpt', s.excerpt, 'stance', s.stance) ORDER BY s.id)
        FROM claim_sources s WHERE s.claim_id = claims.id), '[]'::json)`.as('sources'),
    ])
    .orderBy('claims.start_offset')
    .orderBy('claims.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    documentId: r.document_id,
    start: r.start_offset,
    end: r.end_offset,
    quote: r.quote,
    sentence: r.sentence_index,
    kind: r.kind,
    status: r.status,
    verdict: r.verdict,
    correction: r.correction,
    claimStatement: r.claim_statement,
    explanation: r.explanation,
    reviewer: r.reviewer,
    assignee: r.assignee,
    resolvedAt: r.resolved_at,
    sources: r.sources,
    findings: r.findings,
  }));
}

/** One page of a document's accepted corrections (resolved errors with a correction), in text order. */
export async function findAcceptedCorrectionsPage(
  db: Db,
  documentId: number,
  after: Cursor | null,
  limit: number,
): Promise<ScopedCorrection[]> {
  const rows = await db
    .selectFrom('claims')
    .where('document_id', '=', documentId)
    .where('status', '=', 'resolved')
    .where('verdict', 'in', [...errorVerdicts])
    .where('correction', 'is not', null)
    .$if(after !== null, (q) => q.where((eb) => eb(eb.refTuple('start_offset', 'id'), '>', eb.tuple(after!.start, after!.id))))
    .select(['id', 'start_offset', 'end_offset', 'quote', 'correction', 'verdict', 'correction_scope'])
    .orderBy('start_offset')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    claimId: r.id,
    start: r.start_offset,
    end: r.end_offset,
    quote: r.quote,
    correction: r.correction!,
    verdict: r.verdict!,
    scope: r.correction_scope,
  }));
}

/** Reads every page in turn; `fetch` gets the cursor after the last row of the previous page. */
export async function* pages<T extends { start: number }>(
  fetch: (after: Cursor | null) => Promise<T[]>,
  id: (row: T) => number,
  limit: number,
): AsyncGenerator<T[]> {
  let after: Cursor | null = null;
  for (;;) {
    const page = await fetch(after);
    if (page.length) yield page;
    if (page.length < limit) return;
    const last = page[page.length - 1]!;
    after = { start: last.start, id: id(last) };
  }
}
