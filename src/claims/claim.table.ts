import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Finding } from '../extraction/index.js';
import type { ClaimKind, ClaimStatus, CorrectionScope, Verdict } from './claim-vocabulary.js';

export interface ClaimTable {
  id: Generated<number>;
  document_id: number;
  start_offset: number;
  end_offset: number;
  quote: string;
  sentence_index: number;
  kind: ClaimKind;
  score: number;
  reasons: ColumnType<string[], string, string>;
  /** Pre-check findings (sql/0017), a JSON array. */
  findings: ColumnType<Finding[], string | undefined, string>;
  suggestion: string | null;
  origin: 'extracted' | 'manual';
  status: ColumnType<ClaimStatus, ClaimStatus | undefined, ClaimStatus>;
  verdict: Verdict | null;
  proposed_verdict: Verdict | null;
  correction: string | null;
  correction_scope: ColumnType<CorrectionScope, CorrectionScope | undefined, CorrectionScope>;
  claim_statement: string | null;
  explanation: string | null;
  assignee_id: number | null;
  resolved_by: number | null;
  resolved_at: Date | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
  version: ColumnType<number, never, number>;
  search: ColumnType<string, never, never>;
  /** Its notes' and sources' words, kept by triggers (sql/0009): part of the queue's search only. */
  research_search: ColumnType<string, never, never>;
}
export type ClaimRow = Selectable<ClaimTable>;
export type InsertableClaimRow = Insertable<ClaimTable>;
export type UpdateableClaimRow = Updateable<ClaimTable>;
