import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export interface ClaimEventTable {
  id: Generated<number>;
  claim_id: number;
  document_id: number;
  actor_id: number | null;
  /** `claim.created`, `claim.updated`, `source.added`, `note.edited`, … */
  action: string;
  before: ColumnType<Record<string, unknown> | null, string | null, never>;
  after: ColumnType<Record<string, unknown> | null, string | null, never>;
  created_at: ColumnType<Date, never, never>;
}
export type ClaimEventRow = Selectable<ClaimEventTable>;
export type InsertableClaimEventRow = Insertable<ClaimEventTable>;
