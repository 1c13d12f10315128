/**
 * The "seen before" keys and near-duplicate shingles of a workspace loaded by SQL, computed as an
 * import computes them, so that `claimdesk serve` finds nothing to backfill at start-up (at
 * 100,000 claims the start-up backfill alone outlasts the bench's wait for the server).
 * The keys only: the pairs of matched claims (claim_matches) are left empty, so the claim page's
 * "Seen before" panel reads an empty list — one indexed query either way.
 */
import { findClaimTexts, insertMatchKeys, type MatchKey } from '../src/matching/match.repository.js';
import { claimTerms } from '../src/matching/claim-terms.js';
import { backfillShingles } from '../src/documents/near-duplicate.js';
import type { Db } from '../src/db/database.js';

export async function storeMatchKeys(db: Db, batchSize = 5000): Promise<void> {
  const ids = (await db.selectFrom('claims').select('id').orderBy('id').execute()).map((r) => r.id);
  for (let i = 0; i < ids.length; i += batchSize) {
    const texts = await findClaimTexts(db, ids.slice(i, i + batchSize));
    const keys: MatchKey[] = texts.map((t) => ({
      claimId: t.claimId,
      documentId: t.documentId,
      spelling: t.kind === 'spelling',
      ...claimTerms(t.sentence, t.quote),
    }));
    await db.transaction().execute((trx) => insertMatchKeys(trx, keys));
  }
  await backfillShingles(db);
}
