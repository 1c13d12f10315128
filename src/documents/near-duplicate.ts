import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import { NEAR_DUPLICATE_SHARE, sharedShare, shingleHashes, shingleSample } from './shingles.js';

/** A stored document that holds most of an imported text's shingles. */
export interface NearDuplicate {
  id: number;
  title: string;
  /** The share of the imported text's shingles the stored document also holds, 0–1. */
  share: number;
}

/** How many of the documents sharing most sampled hashes are compared exactly. */
const EXACT_CHECKS = 3;

/**
 * The stored document holding at least 90 % of `text`'s shingles, the largest share first, or
 * null. The GIN index finds documents sharing sampled hashes; the best few are then compared on
 * their whole bodies, so the answer is exact for the documents it looks at.
 */
export async function findNearDuplicate(db: Db | Tx, hashes: ReadonlySet<number>): Promise<NearDuplicate | null> {
  if (hashes.size === 0) return null;
  const sample = shingleSample(hashes);
  const { rows } = await sql<{ id: number; title: string; body: string }>`
    SELECT d.id, d.title, d.body FROM (
      SELECT s.document_id, cardinality(ARRAY(SELECT unnest(s.sample) INTERSECT SELECT unnest(${sample}::integer[]))) AS shared
      FROM document_shingles s
      -- a document with fewer shingles than 90 % of these cannot hold 90 % of them
      WHERE s.sample && ${sample}::integer[] AND s.shingle_count >= ${Math.ceil(hashes.size * NEAR_DUPLICATE_SHARE)}
      ORDER BY shared DESC, s.document_id LIMIT ${EXACT_CHECKS}
    ) c JOIN documents d ON d.id = c.document_id
    ORDER BY c.shared DESC, d.id`.execute(db);
  let best: NearDuplicate | null = null;
  for (const row of rows) {
    const share = sharedShare(hashes, shingleHashes(row.body));
    if (share >= NEAR_DUPLICATE_SHARE && (!best || share > best.share)) best = { id: row.id, title: row.title, share };
  }
  return best;
}

/** Stores a document's shingle sample (at import, and for documents that have none). */
export async function storeShingles(trx: Db | Tx, documentId: number, hashes: ReadonlySet<number>): Promise<void> {
  await trx
    .insertInto('document_shingles')
    .values({ document_id: documentId, shingle_count: hashes.size, sample: shingleSample(hashes) })
    .onConflict((oc) =>
      oc
        .column('document_id')
        .doUpdateSet((eb) => ({ shingle_count: eb.ref('excluded.shingle_count'), sample: eb.ref('excluded.sample') })),
    )
    .execute();
}

/** Gives a shingle sample to documents that have none (from before sql/0021, or restored). Returns how many. */
export async function backfillShingles(db: Db | Tx): Promise<number> {
  const missing = await db
    .selectFrom('documents as d')
    .select(['d.id', 'd.body'])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('document_shingles as s').select('s.document_id').whereRef('s.document_id', '=', 'd.id'))),
    )
    .execute();
  for (const d of missing) await storeShingles(db, d.id, shingleHashes(d.body));
  return missing.length;
}

/** The warning in words, the same in the API and on the page. */
export function nearDuplicateMessage(d: NearDuplicate): string {
  return `This text shares ${Math.floor(d.share * 100)}% of its word sequences with “${d.title}” (document #${d.id}); it may be the same article.`;
}
