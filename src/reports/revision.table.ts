import type { ColumnType, Generated, Selectable } from 'kysely';

/** One publication of a document's corrections (sql/0015): append-only. */
export interface CorrectionRevisionTable {
  id: Generated<number>;
  document_id: number;
  number: number;
  note: string;
  corrected_text: string;
  claim_ids: ColumnType<number[], number[], never>;
  published_by: number | null;
  published_by_name: string;
  published_at: ColumnType<Date, Date | undefined, never>;
}
export type CorrectionRevisionRow = Selectable<CorrectionRevisionTable>;
