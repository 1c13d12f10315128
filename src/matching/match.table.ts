import type { ColumnType } from 'kysely';

export interface ClaimMatchKeyTable {
  claim_id: number;
  document_id: number;
  spelling: ColumnType<boolean, boolean | undefined, boolean>;
  terms: string[];
  focus: ColumnType<string[], string[] | undefined, string[]>;
  words: ColumnType<string, string | undefined, string>;
}

export interface ClaimMatchTermTable {
  term: string;
  df: number;
}

export interface ClaimMatchTable {
  claim_id: number;
  matched_claim_id: number;
  score: number;
  reasons: ColumnType<string[], string, string>;
}
