import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface ClaimNoteTable {
  id: Generated<number>;
  claim_id: number;
  author_id: number | null;
  body: string;
  created_at: ColumnType<Date, never, never>;
  edited_at: Date | null;
  version: ColumnType<number, never, number>;
  search: ColumnType<string, never, never>;
}
export type ClaimNoteRow = Selectable<ClaimNoteTable>;
export type InsertableClaimNoteRow = Insertable<ClaimNoteTable>;
export type UpdateableClaimNoteRow = Updateable<ClaimNoteTable>;
