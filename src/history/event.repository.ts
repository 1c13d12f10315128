import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import type { ClaimEvent } from './event.js';
import type { ClaimEventRow } from './event.table.js';

export interface NewClaimEvent {
  claimId: number;
  documentId: number;
  actorId: number | null;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Appends history; takes a transaction so the event commits or rolls back with its change. */
export async function insertClaimEvents(trx: Tx, events: NewClaimEvent[]): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('claim_events')
    .values(
      events.map((e) => ({
        claim_id: e.claimId,
        document_id: e.documentId,
        actor_id: e.actorId,
        action: e.action,
        before: e.before ? JSON.stringify(e.before) : null,
        after: e.after ? JSON.stringify(e.after) : null,
      })),
    )
    .execute();
}

/** Records `claim.created` for every claim of a document created in this transaction, in one statement. */
export async function insertCreationEventsForDocument(
  trx: Tx,
  documentId: number,
  actorId: number | null,
  sinceClaimId = 0,
): Promise<void> {
  await sql`
    INSERT INTO claim_events (claim_id, document_id, actor_id, action, after)
    SELECT id, document_id, ${actorId}::integer, 'claim.created',
           jsonb_build_object('kind', kind, 'quote', quote, 'start', start_offset, 'end', end_offset, 'origin', origin)
    FROM claims WHERE document_id = ${documentId} AND id > ${sinceClaimId}`.execute(trx);
}

function baseQuery(db: Db) {
  return db
    .selectFrom('claim_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select([
      'e.id',
      'e.claim_id',
      'e.document_id',
      'e.actor_id',
      'e.action',
      'e.before',
      'e.after',
      'e.created_at',
      'u.display_name as actor_name',
    ]);
}

export async function findEventsByClaimId(db: Db, claimId: number): Promise<ClaimEvent[]> {
  return (await baseQuery(db).where('e.claim_id', '=', claimId).orderBy('e.id').execute()).map(toEvent);
}

/** The claim's latest history entry: who saved it last, and when (the conflict page names them). */
export async function findLatestEventByClaimId(db: Db, claimId: number): Promise<ClaimEvent | undefined> {
  const row = await baseQuery(db).where('e.claim_id', '=', claimId).orderBy('e.id', 'desc').limit(1).executeTakeFirst();
  return row && toEvent(row);
}

export async function findRecentEvents(db: Db, limit: number): Promise<ClaimEvent[]> {
  return (await baseQuery(db).orderBy('e.id', 'desc').limit(limit).execute()).map(toEvent);
}

function toEvent(row: Omit<ClaimEventRow, 'created_at'> & { created_at: Date; actor_name: string | null }): ClaimEvent {
  return {
    id: row.id,
    claimId: row.claim_id,
    documentId: row.document_id,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    before: row.before,
    after: row.after,
    createdAt: row.created_at,
  };
}
