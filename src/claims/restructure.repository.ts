import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import { jsonb } from '../db/sql-helpers.js';
import type { Claim } from './claim.js';
import { selectClaims, toClaim, type ClaimRowWithNames } from './claim.repository.js';

export interface AdjacentClaims {
  prev: Claim | null;
  next: Claim | null;
}

/**
 * The claims just before and after `claim` in text order (start, end, id), in one query: two
 * keyset look-ups on the document's position index joined by UNION ALL.
 */
export async function findAdjacentClaims(db: Db, claim: Pick<Claim, 'id' | 'documentId' | 'start' | 'end'>): Promise<AdjacentClaims> {
  const here = [claim.start, claim.end, claim.id] as const;
  const prev = selectClaims(db)
    .select(sql<string>`'prev'`.as('side'))
    .where('c.document_id', '=', claim.documentId)
    .where((eb) => eb(eb.refTuple('c.start_offset', 'c.end_offset', 'c.id'), '<', eb.tuple(...here)))
    .orderBy('c.start_offset', 'desc')
    .orderBy('c.end_offset', 'desc')
    .orderBy('c.id', 'desc')
    .limit(1);
  const next = selectClaims(db)
    .select(sql<string>`'next'`.as('side'))
    .where('c.document_id', '=', claim.documentId)
    .where((eb) => eb(eb.refTuple('c.start_offset', 'c.end_offset', 'c.id'), '>', eb.tuple(...here)))
    .orderBy('c.start_offset')
    .orderBy('c.end_offset')
    .orderBy('c.id')
    .limit(1);
  const { rows } = await sql<ClaimRowWithNames & { side: 'prev' | 'next' }>`(${prev}) UNION ALL (${next})`.execute(db);
  const pick = (side: 'prev' | 'next') => {
    const row = rows.find((r) => r.side === side);
    return row ? toClaim(row) : null;
  };
  return { prev: pick('prev'), next: pick('next') };
}

/** Another claim of the same kind on exactly this span, if any (the unique key a change would hit). */
export async function findClaimAtSpan(
  trx: Tx,
  documentId: number,
  start: number,
  end: number,
  kind: Claim['kind'],
  exceptIds: readonly number[],
): Promise<number | undefined> {
  const row = await trx
    .selectFrom('claims')
    .select('id')
    .where('document_id', '=', documentId)
    .where('start_offset', '=', start)
    .where('end_offset', '=', end)
    .where('kind', '=', kind)
    .where('id', 'not in', exceptIds)
    .executeTakeFirst();
  return row?.id;
}

/** Moves every source and note of one claim to another (a merge keeps the evidence of both). */
export async function moveEvidence(trx: Tx, fromClaimId: number, toClaimId: number): Promise<{ sources: number; notes: number }> {
  const sources = await trx
    .updateTable('claim_sources')
    .set({ claim_id: toClaimId })
    .where('claim_id', '=', fromClaimId)
    .executeTakeFirst();
  const notes = await trx.updateTable('claim_notes').set({ claim_id: toClaimId }).where('claim_id', '=', fromClaimId).executeTakeFirst();
  return { sources: Number(sources.numUpdatedRows), notes: Number(notes.numUpdatedRows) };
}

/** Deletes a claim; its own history goes with it (the caller records it on the survivor first). */
export async function deleteClaim(trx: Tx, id: number): Promise<void> {
  await trx.deleteFrom('claims').where('id', '=', id).execute();
}

export interface SplitPart {
  documentId: number;
  start: number;
  end: number;
  quote: string;
  sentenceIndex: number;
}

/** Inserts the second part of a split claim with the original's kind, reasons and assignee; returns its id. */
export async function insertSplitPart(trx: Tx, original: Claim, part: SplitPart): Promise<number> {
  const { id } = await trx
    .insertInto('claims')
    .values({
      document_id: part.documentId,
      start_offset: part.start,
      end_offset: part.end,
      quote: part.quote,
      sentence_index: part.sentenceIndex,
      kind: original.kind,
      score: original.score,
      reasons: jsonb(original.reasons),
      suggestion: null,
      origin: original.origin,
      assignee_id: original.assigneeId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
