import type { Ctx } from '../context.js';
import { invalid } from '../http/errors.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import { decodeCursor, encodeCursor, queuePageSize, type QueuePage, type QueueQuery } from './claim-queue.js';
import { findDocumentOptions, findQueuePage, type QueueFilters } from './claim-queue.repository.js';
import { listActiveUsers } from '../users/user.repository.js';
import type { User } from '../users/user.js';

/**
 * One page of the claim queue across all documents: filtered, sorted, and continued from the
 * `after` cursor (keyset pagination, so page 200 costs what page 1 does). One query.
 * `nextCursor` is null on the last page.
 */
export async function listClaimQueue(ctx: Ctx, actor: Actor, query: QueueQuery, pageSize = queuePageSize): Promise<QueuePage> {
  requirePermission(actor, 'claim.read');
  const after = query.after ? decodeCursor(query.sort, query.after) : null;
  const filters = toFilters(actor, query);
  const rows = await findQueuePage(ctx.db, filters, query.sort, after, pageSize + 1);
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return { claims: page.map((r) => r.claim), nextCursor: rows.length > pageSize && last ? encodeCursor(query.sort, last.key) : null };
}

/** The choices of the queue's document and assignee filters (and of the bulk assign picker). Two queries. */
export async function queueFilterOptions(ctx: Ctx, actor: Actor, selectedDocumentId?: number): Promise<{ documents: { id: number; title: string }[]; users: User[] }> {
  requirePermission(actor, 'claim.read');
  const [documents, users] = await Promise.all([findDocumentOptions(ctx.db, selectedDocumentId), listActiveUsers(ctx.db)]);
  return { documents, users: users.filter((u) => u.role !== 'viewer') };
}

function toFilters(actor: Actor, query: QueueQuery): QueueFilters {
  const filters: QueueFilters = {};
  if (query.q?.trim()) filters.q = query.q.trim();
  if (query.status) filters.status = query.status;
  if (query.verdict) filters.verdict = query.verdict;
  if (query.kind) filters.kind = query.kind;
  if (query.documentId) filters.documentId = query.documentId;
  if (query.assignee === 'me') {
    if (actor.id === null) throw invalid('assignee', 'me means nobody here: this actor is not a user');
    filters.assigneeId = actor.id;
  } else if (query.assignee === 'none') filters.assigneeId = null;
  else if (query.assignee) filters.assigneeId = Number(query.assignee);
  return filters;
}
