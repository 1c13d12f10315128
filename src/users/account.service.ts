import { refuseCommonPassword } from './common-passwords.js';
import type { Ctx } from '../context.js';
import { invalid, notFound } from '../http/errors.js';
import { recordAudit } from './audit.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { requirePermission, type Actor } from './permissions.js';
import { endUserSessions } from './session.service.js';
import { listApiTokens, revokeUserTokens, type ApiToken } from './token.service.js';
import type { User } from './user.js';
import { findUserById, findUserRowById, updateUser } from './user.repository.js';

/** Who is signed in, with their API tokens: everything the account page shows. */
export async function getAccount(ctx: Ctx, actor: Actor & { id: number }): Promise<{ user: User; tokens: ApiToken[] }> {
  requirePermission(actor, 'account.own');
  const user = await findUserById(ctx.db, actor.id);
  if (!user) throw notFound('User');
  return { user, tokens: await listApiTokens(ctx, actor) };
}

/** Sets the time zone one's pages show times in (UTC is stored as null, the default). */
export async function setOwnTimeZone(ctx: Ctx, actor: Actor & { id: number }, timeZone: string): Promise<User> {
  requirePermission(actor, 'account.own');
  return ctx.db.transaction().execute((trx) => updateUser(trx, actor.id, { time_zone: timeZone === 'UTC' ? null : timeZone }));
}

/**
 * Changes one's own password after checking the current one (a borrowed, unlocked browser is not
 * enough). Every other session of the user ends; the one that made the change stays signed in.
 */
export async function changeOwnPassword(
  ctx: Ctx,
  actor: Actor & { id: number; sessionId?: string },
  input: { currentPassword: string; password: string },
  ip: string | null,
): Promise<void> {
  requirePermission(actor, 'account.own');
  const row = await findUserRowById(ctx.db, actor.id);
  if (!row || !(await verifyPassword(input.currentPassword, row.password_hash, ctx.config.passwordHashCost))) {
    await recordAudit(ctx.db, { actorId: actor.id, action: 'auth.password_check_failed', subject: row?.email ?? null, ip });
    throw invalid('currentPassword', 'is not your current password');
  }
  if (input.password === input.currentPassword) throw invalid('password', 'must differ from your current password');
  refuseCommonPassword(input.password);
  const passwordHash = await hashPassword(input.password, ctx.config.passwordHashCost);
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, actor.id, { password_hash: passwordHash });
    await endUserSessions(trx, actor.id, actor.sessionId);
    // A password change is often a response to an exposure: API tokens made with the old password
    // are revoked with the other sessions (ASVS V2.x; the account page says so). New ones take a click.
    await revokeUserTokens(trx, actor.id);
    await recordAudit(trx, { actorId: actor.id, action: 'user.password_changed', subject: row.email, ip });
  });
}
