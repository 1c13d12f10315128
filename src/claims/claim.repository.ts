import type { Db, Tx } from '../db/database.js';
import { sql } from 'kysely';
import { chunks } from '../db/sql-helpers.js';
import type { Claim } from './claim.js';
import type { ClaimRow, UpdateableClaimRow } from './claim.table.js';
import type { ClaimKind } from './claim-vocabulary.js';
import type { Finding } from '../extraction/index.js';

export interface NewClaimRow {
  documentId: number;
  start: number;
  end: number;
  quote: string;
  sentenceIndex: number;
  kind: ClaimKind;
  score: number;
  reasons: string[];
  suggestion: string | null;
  /** Pre-check findings; none when absent. */
  findings?: readonly Finding[];
  origin: 'extracted' | 'manual';
}

/**
 * Inserts claims in batches, skipping spans of a kind already stored. Each batch of 5,000 is ten
 * array parameters, one per column, unpacked by unnest(): binding ten parameters per claim cost
 * the app five times the CPU (200 against 40 ms for a 25,000-claim import), and one JSON document
 * per batch cost the database ~390 ms to parse (json_to_recordset) where the arrays cost ~55 ms.
 */
export async function insertClaims(trx: Tx, claims: readonly NewClaimRow[]): Promise<number> {
  let inserted = 0;
  for (const batch of chunks(claims, 5000)) {
    const column = <T>(pick: (c: NewClaimRow) => T) => batch.map(pick);
    // WITH ORDINALITY keeps the given order, so ids follow the text.
    const result = await sql`
      INSERT INTO claims (document_id, start_offset, end_offset, quote, sentence_index, kind, score, reasons, suggestion, origin, findings)
      SELECT document_id, start_offset, end_offset, quote, sentence_index, kind, score, reasons, suggestion, origin, findings
      FROM unnest(${column((c) => c.documentId)}::integer[], ${column((c) => c.start)}::integer[], ${column((c) => c.end)}::integer[],
        ${column((c) => c.quote)}::text[], ${column((c) => c.sentenceIndex)}::integer[], ${column((c) => c.kind)}::text[],
        ${column((c) => c.score)}::real[], ${column((c) => JSON.stringify(c.reasons))}::jsonb[], ${column((c) => c.suggestion)}::text[],
        ${column((c) => c.origin)}::text[], ${column((c) => JSON.stringify(c.findings ?? []))}::jsonb[])
        WITH ORDINALITY AS x(document_id, start_offset, end_offset, quote, sentence_index, kind, score, reasons, suggestion, origin, findings, ordinality)
      ORDER BY x.ordinality
      ON CONFLICT ON CONSTRAINT claims_document_span_key DO NOTHING`.execute(trx);
    inserted += Number(result.numAffectedRows ?? 0);
  }
  return inserted;
}

/** Every column a Claim is made of: not the search vectors, which are large and only ever matched. */
export const claimColumns = [
  'c.id',
  'c.document_id',
  'c.start_offset',
  'c.end_offset',
  'c.quote',
  'c.sentence_index',
  'c.kind',
  'c.score',
  'c.reasons',
  'c.suggestion',
  'c.findings',
  'c.origin',
  'c.status',
  'c.verdict',
  'c.proposed_verdict',
  'c.correction',
  'c.correction_scope',
  'c.claim_statement',
  'c.explanation',
  'c.assignee_id',
  'c.resolved_by',
  'c.resolved_at',
  'c.created_at',
  'c.updated_at',
  'c.version',
] as const;

/** The claims query with assignee and resolver names joined: one query, whatever the row count. */
export function selectClaims(db: Db) {
  return db
    .selectFrom('claims as c')
    .leftJoin('users as a', 'a.id', 'c.assignee_id')
    .leftJoin('users as r', 'r.id', 'c.resolved_by')
    .select(claimColumns)
    .select(['a.display_name as assignee_name', 'r.display_name as resolved_by_name']);
}

export async function findClaimById(db: Db, id: number): Promise<Claim | undefined> {
  const row = await selectClaims(db).where('c.id', '=', id).executeTakeFirst();
  return row && toClaim(row);
}

