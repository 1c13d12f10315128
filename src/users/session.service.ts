import { createHash, randomBytes } from 'node:crypto';
import type { Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import type { Actor } from './permissions.js';

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
// Refresh last_seen_at at most this often, so that reading pages does not write on every request.
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export const hashSecret = (token: string) => createHash('sha256').update(token).digest('hex');

/** Starts a session; returns the secret for the cookie (only its hash is stored). */
export async function createSession(ctx: Ctx, userId: number, meta: { ip: string | null; userAgent: string | null }): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await ctx.db
    .insertInto('sessions')
    .values({
      id: hashSecret(token),
      user_id: userId,
      expires_at: new Date(Date.now() + SESSION_TTL_MS),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return token;
}

export interface SessionActor extends Actor {
  id: number;
  email: string;
  sessionId: string;
  timeZone: string;
}

/** A session's row with its user's, as resolveSession checks it. */
interface SessionRow {
  id: string;
  last_seen_at: Date;
  expires_at: Date;
  user_id: number;
  display_name: string;
  role: Actor['role'];
  email: string;
  time_zone: string | null;
}

/** The session with this id and its user, if the user is not disabled. */
async function findSessionRow(db: Db, id: string): Promise<SessionRow | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.last_seen_at', 's.expires_at', 'u.id as user_id', 'u.display_name', 'u.role', 'u.email', 'u.time_zone'])
    .where('s.id', '=', id)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * The signed-in user behind a session cookie, or null when it is unknown, expired or the user is
 * disabled. The row, expiry and idle time are read and checked on every request, so a session
 * ended or a user disabled by any process is refused at once.
 */
export async function resolveSession(ctx: Ctx, token: string): Promise<SessionActor | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const id = hashSecret(token);
  const row = await findSessionRow(ctx.db, id);
  if (!row || row.expires_at.getTime() <= Date.now()) return null;
  // Idle timeout (ASVS V3.3.2) on top of the absolute lifetime: an unlocked computer left for the
  // night does not stay signed in. last_seen_at is refreshed often enough to keep an active user in.
  const idleMs = ctx.config.sessionIdleTimeoutMinutes * 60_000;
  const idle = Date.now() - row.last_seen_at.getTime();
  if (idle > idleMs) {
    await ctx.db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (idle > Math.min(TOUCH_INTERVAL_MS, idleMs / 4)) {
    await ctx.db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id', '=', id).execute();
  }
  return { id: row.user_id, name: row.display_name, role: row.role, email: row.email, sessionId: id, timeZone: row.time_zone ?? 'UTC' };
}

export async function endSession(ctx: Ctx, token: string): Promise<void> {
  await ctx.db.deleteFrom('sessions').where('id', '=', hashSecret(token)).execute();
}

/**
 * Signs a user out everywhere (disabled, password changed or reset), except for the session
 * id given, so that changing one's own password keeps the browser that did it signed in.
 */
export async function endUserSessions(db: Db, userId: number, exceptSessionId?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('id', '<>', exceptSessionId);
  await query.execute();
}

/** Deletes expired and idle sessions; run at start-up and hourly. */
export async function purgeExpiredSessions(ctx: Ctx): Promise<number> {
  const idleSince = new Date(Date.now() - ctx.config.sessionIdleTimeoutMinutes * 60_000);
  const r = await ctx.db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', new Date()), eb('last_seen_at', '<', idleSince)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
