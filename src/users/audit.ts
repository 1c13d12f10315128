import { sql } from 'kysely';
import type { Db } from '../db/database.js';

export interface AuditEntry {
  id: number;
  actorId: number | null;
  actorName: string | null;
  action: string;
  subject: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

/**
 * Records a security event (sign-in, failed sign-in, role change, token use…). Pass the
 * transaction when the event belongs to a change, so both commit or neither does.
 */
export async function recordAudit(
  db: Db,
  entry: { actorId: number | null; action: string; subject?: string | null; ip?: string | null; details?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      subject: entry.subject ?? null,
      ip: entry.ip ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

/** `%`, `_` and `\` match themselves: a search is for text, never a pattern. */
export const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One page of the audit log, newest first, optionally narrowed to entries whose action or
 * subject contains `q`; with the total count for the pager.
 */
export async function findAuditPage(
  db: Db,
  options: { page: number; pageSize: number; q?: string },
): Promise<{ entries: AuditEntry[]; total: number }> {
  let query = db.selectFrom('audit_log as l');
  if (options.q) {
    const pattern = likeContains(options.q);
    query = query.where((eb) => eb.or([eb('l.subject', 'ilike', pattern), eb('l.action', 'ilike', pattern)]));
  }
  const [rows, count] = await Promise.all([
    query
      .leftJoin('users as u', 'u.id', 'l.actor_id')
      .select(['l.id', 'l.actor_id', 'u.display_name', 'l.action', 'l.subject', 'l.ip', 'l.details', 'l.created_at'])
      .orderBy('l.id', 'desc')
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const entries = rows.map((r) => ({
    id: r.id,
    actorId: r.actor_id,
    actorName: r.display_name,
    action: r.action,
    subject: r.subject,
    ip: r.ip,
    details: r.details,
    createdAt: r.created_at,
  }));
  return { entries, total: count.n };
}
