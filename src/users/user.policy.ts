import { can, type Actor } from './permissions.js';

/** Who may manage whom: the one place the user services and views ask. */
export const mayManageUsers = (actor: Actor | null | undefined) => can(actor, 'user.manage');
export const mayReadAudit = (actor: Actor | null | undefined) => can(actor, 'audit.read');

/** Tokens are their owner's; an admin may revoke anyone's (a leaked token of someone on leave). */
export function mayRevokeToken(actor: Actor | null | undefined, token: { userId: number }): boolean {
  return !!actor && (token.userId === actor.id || mayManageUsers(actor));
}

/** An admin cannot disable or demote themselves: the desk must keep someone who can undo it. */
export function mayChangeOwnAccount(actor: Actor, userId: number, change: { disabled?: boolean; role?: string }): boolean {
  return userId !== actor.id || (!change.disabled && (!change.role || change.role === 'admin'));
}
