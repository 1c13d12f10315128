import type { Ctx } from '../context.js';
import { invalid } from '../http/errors.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import {
  decodeCursor,
  encodeCursor,
  queuePageSize,
  type CursorKey,
  type QueuePage,
  type QueueQuery,
  type QueueRow,
} from './claim-queue.js';
import { findDocumentOptions, findQueuePage, findQueueRows, type QueueFilters } from './claim-queue.repository.js';
import { listAllUsers } from '../users/user.repository.js';
import type { User } from '../users/user.js';
import { mayBeAssigned } from './claim.policy.js';

/** Keyset paging over any row shape: fetch one row more than the page to know if another follows. */
function toPage<T>(sort: QueueQuery['sort'], rows: { key: CursorKey }[], items: T[], pageSize: number): QueuePage<T> {
  const last = rows[Math.min(rows.length, pageSize) - 1];
  return { claims: items.slice(0, pageSize), nextCursor: rows.length > pageSize && last ? encodeCursor(sort, last.key) : null };
}

/**
 * One page of the claim queue across all documents, as whole claims (the API): filtered, sorted,
 * and continued from the `after` cursor (keyset pagination, so page 200 costs what page 1
 * does). One query. `nextCursor` is null on the last page.
 */
export async function listClaimQueue(ctx: Ctx, actor: Actor, query: QueueQuery, pageSize = queuePageSize): Promise<QueuePage> {
  requirePermission(actor, 'claim.read');
  const after = query.after ? decodeCursor(query.sort, query.after) : null;
  const rows = await findQueuePage(ctx.db, toFilters(actor, query), query.sort, after, pageSize + 1);
  return toPage(
    query.sort,
    rows,
    rows.map((r) => r.claim),
    pageSize,
  );
}

/**
 * The same page as the queue's table shows it, assignees named from `people` (the page's
 * `queueFilterOptions().everyone`, so naming them costs no query). One query.
 */
export async function listQueueRows(
  ctx: Ctx,
  actor: Actor,
  query: QueueQuery,
  people: readonly User[],
  pageSize = queuePageSize,
): Promise<QueuePage<QueueRow>> {
  requirePermission(actor, 'claim.read');
  const after = query.after ? decodeCursor(query.sort, query.after) : null;
  const rows = await findQueueRows(ctx.db, toFilters(actor, query), query.sort, after, pageSize + 1);
  const names = new Map(people.map((u) => [u.id, u.displayName]));
  return toPage(
    query.sort,
    rows,
    rows.map((r) => ({ ...r.row, assigneeName: r.row.assigneeId === null ? null : (names.get(r.row.assigneeId) ?? null) })),
    pageSize,
  );
}

export interface QueueFilterOptions {
  documents: { id: number; title: string }[];
  /** Who claims can be assigned to: active users who are not viewers. */
  users: User[];
  /** Everyone, disabled users included, to name any assignee. */
  everyone: User[];
}

/** The choices of the queue's document and assignee filters (and of the bulk assign picker), in two queries. */
export async function queueFilterOptions(ctx: Ctx, actor: Actor, selectedDocumentId?: number): Promise<QueueFilterOptions> {
  requirePermission(actor, 'claim.read');
  const [documents, everyone] = await Promise.all([findDocumentOptions(ctx.db, selectedDocumentId), listAllUsers(ctx.db)]);
  return { documents, everyone, users: everyone.filter(mayBeAssigned).sort((a, b) => a.displayName.localeCompare(b.displayName)) };
}

function toFilters(actor: Actor, query: QueueQuery): QueueFilters {
  const filters: QueueFilters = {};
  if (query.q?.trim()) filters.q = query.q.trim();
  if (query.status) filters.status = query.status;
  if (query.verdict) filters.verdict = query.verdict;
  if (query.kind) filters.kind = query.kind;
  if (query.findings) filters.findings = query.findings;
  if (query.documentId) filters.documentId = query.documentId;
  if (query.seen === 'reviewed') filters.seenReviewed = true;
  if (query.assignee === 'me') {
    if (actor.id === null) throw invalid('assignee', 'me means nobody here: this actor is not a user');
    filters.assigneeId = actor.id;
  } else if (query.assignee === 'none') filters.assigneeId = null;
  else if (query.assignee) filters.assigneeId = Number(query.assignee);
  return filters;
}
