import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Stance } from '../claims/claim-vocabulary.js';

export interface ClaimSourceTable {
  id: Generated<number>;
  claim_id: number;
  url: string;
  title: string | null;
  publisher: string | null;
  /** An ISO date (YYYY-MM-DD); both engines are set to return DATE as text. */
  published_on: string | null;
  excerpt: string | null;
  stance: Stance;
  added_by: number | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
  version: ColumnType<number, never, number>;
  search: ColumnType<string, never, never>;
}
export type ClaimSourceRow = Selectable<ClaimSourceTable>;
export type InsertableClaimSourceRow = Insertable<ClaimSourceTable>;
export type UpdateableClaimSourceRow = Updateable<ClaimSourceTable>;
