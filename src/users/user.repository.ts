import type { Db, Tx } from '../db/database.js';
import type { User } from './user.js';
import type { InsertableUserRow, UpdateableUserRow, UserRow } from './user.table.js';

export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

/** The row itself, password hash included: only the sign-in and password code may ask for it. */
export async function findUserRowByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUserRowById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Active users, for assignment pickers. */
export async function listActiveUsers(db: Db): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().where('disabled_at', 'is', null).orderBy('display_name').execute();
  return rows.map(toUser);
}

/** Everyone, disabled users included, in the order they joined. */
export async function listAllUsers(db: Db): Promise<User[]> {
  return (await db.selectFrom('users').selectAll().orderBy('id').execute()).map(toUser);
}

/** Inserts a user unless the email is taken; undefined means it was. */
export async function insertUser(db: Db, values: InsertableUserRow): Promise<User | undefined> {
  const row = await db
    .insertInto('users')
    .values(values)
    .onConflict((oc) => oc.constraint('users_email_key').doNothing())
    .returningAll()
    .executeTakeFirst();
  return row && toUser(row);
}

/**
 * Locks every active admin row (in id order, so two callers cannot deadlock). Changes that
 * could remove the last admin take this lock first, which makes them take turns.
 */
export async function lockActiveAdmins(trx: Tx): Promise<number[]> {
  const rows = await trx
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

export async function lockUserById(trx: Tx, id: number): Promise<User | undefined> {
  const row = await trx.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  return row && toUser(row);
}

export async function updateUser(trx: Tx, id: number, values: Omit<UpdateableUserRow, 'updated_at' | 'version'>): Promise<User> {
  const row = await trx
    .updateTable('users')
    .set((eb) => ({ ...values, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled_at !== null,
    hasPassword: row.password_hash !== null,
    timeZone: row.time_zone ?? 'UTC',
    createdAt: row.created_at,
    version: row.version,
  };
}
