import type { Db, Tx } from '../db/database.js';

export interface InvitationRow {
  id: number;
  userId: number;
  expiresAt: Date;
  usedAt: Date | null;
}

export async function insertInvitation(
  db: Db,
  values: { userId: number; tokenHash: string; createdBy: number | null; expiresAt: Date },
): Promise<InvitationRow> {
  const row = await db
    .insertInto('user_invitations')
    .values({ user_id: values.userId, token_hash: values.tokenHash, created_by: values.createdBy, expires_at: values.expiresAt })
    .returning(['id', 'user_id', 'expires_at', 'used_at'])
    .executeTakeFirstOrThrow();
  return { id: row.id, userId: row.user_id, expiresAt: row.expires_at, usedAt: row.used_at };
}

/** The invitation behind a link's hash, locked when inside a transaction so it is used once. */
export async function findInvitationByHash(db: Db, tokenHash: string, lock?: 'lock'): Promise<InvitationRow | undefined> {
  let query = db.selectFrom('user_invitations').select(['id', 'user_id', 'expires_at', 'used_at']).where('token_hash', '=', tokenHash);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && { id: row.id, userId: row.user_id, expiresAt: row.expires_at, usedAt: row.used_at };
}

/** Pending (unused, unexpired) links per user, for the admin list. */
export async function findPendingInvitationExpiries(db: Db): Promise<Map<number, Date>> {
  const rows = await db
    .selectFrom('user_invitations')
    .select(['user_id', (eb) => eb.fn.max('expires_at').as('expires_at')])
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .groupBy('user_id')
    .execute();
  return new Map(rows.map((r) => [r.user_id, new Date(r.expires_at)]));
}

/** Retires every unused link of a user (a new one was issued, one was used, or the user was disabled). */
export async function expireInvitations(trx: Tx, userId: number): Promise<void> {
  await trx
    .updateTable('user_invitations')
    .set({ used_at: new Date() })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}
