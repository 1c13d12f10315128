import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface DocumentTable {
  id: Generated<number>;
  title: string;
  language: string;
  source_url: string | null;
  body: string;
  content_hash: string;
  /** Start offset of each sentence (1-based sentence n starts at sentence_starts[n-1]). */
  sentence_starts: ColumnType<number[], number[] | undefined, number[]>;
  correction_note: string | null;
  author: string | null;
  publisher: string | null;
  published_at: Date | null;
  /** Whether the published correction note lists typos (sql/0015; silent by default). */
  note_lists_typos: ColumnType<boolean, boolean | undefined, boolean>;
  /** When an editor archived it (sql/0019): hidden from lists and the queue, restorable. */
  archived_at: Date | null;
  archived_by: number | null;
  created_by: number | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
  version: ColumnType<number, never, number>;
  /** Whether the body holds characters outside the BMP (sql/0024, generated): then UTF-16 offsets and substr() disagree. */
  has_astral: ColumnType<boolean, never, never>;
  /** Where each line begins, then where the text ends, in characters (sql/0029, generated): the reader's part bounds. */
  line_bounds: ColumnType<number[], never, never>;
}
export type DocumentRow = Selectable<DocumentTable>;
export type InsertableDocumentRow = Insertable<DocumentTable>;
export type UpdateableDocumentRow = Updateable<DocumentTable>;

/** A sample of a document's shingle hashes (sql/0021), for near-duplicate warnings; derived from the body. */
export interface DocumentShingleTable {
  document_id: number;
  shingle_count: number;
  sample: number[];
}
