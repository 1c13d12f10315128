import { refuseCommonPassword } from './common-passwords.js';
import { revokeUserTokens } from './token.service.js';
import { randomBytes } from 'node:crypto';
import type { Ctx } from '../context.js';
import { conflict, HttpError, notFound } from '../http/errors.js';
import { recordAudit } from './audit.js';
import { expireInvitations, findInvitationByHash, insertInvitation } from './invitation.repository.js';
import { hashPassword } from './passwords.js';
import { requirePermission, type Actor } from './permissions.js';
import { endUserSessions, hashSecret } from './session.service.js';
import type { User } from './user.js';
import { findUserById, insertUser, lockUserById, updateUser } from './user.repository.js';
import { normaliseEmail, type InviteInput } from './user.schemas.js';

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

/** A link's secret, returned once to the admin who made it; only its hash is stored. */
export interface Invitation {
  user: User;
  token: string;
  expiresAt: Date;
}

const invalidLink = () =>
  new HttpError(404, 'invitation_invalid', 'This link is unknown, has already been used or has expired. Ask an admin for a new one.');

/** Link secrets are 32 random bytes in base64url; anything else names no invitation. */
export const isInvitationToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

/** Creates a user without a password and a single-use link, valid for 7 days, to choose one. */
export async function inviteUser(ctx: Ctx, actor: Actor, input: InviteInput): Promise<Invitation> {
  requirePermission(actor, 'user.manage');
  const email = normaliseEmail(input.email);
  return ctx.db.transaction().execute(async (trx) => {
    const user = await insertUser(trx, { email, display_name: input.displayName.trim(), role: input.role, password_hash: null });
    if (!user) throw conflict(`A user with the email ${email} already exists.`);
    const token = randomBytes(32).toString('base64url');
    const { expiresAt } = await insertInvitation(trx, {
      userId: user.id,
      tokenHash: hashSecret(token),
      createdBy: actor.id,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    await recordAudit(trx, { actorId: actor.id, action: 'user.invited', subject: email, details: { role: input.role } });
    return { user, token, expiresAt };
  });
}

/**
 * Issues a fresh link for an existing user (never signed in, or forgot their password); older
 * links stop working. Following it sets a new password and signs the user out everywhere.
 */
export async function issueInvitation(ctx: Ctx, actor: Actor, userId: number): Promise<Invitation> {
  requirePermission(actor, 'user.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const user = await lockUserById(trx, userId);
    if (!user) throw notFound('User');
    if (user.disabled) throw conflict(`${user.email} is disabled; enable the account before sending a new link.`);
    await expireInvitations(trx, userId);
    const token = randomBytes(32).toString('base64url');
    const { expiresAt } = await insertInvitation(trx, {
      userId,
      tokenHash: hashSecret(token),
      createdBy: actor.id,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'user.link_issued',
      subject: user.email,
      details: { hadPassword: user.hasPassword },
    });
    return { user, token, expiresAt };
  });
}

/** The user a live link belongs to, for the "choose your password" page; null for any dead link. */
export async function findInvitation(ctx: Ctx, token: string): Promise<{ user: User; expiresAt: Date } | null> {
  if (!isInvitationToken(token)) return null;
  const invitation = await findInvitationByHash(ctx.db, hashSecret(token));
  if (!invitation || invitation.usedAt || invitation.expiresAt <= new Date()) return null;
  const user = await findUserById(ctx.db, invitation.userId);
  return user && !user.disabled ? { user, expiresAt: invitation.expiresAt } : null;
}

/** Sets the password through a link, exactly once: the link row is locked, checked and retired in one transaction. */
export async function acceptInvitation(ctx: Ctx, token: string, password: string, ip: string | null): Promise<User> {
  if (!isInvitationToken(token)) throw invalidLink();
  refuseCommonPassword(password);
  const passwordHash = await hashPassword(password, ctx.config.passwordHashCost);
  return ctx.db.transaction().execute(async (trx) => {
    const invitation = await findInvitationByHash(trx, hashSecret(token), 'lock');
    if (!invitation || invitation.usedAt || invitation.expiresAt <= new Date()) throw invalidLink();
    const current = await lockUserById(trx, invitation.userId);
    if (!current || current.disabled) throw invalidLink();
    const user = await updateUser(trx, current.id, { password_hash: passwordHash });
    await expireInvitations(trx, current.id);
    await endUserSessions(trx, current.id);
    // A reset is for a forgotten or exposed password: whatever it let anyone set up goes too.
    await revokeUserTokens(trx, current.id);
    await recordAudit(trx, {
      actorId: current.id,
      action: current.hasPassword ? 'user.password_reset' : 'user.invitation_accepted',
      subject: current.email,
      ip,
    });
    return user;
  });
}
