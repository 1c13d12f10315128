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

/**
 * How many of the latest events the feed reads to make its lines: a page of lines even after a
 * bulk action on the most claims one may change (500, `bulkLimit`), at a bounded cost however
 * long the history.
 */
export const ACTIVITY_WINDOW = 2000;

interface ActivityRow {
  id: number;
  claim_id: number;
  document_id: number;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  created_at: Date;
  actor_name: string | null;
  assignee_name: string | null;
  quote: string;
  document_title: string;
  count: number;
  claims: { claimId: number; documentId: number; quote: string; documentTitle: string }[] | null;
}

/**
 * The latest activity, one item per action, with who did it and what it was about. A bulk action
 * writes one `claim.updated` event per claim, all in one transaction (so one `created_at`), by one
 * actor, with the same change: those events are one item, counting and listing their claims.
 * Every other event is an item of its own. One query.
 */
export async function findRecentActivity(db: Db, limit: number): Promise<ActivityItem[]> {
  const { rows } = await sql<ActivityRow>`
    WITH recent AS (
      SELECT e.*, CASE WHEN e.action = 'claim.updated' THEN concat_ws('|', e.actor_id, e.created_at, e.after::text) ELSE e.id::text END AS k
      FROM claim_events e ORDER BY e.id DESC LIMIT ${ACTIVITY_WINDOW}
    ),
    grouped AS (
      SELECT k, max(id) AS id, count(*)::int AS count FROM recent GROUP BY k
      -- A bulk action straddling the window's far edge would be miscounted: left out (a full
      -- window holds at least 1,500 other events, as one action changes at most 500 claims).
      HAVING count(*) = 1 OR min(id) > (SELECT min(id) FROM recent) OR (SELECT count(*) FROM recent) < ${ACTIVITY_WINDOW}
      ORDER BY max(id) DESC LIMIT ${limit}
    )
    SELECT e.id, e.claim_id, e.document_id, e.action, e.before, e.after, e.created_at, g.count,
      u.display_name AS actor_name, au.display_name AS assignee_name, c.quote, d.title AS document_title,
      CASE WHEN g.count > 1 THEN (
        SELECT json_agg(json_build_object('claimId', r.claim_id, 'documentId', r.document_id, 'quote', rc.quote, 'documentTitle', rd.title) ORDER BY r.claim_id)
        FROM recent r JOIN claims rc ON rc.id = r.claim_id JOIN documents rd ON rd.id = r.document_id
        WHERE r.k = g.k
      ) END AS claims
    FROM grouped g
    JOIN claim_events e ON e.id = g.id
    JOIN claims c ON c.id = e.claim_id
    JOIN documents d ON d.id = e.document_id
    LEFT JOIN users u ON u.id = e.actor_id
    -- An assignment event names the new assignee by id; join the name here rather than per row.
    LEFT JOIN users au ON au.id = (e.after ->> 'assigneeId')::int
    ORDER BY g.id DESC`.execute(db);
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
    count: r.count,
    claims: r.claims ?? [],
  }));
}
