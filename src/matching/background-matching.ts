/**
 * Matching a long document after its import has committed (docs/MATCHING.md, "Stored and kept
 * current"). A document of thousands of claims costs seconds of matching; run inside the import,
 * that is the import's time. Here the work is done in this process, a document at a time, a batch
 * of claims per transaction, so requests keep being served between batches. What is not done when
 * the process stops (shutdown, crash) is done by the start-up backfill (`backfillMatches`): a claim
 * without match keys is exactly a claim still waiting.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { countMatchedClaimsOfDocument, findClaimsWithoutKeysOfDocument } from './match.repository.js';
import { refreshMatches } from './match.service.js';

/** Claims matched in one transaction: short enough for PGlite's one connection to serve requests in between. */
const BATCH = 250;

let queue: Promise<void> = Promise.resolve();
let stopping = false;

/**
 * Queues the matching of a document's claims that have no match keys yet. Returns at once; the
 * work runs after any queued before it. Failures are left to the start-up backfill.
 */
export function matchDocumentInBackground(db: Db, documentId: number): void {
  queue = queue.then(() => matchDocument(db, documentId)).catch(() => {});
}

async function matchDocument(db: Db, documentId: number): Promise<void> {
  while (!stopping) {
    const ids = await findClaimsWithoutKeysOfDocument(db, documentId, BATCH);
    if (ids.length === 0) break;
    await db.transaction().execute((trx) => refreshMatches(trx, ids));
  }
  // The reader's "Seen before" marks are kept in the page cache until a claim changes
  // (src/db/read-cache.ts): a statement on claims, changing no row, tells every process that the
  // matches it shows are new.
  await sql`UPDATE claims SET version = version WHERE false`.execute(db);
}

/** Resolves once every queued document is matched (tests, the CLI before it exits, the benchmark). */
export function matchingIdle(): Promise<void> {
  return queue;
}

/** Stops after the batch in progress (shutdown); the rest waits for the next start. */
export async function stopBackgroundMatching(): Promise<void> {
  stopping = true;
  await queue;
  stopping = false;
}

/**
 * How far a document's matching has got, or null when every claim is matched: read from the
 * database (a claim without match keys is still waiting), so every process answers alike.
 */
export async function matchingProgress(db: Db, documentId: number): Promise<{ matched: number; total: number } | null> {
  const counts = await countMatchedClaimsOfDocument(db, documentId);
  return counts.matched < counts.total ? counts : null;
}
