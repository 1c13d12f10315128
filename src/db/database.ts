import type { Kysely, Transaction } from 'kysely';
import type { ClaimTable } from '../claims/claim.table.js';
import type { DocumentShingleTable, DocumentTable } from '../documents/document.table.js';
import type { ClaimEventTable } from '../history/event.table.js';
import type { RateLimitCounterTable } from '../http/rate-limit.table.js';
import type { ClaimMatchKeyTable, ClaimMatchTable, ClaimMatchTermTable } from '../matching/match.table.js';
import type { ClaimNoteTable } from '../notes/note.table.js';
import type { ClaimSourceTable } from '../sources/source.table.js';
import type { ApiTokenTable, AuditLogTable, SessionTable, UserInvitationTable } from '../users/auth.table.js';
import type { UserTable } from '../users/user.table.js';
import type { CorrectionRevisionTable } from '../reports/revision.table.js';

/** Every table claimdesk reads or writes, as Kysely sees them (snake_case, as in sql/). */
export interface Database {
  users: UserTable;
  documents: DocumentTable;
  document_shingles: DocumentShingleTable;
  claims: ClaimTable;
  claim_sources: ClaimSourceTable;
  claim_notes: ClaimNoteTable;
  claim_events: ClaimEventTable;
  claim_match_keys: ClaimMatchKeyTable;
  claim_match_terms: ClaimMatchTermTable;
  claim_matches: ClaimMatchTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  correction_revisions: CorrectionRevisionTable;
  user_invitations: UserInvitationTable;
  rate_limit_counters: RateLimitCounterTable;
  schema_migrations: { name: string; checksum: string; applied_at: Date };
}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
