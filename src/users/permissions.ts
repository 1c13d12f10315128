import { forbidden, unauthorized } from '../http/errors.js';

export const roles = ['admin', 'editor', 'reviewer', 'viewer'] as const;
export type Role = (typeof roles)[number];

/** Who is acting: a signed-in user, an API token's owner, or the operator at the shell. */
export interface Actor {
  id: number | null;
  name: string;
  role: Role;
}

/**
 * The shell operator: the CLI runs with the rights of whoever can reach the database anyway.
 * Its id is null, so the audit log and history show "claimdesk CLI" rather than a person.
 */
export const cliActor: Actor = Object.freeze({ id: null, name: 'claimdesk CLI', role: 'admin' });

const everyone: readonly Role[] = roles;
const researchers: readonly Role[] = ['admin', 'editor', 'reviewer'];
const editors: readonly Role[] = ['admin', 'editor'];

/**
 * The one permission table. Every service function names the permission it needs on its first
 * line; pages, the API and the CLI all pass through those functions. Admins hold every editor
 * permission as well: whoever runs the desk is trusted with its content.
 */
export const permissionTable = {
  'document.read': everyone,
  'document.import': editors,
  'document.edit': editors,
  'document.delete': editors,
  'document.archive': editors, // archive and restore
  'document.reextract': editors,
  'claim.read': everyone,
  'claim.create': researchers,
  'claim.research': researchers, // status open/in_review, proposed verdict and correction
  'claim.decide': editors, // resolve, dismiss, final verdict, reopen
  'claim.assign': editors,
  'claim.restructure': editors, // merge and split
  'source.write': researchers,
  'note.write': researchers,
  'report.read': everyone,
  'report.edit_note': editors,
  'user.manage': ['admin'],
  'audit.read': ['admin'],
  'token.own': everyone, // one's own API tokens
  'account.own': everyone, // one's own password
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionTable;

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  return !!actor && (permissionTable[permission] as readonly Role[]).includes(actor.role);
}

/** Throws 401 for nobody and 403 for someone without the permission. */
export function requirePermission(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw unauthorized();
  if (!can(actor, permission)) throw forbidden(`Your role (${actor.role}) cannot do that (${permission}).`);
}
