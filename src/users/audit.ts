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

/** Records a security event (sign-in, failed sign-in, role change, token use…). */
export async function recordAudit(db: Db, entry: { actorId: number | null; action: string; subject?: string | null; ip?: string | null; details?: Record<string, unknown> }): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ actor_id: entry.actorId, action: entry.action, subject: entry.subject ?? null, ip: entry.ip ?? null, details: JSON.stringify(entry.details ?? {}) })
    .execute();
}

export async function findRecentAudit(db: Db, limit = 200): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log as l')
    .leftJoin('users as u', 'u.id', 'l.actor_id')
    .select(['l.id', 'l.actor_id', 'u.display_name', 'l.action', 'l.subject', 'l.ip', 'l.details', 'l.created_at'])
    .orderBy('l.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, actorId: r.actor_id, actorName: r.display_name, action: r.action, subject: r.subject, ip: r.ip, details: r.details, createdAt: r.created_at }));
}
