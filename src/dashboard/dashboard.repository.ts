import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { ClaimStatus, Verdict } from '../claims/claim-vocabulary.js';
import { selectClaims, toClaim } from '../claims/claim.repository.js';
import type { ActivityItem, AssignedClaim } from './dashboard.js';

/** How many claims have each status and verdict, in one scan. */
export async function countClaimsByStatusAndVerdict(db: Db): Promise<{ status: ClaimStatus; verdict: Verdict | null; count: number }[]> {
  return db
    .selectFrom('claims')
    .select(['status', 'verdict', sql<number>`count(*)::int`.as('count')])
    .groupBy(['status', 'verdict'])
    .execute();
}

/** A user's unfinished claims in text order, with the total count (a window count, still one query). */
export async function findOpenAssignments(db: Db, userId: number, limit: number): Promise<{ claims: AssignedClaim[]; total: number }> {
  const rows = await selectClaims(db)
    .innerJoin('documents as d', 'd.id', 'c.document_id')
    .select(['d.title as document_title', sql<number>`(count(*) OVER ())::int`.as('total')])
    .where('c.assignee_id', '=', userId)
    .where('c.status', 'in', ['open', 'in_review'])
    .orderBy('c.document_id')
    .orderBy('c.start_offset')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return { claims: rows.map((r) => ({ ...toClaim(r), documentTitle: r.document_title })), total: rows[0]?.total ?? 0 };
}

/** The latest history events with who did them and what they were about. */
export async function findRecentActivity(db: Db, limit: number): Promise<ActivityItem[]> {
  const rows = await db
    .selectFrom('claim_events as e')
    .innerJoin('claims as c', 'c.id', 'e.claim_id')
    .innerJoin('documents as d', 'd.id', 'e.document_id')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    // An assignment event names the new assignee by id; join the name here rather than per row.
    .leftJoin('users as au', (join) => join.on(sql<boolean>`au.id = (e.after ->> 'assigneeId')::int`))
    .select(['e.id', 'e.claim_id', 'e.document_id', 'e.action', 'e.before', 'e.after', 'e.created_at', 'u.display_name as actor_name', 'au.display_name as assignee_name', 'c.quote', 'd.title as document_title'])
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    claimId: r.claim_id,
    documentId: r.document_id,
    action: r.action,
    before: r.before,
    after: r.after,
    createdAt: r.created_at,
    actorName: r.actor_name,
    assigneeName: r.assignee_name,
    quote: r.quote,
    documentTitle: r.document_title,
  }));
}
