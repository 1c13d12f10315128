import { randomBytes } from 'node:crypto';
import type { Ctx } from '../context.js';
import { notFound } from '../http/errors.js';
import { recordAudit } from './audit.js';
import { can, requirePermission, type Actor } from './permissions.js';
import { hashSecret } from './session.service.js';

export interface ApiToken {
  id: number;
  userId: number;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const TOKEN_PREFIX = 'cd_';

/** Creates an API token for `userId` (oneself, or anyone for an admin); the secret is returned once. */
export async function createApiToken(ctx: Ctx, actor: Actor, userId: number, name: string): Promise<{ token: string; record: ApiToken }> {
  requirePermission(actor, 'token.own');
  if (userId !== actor.id) requirePermission(actor, 'user.manage');
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const row = await ctx.db
    .insertInto('api_tokens')
    .values({ user_id: userId, name, token_hash: hashSecret(token), prefix: token.slice(0, 10) })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(ctx.db, { actorId: actor.id, action: 'token.created', subject: `token ${row.id}`, details: { userId, name } });
  return { token, record: toToken(row) };
}

export async function listApiTokens(ctx: Ctx, actor: Actor & { id: number }): Promise<ApiToken[]> {
  requirePermission(actor, 'token.own');
  return (await ctx.db.selectFrom('api_tokens').selectAll().where('user_id', '=', actor.id).orderBy('id', 'desc').execute()).map(toToken);
}

export async function revokeApiToken(ctx: Ctx, actor: Actor, tokenId: number): Promise<void> {
  requirePermission(actor, 'token.own');
  const row = await ctx.db.selectFrom('api_tokens').selectAll().where('id', '=', tokenId).executeTakeFirst();
  if (!row || (row.user_id !== actor.id && !can(actor, 'user.manage'))) throw notFound('Token');
  await ctx.db.updateTable('api_tokens').set({ revoked_at: new Date() }).where('id', '=', tokenId).where('revoked_at', 'is', null).execute();
  await recordAudit(ctx.db, { actorId: actor.id, action: 'token.revoked', subject: `token ${tokenId}` });
}

/** The owner of a live token, or null; records the use. */
export async function resolveApiToken(ctx: Ctx, token: string, ip: string | null): Promise<(Actor & { id: number; email: string }) | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
  const row = await ctx.db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id', 't.last_used_at', 'u.id as user_id', 'u.display_name', 'u.role', 'u.email'])
    .where('t.token_hash', '=', hashSecret(token))
    .where('t.revoked_at', 'is', null)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  // Last use is kept to the minute, so a busy script does not write on every request.
  const sinceLastUse = row.last_used_at ? Date.now() - row.last_used_at.getTime() : Infinity;
  if (sinceLastUse > 60_000) await ctx.db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', row.id).execute();
  // One audit line per token per hour keeps the log readable under scripted use.
  if (sinceLastUse > 3600_000) {
    await recordAudit(ctx.db, { actorId: row.user_id, action: 'token.used', subject: `token ${row.id}`, ip });
  }
  return { id: row.user_id, name: row.display_name, role: row.role, email: row.email };
}

function toToken(row: { id: number; user_id: number; name: string; prefix: string; created_at: Date; last_used_at: Date | null; revoked_at: Date | null }): ApiToken {
  return { id: row.id, userId: row.user_id, name: row.name, prefix: row.prefix, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at };
}
