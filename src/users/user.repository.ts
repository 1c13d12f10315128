import type { Db } from '../db/database.js';
import type { User } from './user.js';
import type { UserRow } from './user.table.js';

export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

/** Active users, for assignment pickers. */
export async function listActiveUsers(db: Db): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().where('disabled_at', 'is', null).orderBy('display_name').execute();
  return rows.map(toUser);
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
    version: row.version,
  };
}
