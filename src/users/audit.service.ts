import type { Ctx } from '../context.js';
import { findAuditPage, type AuditEntry } from './audit.js';
import { requirePermission, type Actor } from './permissions.js';
import type { AuditQuery } from './user.schemas.js';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditPage {
  entries: AuditEntry[];
  page: number;
  pageCount: number;
  total: number;
  q: string;
}

/** One page of the audit log for an admin, newest first; a page past the end is simply empty. */
export async function readAuditLog(ctx: Ctx, actor: Actor, query: AuditQuery): Promise<AuditPage> {
  requirePermission(actor, 'audit.read');
  const q = query.q?.trim() ?? '';
  const { entries, total } = await findAuditPage(ctx.db, { page: query.page, pageSize: AUDIT_PAGE_SIZE, ...(q ? { q } : {}) });
  return { entries, page: query.page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), total, q };
}
