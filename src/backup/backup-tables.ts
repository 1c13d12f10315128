/**
 * What a backup holds: every table of the workspace, in foreign-key order, with the type of each
 * stored column. Generated columns (search vectors, and the notes' and sources' words each claim
 * carries) are rebuilt by the database; sessions, API tokens and invitation links are credentials
 * and never leave it. A test compares this list
 * with the live catalog, so a table or column added by a migration cannot be silently left out.
 */
export type ColumnType = 'int4' | 'float4' | 'bool' | 'text' | 'timestamptz' | 'date' | 'jsonb' | '_int4';

export interface BackupTable {
  name: string;
  /** Column → type; a trailing `?` marks a nullable column. */
  columns: Record<string, `${ColumnType}` | `${ColumnType}?`>;
  /** Columns that are the database's own: rebuilt on restore, never written to the file. */
  generated: string[];
  /** Columns written only with `--with-secrets`. */
  secret: string[];
  /** Rows per query while backing up: small for tables of large texts. */
  batchRows: number;
}

export const backupTables: readonly BackupTable[] = [
  {
    name: 'users',
    columns: {
      id: 'int4',
      email: 'text',
      display_name: 'text',
      role: 'text',
      password_hash: 'text?',
      disabled_at: 'timestamptz?',
      time_zone: 'text?',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
      version: 'int4',
    },
    generated: [],
    secret: ['password_hash'],
    batchRows: 500,
  },
  {
    name: 'documents',
    columns: {
      id: 'int4',
      title: 'text',
      language: 'text',
      source_url: 'text?',
      body: 'text',
      content_hash: 'text',
      sentence_starts: '_int4',
      correction_note: 'text?',
      author: 'text?',
      publisher: 'text?',
      published_at: 'timestamptz?',
      note_lists_typos: 'bool',
      archived_at: 'timestamptz?',
      archived_by: 'int4?',
      created_by: 'int4?',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
      version: 'int4',
    },
    generated: ['has_astral', 'line_bounds'],
    secret: [],
    batchRows: 8,
  },
  {
    name: 'claims',
    columns: {
      id: 'int4',
      document_id: 'int4',
      start_offset: 'int4',
      end_offset: 'int4',
      quote: 'text',
      sentence_index: 'int4',
      kind: 'text',
      score: 'float4',
      reasons: 'jsonb',
      suggestion: 'text?',
      origin: 'text',
      findings: 'jsonb',
      status: 'text',
      verdict: 'text?',
      correction: 'text?',
      explanation: 'text?',
      assignee_id: 'int4?',
      resolved_by: 'int4?',
      resolved_at: 'timestamptz?',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
      version: 'int4',
      proposed_verdict: 'text?',
      correction_scope: 'text',
      claim_statement: 'text?',
    },
    generated: ['search', 'research_search'],
    secret: [],
    batchRows: 1000,
  },
  {
    name: 'claim_sources',
    columns: {
      id: 'int4',
      claim_id: 'int4',
      url: 'text',
      title: 'text?',
      publisher: 'text?',
      published_on: 'date?',
      excerpt: 'text?',
      stance: 'text',
      added_by: 'int4?',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
      version: 'int4',
    },
    generated: ['search'],
    secret: [],
    batchRows: 1000,
  },
  {
    name: 'claim_notes',
    columns: {
      id: 'int4',
      claim_id: 'int4',
      author_id: 'int4?',
      body: 'text',
      created_at: 'timestamptz',
      edited_at: 'timestamptz?',
      version: 'int4',
    },
    generated: ['search'],
    secret: [],
    batchRows: 1000,
  },
  {
    name: 'claim_events',
    columns: {
      id: 'int4',
      claim_id: 'int4',
      document_id: 'int4',
      actor_id: 'int4?',
      action: 'text',
      before: 'jsonb?',
      after: 'jsonb?',
      created_at: 'timestamptz',
    },
    generated: [],
    secret: [],
    batchRows: 1000,
  },
  {
    name: 'correction_revisions',
    columns: {
      id: 'int4',
      document_id: 'int4',
      number: 'int4',
      note: 'text',
      corrected_text: 'text',
      claim_ids: '_int4',
      published_by: 'int4?',
      published_by_name: 'text',
      published_at: 'timestamptz',
    },
    generated: [],
    secret: [],
    batchRows: 8,
  },
  {
    name: 'audit_log',
    columns: { id: 'int4', actor_id: 'int4?', action: 'text', subject: 'text?', ip: 'text?', details: 'jsonb', created_at: 'timestamptz' },
    generated: [],
    secret: [],
    batchRows: 1000,
  },
];

/**
 * Tables deliberately left out of every backup (credentials and bookkeeping the restore
 * recreates; claim matches and document shingles are derived and recomputed after a restore; sign-in
 * failure counters expire within 15 minutes and mean nothing in another workspace).
 */
export const excludedTables = [
  'sessions',
  'api_tokens',
  'user_invitations',
  'schema_migrations',
  'claim_match_keys',
  'claim_match_terms',
  'claim_match_postings',
  'claim_matches',
  'document_shingles',
  'rate_limit_counters',
] as const;
