import { sql } from 'kysely';
import type { Db } from '../../../src/db/database.js';

/**
 * A checksum of every domain table, leaving out one claim and its history: what a storm of
 * edits to that claim must not touch. Rows are hashed in a fixed order, so equal means equal.
 */
export async function checksumsExceptClaim(db: Db, claimId: number): Promise<Record<string, string>> {
  const queries = {
    users: sql`SELECT t::text AS r FROM users AS t`,
    documents: sql`SELECT t::text AS r FROM documents AS t`,
    claims: sql`SELECT t::text AS r FROM claims AS t WHERE id <> ${claimId}`,
    claim_sources: sql`SELECT t::text AS r FROM claim_sources AS t`,
    claim_notes: sql`SELECT t::text AS r FROM claim_notes AS t`,
    claim_events: sql`SELECT t::text AS r FROM claim_events AS t WHERE claim_id <> ${claimId}`,
  };
  const out: Record<string, string> = {};
  for (const [table, query] of Object.entries(queries)) {
    const { rows } = await sql<{
      n: number;
      h: string;
    }>`SELECT count(*)::int AS n, md5(coalesce(string_agg(md5(r), ',' ORDER BY md5(r)), '')) AS h FROM (${query}) AS q`.execute(db);
    out[table] = `${rows[0]!.n}:${rows[0]!.h}`;
  }
  return out;
}
