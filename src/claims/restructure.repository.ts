import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database, Db, Tx } from '../db/database.js';
import { jsonb } from '../db/sql-helpers.js';
import type { Claim } from './claim.js';
import { selectClaims, toClaim } from './claim.repository.js';

export interface AdjacentClaims {
  prev: Claim | null;
  next: Claim | null;
}

/** A claim's place in text order, as the keyset look-ups for its neighbours compare it. */
type Place = Pick<Claim, 'id' | 'documentId' | 'start' | 'end'>;

/**
 * The claims just before and after `place` in text order (start, end, id), as `base` selects them,
 * in one query: two keyset look-ups on the document's position index joined by UNION ALL.
 */
async function adjacentRows<O>(db: Db, base: () => SelectQueryBuilder<Database & { c: Database['claims'] }, 'c', O>, place: Place) {
  const here = sql`(${place.start}, ${place.end}, ${place.id})`;
  const tuple = sql`(c.start_offset, c.end_offset, c.id)`;
  const prev = base()
    .select(sql<string>`'prev'`.as('side'))
    .where('c.document_id', '=', place.documentId)
    .where(sql<boolean>`${tuple} < ${here}`)
    .orderBy('c.start_offset', 'desc')
    .orderBy('c.end_offset', 'desc')
    .orderBy('c.id', 'desc')
    .limit(1);
  const next = base()
    .select(sql<string>`'next'`.as('side'))
    .where('c.document_id', '=', place.documentId)
    .where(sql<boolean>`${tuple} > ${here}`)
    .orderBy('c.start_offset')
    .orderBy('c.end_offset')
    .orderBy('c.id')
    .limit(1);
  const { rows } = await sql<O & { side: 'prev' | 'next' }>`(${prev}) UNION ALL (${next})`.execute(db);
  const pick = (side: 'prev' | 'next'): O | null => {
    const row = rows.find((r) => r.side === side);
    if (!row) return null;
    const { side: _side, ...columns } = row;
    return columns as O;
  };
  return { prev: pick('prev'), next: pick('next') };
}

/** The whole claims just before and after `claim` in text order (what a merge combines). */
export async function findAdjacentClaims(db: Db, claim: Place): Promise<AdjacentClaims> {
  const { prev, next } = await adjacentRows(db, () => selectClaims(db), claim);
  return { prev: prev && toClaim(prev), next: next && toClaim(next) };
}

/** What the claim page shows of a neighbour: its link, and the merge form's version and quote. */
export type NeighbourRef = Pick<Claim, 'id' | 'version' | 'quote'>;

/**
 * The claim page's neighbours: three narrow columns without the user joins, asked on every view
 * of the page. It plans and runs in about a third of the time the whole claims' query takes.
 */
export async function findNeighbourRefs(db: Db, claim: Place): Promise<{ prev: NeighbourRef | null; next: NeighbourRef | null }> {
  return adjacentRows(db, () => db.selectFrom('claims as c').select(['c.id', 'c.version', 'c.quote']), claim);
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
