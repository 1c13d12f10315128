import { mayRevokeToken } from './user.policy.js';
import { randomBytes } from 'node:crypto';
import type { Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { recordAudit } from './audit.js';
import { requirePermission, type Actor } from './permissions.js';
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

/** The owner of a token, as loadActor puts it on the request; `tokenId` marks token authentication. */
export interface TokenActor extends Actor {
  id: number;
  email: string;
  tokenId: number;
}

const TOKEN_PREFIX = 'cd_';

/** Creates an API token for `userId` (oneself, or anyone for an admin); the secret is returned once and only its hash is kept. */
export async function createApiToken(ctx: Ctx, actor: Actor, userId: number, name: string): Promise<{ token: string; record: ApiToken }> {
  requirePermission(actor, 'token.own');
  if (userId !== actor.id) requirePermission(actor, 'user.manage');
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_tokens')
      .values({ user_id: userId, name: name.trim(), token_hash: hashSecret(token), prefix: token.slice(0, 10) })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: actor.id, action: 'token.created', subject: `token ${row.id}`, details: { userId, name: row.name } });
    return { token, record: toToken(row) };
  });
}

/** The actor's own tokens, newest first, revoked ones included (they show when they stopped). */
export async function listApiTokens(ctx: Ctx, actor: Actor & { id: number }): Promise<ApiToken[]> {
  requirePermission(actor, 'token.own');
  return (await ctx.db.selectFrom('api_tokens').selectAll().where('user_id', '=', actor.id).orderBy('id', 'desc').execute()).map(toToken);
}

/** Revokes one of the actor's tokens (an admin may revoke anyone's). Someone else's token is a 404, not a 403, so ids reveal nothing. */
export async function revokeApiToken(ctx: Ctx, actor: Actor, tokenId: number): Promise<ApiToken> {
  requirePermission(actor, 'token.own');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('api_tokens').selectAll().where('id', '=', tokenId).forUpdate().executeTakeFirst();
    if (!row || !mayRevokeToken(actor, { userId: row.user_id })) throw notFound('Token');
    if (row.revoked_at) return toToken(row);
    const revoked = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('id', '=', tokenId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'token.revoked',
      subject: `token ${tokenId}`,
      details: { userId: row.user_id, name: row.name },
    });
    return toToken(revoked);
  });
}

/** Revokes every live token of a user at once (the user was disabled). */
export async function revokeUserTokens(db: Db, userId: number): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** The owner of a live token of an active user, or null; records the use. */
export async function resolveApiToken(ctx: Ctx, token: string, ip: string | null): Promise<TokenActor | null> {
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
  return { id: row.user_id, name: row.display_name, role: row.role, email: row.email, tokenId: row.id };
}

function toToken(row: {
  id: number;
  user_id: number;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
