import { mayChangeOwnAccount } from './user.policy.js';
import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import { conflict, forbidden, HttpError, notFound } from '../http/errors.js';
import { recordAudit } from './audit.js';
import { expireInvitations, findPendingInvitationExpiries } from './invitation.repository.js';
import { hashPassword, needsRehash, verifyPassword } from './passwords.js';
import { requirePermission, type Actor, type Role } from './permissions.js';
import { endUserSessions } from './session.service.js';
import { revokeUserTokens } from './token.service.js';
import { refuseCommonPassword } from './common-passwords.js';
import type { User } from './user.js';
import { findUserRowByEmail, insertUser, listAllUsers, lockActiveAdmins, lockUserById, toUser, updateUser } from './user.repository.js';
import { normaliseEmail, type NewUserInput } from './user.schemas.js';

export async function hasAnyUser(ctx: Ctx): Promise<boolean> {
  return !!(await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst());
}

/**
 * Creates the first admin. Only possible while no user exists: the table is locked for the
 * check, so two racing set-up requests cannot both succeed.
 */
export async function setupFirstAdmin(ctx: Ctx, input: Omit<NewUserInput, 'role'>, ip: string | null = null): Promise<User> {
  refuseCommonPassword(input.password);
  const passwordHash = await hashPassword(input.password, ctx.config.passwordHashCost);
  return ctx.db.transaction().execute(async (trx) => {
    await sql`LOCK TABLE users IN EXCLUSIVE MODE`.execute(trx);
    if (await trx.selectFrom('users').select('id').limit(1).executeTakeFirst())
      throw forbidden('claimdesk is already set up. Sign in instead.');
    const user = (await insertUser(trx, {
      email: normaliseEmail(input.email),
      display_name: input.displayName.trim(),
      role: 'admin',
      password_hash: passwordHash,
    }))!;
    await recordAudit(trx, { actorId: user.id, action: 'user.setup', subject: user.email, ip });
    return user;
  });
}

/** Adds a user with a password (the CLI, and admins). A taken email is a 409. */
export async function createUser(ctx: Ctx, actor: Actor, input: NewUserInput): Promise<User> {
  requirePermission(actor, 'user.manage');
  refuseCommonPassword(input.password);
  const passwordHash = await hashPassword(input.password, ctx.config.passwordHashCost);
  const email = normaliseEmail(input.email);
  return ctx.db.transaction().execute(async (trx) => {
    const user = await insertUser(trx, { email, display_name: input.displayName.trim(), role: input.role, password_hash: passwordHash });
    if (!user) throw conflict(`A user with the email ${email} already exists.`);
    await recordAudit(trx, { actorId: actor.id, action: 'user.created', subject: email, details: { role: input.role } });
    return user;
  });
}

/** Everyone, for the admin list, with the expiry of their live sign-in link if they have one. */
export async function listUsers(ctx: Ctx, actor: Actor): Promise<(User & { linkExpiresAt: Date | null })[]> {
  requirePermission(actor, 'user.manage');
  const [users, links] = await Promise.all([listAllUsers(ctx.db), findPendingInvitationExpiries(ctx.db)]);
  return users.map((u) => ({ ...u, linkExpiresAt: links.get(u.id) ?? null }));
}

/**
 * Changes a role or disables/enables a user, with an audit line in the same transaction.
 * Disabling signs the user out everywhere and revokes their tokens and pending invitations at
 * once. An admin cannot disable or demote themselves, and no change may leave the desk without
 * an active admin (changes to admins take turns, so two admins cannot demote each other at once).
 */
export async function changeUser(ctx: Ctx, actor: Actor, userId: number, change: { role?: Role; disabled?: boolean }): Promise<User> {
  requirePermission(actor, 'user.manage');
  if (!mayChangeOwnAccount(actor, userId, change)) {
    throw forbidden('You cannot disable yourself or give up your own admin role; another admin can.');
  }
  return ctx.db.transaction().execute(async (trx) => {
    await lockActiveAdmins(trx);
    const current = await lockUserById(trx, userId);
    if (!current) throw notFound('User');
    const role = change.role ?? current.role;
    const disabled = change.disabled ?? current.disabled;
    if (role === current.role && disabled === current.disabled) return current;
    const user = await updateUser(trx, userId, { role, disabled_at: disabled ? (current.disabled ? undefined : new Date()) : null });
    const wasActiveAdmin = current.role === 'admin' && !current.disabled;
    if (wasActiveAdmin && (await lockActiveAdmins(trx)).length === 0)
      throw conflict('claimdesk needs at least one active admin; make someone else an admin first.');
    if (role !== current.role)
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'user.role_changed',
        subject: current.email,
        details: { from: current.role, to: role },
      });
    if (disabled !== current.disabled)
      await recordAudit(trx, { actorId: actor.id, action: disabled ? 'user.disabled' : 'user.enabled', subject: current.email });
    if (disabled && !current.disabled) {
      await endUserSessions(trx, userId);
      await revokeUserTokens(trx, userId);
      await expireInvitations(trx, userId);
    }
    return user;
  });
}

/**
 * Checks an email and password. Unknown email, wrong password, disabled account and an invited
 * user without a password all cost one scrypt run and give the same answer; the audit log
 * alone records which it was.
 */
export async function authenticate(ctx: Ctx, email: string, password: string, ip: string | null): Promise<User> {
  const row = await findUserRowByEmail(ctx.db, normaliseEmail(email));
  const ok = await verifyPassword(password, row?.password_hash ?? null, ctx.config.passwordHashCost);
  if (!row || !ok || row.disabled_at) {
    const reason = !row ? 'unknown_email' : row.disabled_at ? 'disabled' : row.password_hash ? 'wrong_password' : 'no_password';
    await recordAudit(ctx.db, {
      actorId: row?.id ?? null,
      action: 'auth.login_failed',
      subject: normaliseEmail(email),
      ip,
      details: { reason },
    });
    throw new HttpError(401, 'invalid_credentials', 'That email and password do not match an active account.');
  }
  if (row.password_hash && needsRehash(row.password_hash, ctx.config.passwordHashCost)) {
    await ctx.db
      .updateTable('users')
      .set({ password_hash: await hashPassword(password, ctx.config.passwordHashCost), updated_at: new Date() })
      .where('id', '=', row.id)
      .execute();
  }
  await recordAudit(ctx.db, { actorId: row.id, action: 'auth.login', subject: row.email, ip });
  return toUser(row);
}
