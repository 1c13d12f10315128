import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import { conflict, forbidden, HttpError, notFound } from '../http/errors.js';
import { recordAudit } from './audit.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { requirePermission, type Actor, type Role } from './permissions.js';
import type { User } from './user.js';
import { findUserById, toUser } from './user.repository.js';
import type { NewUserInput } from './user.schemas.js';

export async function hasAnyUser(ctx: Ctx): Promise<boolean> {
  return !!(await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst());
}

/**
 * Creates the first admin. Only possible while no user exists: the table is locked for the
 * check, so two racing set-up requests cannot both succeed.
 */
export async function setupFirstAdmin(ctx: Ctx, input: Omit<NewUserInput, 'role'>): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  const user = await ctx.db.transaction().execute(async (trx) => {
    await sql`LOCK TABLE users IN EXCLUSIVE MODE`.execute(trx);
    if (await trx.selectFrom('users').select('id').limit(1).executeTakeFirst()) throw forbidden('claimdesk is already set up. Sign in instead.');
    const row = await trx.insertInto('users').values({ email: input.email.toLowerCase(), display_name: input.displayName, role: 'admin', password_hash: passwordHash }).returningAll().executeTakeFirstOrThrow();
    return toUser(row);
  });
  await recordAudit(ctx.db, { actorId: user.id, action: 'user.setup', subject: user.email });
  return user;
}

/** Adds a user (admins, and the CLI). A taken email is a 409. */
export async function createUser(ctx: Ctx, actor: Actor, input: NewUserInput): Promise<User> {
  requirePermission(actor, 'user.manage');
  const passwordHash = await hashPassword(input.password);
  const email = input.email.toLowerCase();
  const row = await ctx.db
    .insertInto('users')
    .values({ email, display_name: input.displayName, role: input.role, password_hash: passwordHash })
    .onConflict((oc) => oc.constraint('users_email_key').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw conflict(`A user with the email ${email} already exists.`);
  await recordAudit(ctx.db, { actorId: actor.id, action: 'user.created', subject: email, details: { role: input.role } });
  return toUser(row);
}

export async function listUsers(ctx: Ctx, actor: Actor): Promise<User[]> {
  requirePermission(actor, 'user.manage');
  return (await ctx.db.selectFrom('users').selectAll().orderBy('id').execute()).map(toUser);
}

/** Changes a role or disables/enables a user; disabling ends their sessions and tokens at once. */
export async function changeUser(ctx: Ctx, actor: Actor, userId: number, change: { role?: Role; disabled?: boolean }): Promise<User> {
  requirePermission(actor, 'user.manage');
  const current = await findUserById(ctx.db, userId);
  if (!current) throw notFound('User');
  if (userId === actor.id && (change.disabled || (change.role && change.role !== 'admin'))) {
    throw forbidden('You cannot disable yourself or give up your own admin role.');
  }
  const row = await ctx.db
    .updateTable('users')
    .set({
      ...(change.role ? { role: change.role } : {}),
      ...(change.disabled === undefined ? {} : { disabled_at: change.disabled ? new Date() : null }),
      updated_at: new Date(),
      version: current.version + 1,
    })
    .where('id', '=', userId)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (change.disabled) await ctx.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  if (change.role && change.role !== current.role) await recordAudit(ctx.db, { actorId: actor.id, action: 'user.role_changed', subject: current.email, details: { from: current.role, to: change.role } });
  if (change.disabled !== undefined && change.disabled !== current.disabled) await recordAudit(ctx.db, { actorId: actor.id, action: change.disabled ? 'user.disabled' : 'user.enabled', subject: current.email });
  return toUser(row);
}

/** Checks an email and password. Wrong email and wrong password take the same time and give the same answer. */
export async function authenticate(ctx: Ctx, email: string, password: string, ip: string | null): Promise<User> {
  const row = await ctx.db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  const ok = await verifyPassword(password, row?.password_hash ?? null);
  if (!row || !ok || row.disabled_at) {
    await recordAudit(ctx.db, { actorId: row?.id ?? null, action: 'auth.login_failed', subject: email.slice(0, 254), ip, details: row?.disabled_at ? { reason: 'disabled' } : {} });
    throw new HttpError(401, 'invalid_credentials', 'That email and password do not match an active account.');
  }
  await recordAudit(ctx.db, { actorId: row.id, action: 'auth.login', subject: row.email, ip });
  return toUser(row);
}
