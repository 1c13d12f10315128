import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Role } from './permissions.js';

export interface UserTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  role: Role;
  password_hash: string | null;
  disabled_at: Date | null;
  /** IANA time zone for the pages' times (sql/0020); null is UTC. */
  time_zone: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
  version: ColumnType<number, never, number>;
}
export type UserRow = Selectable<UserTable>;
export type InsertableUserRow = Insertable<UserTable>;
export type UpdateableUserRow = Updateable<UserTable>;