export async function lockClaimById(trx: Tx, id: number): Promise<Claim | undefined> {
  const row = await selectClaims(trx).where('c.id', '=', id).forUpdate(['c']).executeTakeFirst();
  return row && toClaim(row);
}

export async function findClaimsByDocumentId(db: Db, documentId: number): Promise<Claim[]> {
  const rows = await selectClaims(db)
    .where('c.document_id', '=', documentId)
    .orderBy('c.start_offset')
    .orderBy('c.end_offset')
    .orderBy('c.id')
    .execute();
  return rows.map(toClaim);
}

/**
 * Writes a change only if the row is still at `version` (optimistic concurrency).
 * @returns the updated claim, or undefined when the version no longer matches
 */
export async function updateClaimAtVersion(trx: Tx, id: number, version: number, values: UpdateableClaimRow): Promise<boolean> {
  const result = await trx
    .updateTable('claims')
    .set({ ...values, version: version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type ClaimRowWithNames = Omit<ClaimRow, 'search' | 'research_search'> & {
  assignee_name: string | null;
  resolved_by_name: string | null;
};

export function toClaim(row: ClaimRowWithNames): Claim {
  return {
    id: row.id,
    documentId: row.document_id,
    start: row.start_offset,
    end: row.end_offset,
    quote: row.quote,
    sentenceIndex: row.sentence_index,
    kind: row.kind,
    score: row.score,
    reasons: row.reasons,
    suggestion: row.suggestion,
    findings: row.findings,
    origin: row.origin,
    status: row.status,
    verdict: row.verdict,
    proposedVerdict: row.proposed_verdict,
    correction: row.correction,
    correctionScope: row.correction_scope,
    claimStatement: row.claim_statement,
    explanation: row.explanation,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    resolvedById: row.resolved_by,
    resolvedByName: row.resolved_by_name,
    resolvedAt: row.resolved_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/**
 * Replaces the pre-check findings of a document's extracted claims: each gets `findings` for its
 * id, every other extracted claim gets none. Reviewer fields and versions are left alone — the
 * findings are the extractor's, not a review change.
 */
export async function setClaimFindings(trx: Tx, documentId: number, byId: ReadonlyMap<number, readonly Finding[]>): Promise<void> {
  await trx
    .updateTable('claims')
    .set({ findings: '[]' })
    .where('document_id', '=', documentId)
    .where('origin', '=', 'extracted')
    .where(sql<boolean>`findings <> '[]'::jsonb`)
    .execute();
  for (const [id, findings] of byId) {
    if (findings.length > 0)
      await trx
        .updateTable('claims')
        .set({ findings: JSON.stringify(findings) })
        .where('id', '=', id)
        .execute();
  }
}

/**
 * For each span (a finding's `related` passage), the claim of the document that covers it: the
 * one with exactly that span, else the first overlapping one; null when none is left (merged or
 * deleted since). One query for all the spans.
 */
export async function findClaimIdsAtSpans(
  db: Db,
  documentId: number,
  spans: readonly { start: number; end: number }[],
): Promise<(number | null)[]> {
  if (spans.length === 0) return [];
  const from = Math.min(...spans.map((s) => s.start));
  const to = Math.max(...spans.map((s) => s.end));
  const rows = await db
    .selectFrom('claims')
    .select(['id', 'start_offset', 'end_offset'])
    .where('document_id', '=', documentId)
    .where('start_offset', '<', to)
    .where('end_offset', '>', from)
    .orderBy('start_offset')
    .orderBy('id')
    .execute();
  return spans.map((s) => {
    const exact = rows.find((r) => r.start_offset === s.start && r.end_offset === s.end);
    return (exact ?? rows.find((r) => r.start_offset < s.end && r.end_offset > s.start))?.id ?? null;
  });
}

/** The highest claim id of a document, 0 when it has none (claims added after it are the new ones). */
export async function findLastClaimIdOfDocument(db: Db | Tx, documentId: number): Promise<number> {
  const row = await db
    .selectFrom('claims')
    .select((eb) => eb.fn.max<number | null>('id').as('last'))
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  return row?.last ?? 0;
}
