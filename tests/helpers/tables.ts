import { sql } from 'kysely';
import type { Db } from '../../src/db/database.js';

const tables = ['users', 'documents', 'claims', 'claim_sources', 'claim_notes', 'claim_events'] as const;

/**
 * A checksum of every row of every domain table, to show that a refused request changed nothing.
 * Sign-in bookkeeping (sessions, API tokens' last use, the audit log) is left out on purpose:
 * using a token and being refused are supposed to be recorded.
 */
export async function tableChecksums(db: Db, options: { withoutColumns?: string[] } = {}): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  // Leaving columns out, e.g. the search words a claim takes from its notes, which follow an accepted note edit.
  const row = options.withoutColumns?.length ? sql`(to_jsonb(t) - ${options.withoutColumns}::text[])::text` : sql`t::text`;
  for (const table of tables) {
    const { rows } = await sql<{ n: number; h: string | null }>`
      SELECT count(*)::int AS n, md5(coalesce(string_agg(md5(${row}), ',' ORDER BY md5(${row})), '')) AS h
      FROM ${sql.table(table)} AS t`.execute(db);
    out[table] = `${rows[0]!.n}:${rows[0]!.h}`;
  }
  return out;
}
