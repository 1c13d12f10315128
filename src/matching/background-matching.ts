/**
 * Matching a long document after its import has committed (docs/MATCHING.md, "Stored and kept
 * current"). A document of thousands of claims costs seconds of matching; run inside the import,
 * that is the import's time. Here the work is done in this process, a document at a time, a batch
 * of claims per transaction, so requests keep being served between batches. What is not done when
 * the process stops (shutdown, crash) is done by the start-up backfill (`backfillMatches`): a claim
 * without match keys is exactly a claim still waiting.
 */
import { findLastClaimIdOfDocument, insertClaims } from '../claims/claim.repository.js';
import type { Db } from '../db/database.js';
import { lockDocumentById } from '../documents/document.repository.js';
import type { ExtractionResult } from '../extraction/index.js';
import { insertCreationEventsForDocument } from '../history/event.repository.js';
import { countMatchedClaimsOfDocument, findClaimsWithoutKeysOfDocument } from './match.repository.js';
import { refreshMatches } from './match.service.js';
import { restatedReviewClaims } from './restated-reviews.js';

/** Claims (or sentences) looked at in one transaction: short enough for PGlite's one connection to serve requests in between. */
const BATCH = 250;

let queue: Promise<void> = Promise.resolve();
let stopping = false;
/** Documents queued or being matched in this process: only their reader pages ask how far it has got. */
const pending = new Set<number>();

/** An import's sentences still to be compared with reviewed claims (restated-reviews.ts), and who imported them. */
export interface PendingRestated {
  text: string;
  extraction: ExtractionResult;
  actorId: number | null;
  /** How many claims the document may still take (MAX_CLAIMS_PER_DOCUMENT). */
  room: number;
}

/**
 * Queues the matching of a document's claims that have no match keys yet, and first, for an
 * import, the restated-review lookup of its sentences. Returns at once; the work runs after any
 * queued before it. Failures are left to the start-up backfill (which matches, but does not look
 * for restated reviews again).
 */
export function matchDocumentInBackground(db: Db, documentId: number, restated?: PendingRestated): void {
  pending.add(documentId);
  queue = queue
    .then(() => matchDocument(db, documentId, restated))
    .catch((err: unknown) =>
      process.emitWarning(`matching document ${documentId} in the background stopped (the next start finishes it): ${String(err)}`),
    )
    .finally(() => pending.delete(documentId));
}

async function matchDocument(db: Db, documentId: number, restated?: PendingRestated): Promise<void> {
  if (restated) await addRestatedClaims(db, documentId, restated);
  while (!stopping) {
    const ids = await findClaimsWithoutKeysOfDocument(db, documentId, BATCH);
    if (ids.length === 0) break;
    await db.transaction().execute((trx) => refreshMatches(trx, ids));
  }
}

/**
 * The claims restating reviewed ones among an imported document's sentences, a batch of sentences
 * per transaction, each holding the document's row lock as a re-extraction does; a span someone
 * made a claim of meanwhile is skipped (insertClaims).
 */
async function addRestatedClaims(db: Db, documentId: number, pending: PendingRestated): Promise<void> {
  let room = pending.room;
  for (let i = 0; i < pending.extraction.sentences.length && room > 0 && !stopping; i += BATCH) {
    const sentences = pending.extraction.sentences.slice(i, i + BATCH);
    room -= await db.transaction().execute(async (trx) => {
      // A document deleted meanwhile takes nothing more.
      if (!(await lockDocumentById(trx, documentId))) return room;
      const rows = await restatedReviewClaims(trx, documentId, pending.text, { ...pending.extraction, sentences }, room);
      if (rows.length === 0) return 0;
      const last = await findLastClaimIdOfDocument(trx, documentId);
      const inserted = await insertClaims(trx, rows);
      await insertCreationEventsForDocument(trx, documentId, pending.actorId, last);
      return inserted;
    });
  }
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
 * Holds the queue until the returned function is called: a test sees a document while its
 * matching waits, which otherwise may be over before the next request.
 */
export function holdBackgroundMatching(): () => void {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  queue = queue.then(() => held);
  return release;
}

/**
 * How far a document's matching has got, or null when it is not being matched in this process or
 * every claim is matched. The counts are read from the database (a claim without match keys is
 * still waiting); a document no one is matching costs no query, so a kept reader page stays free.
 */
export async function matchingProgress(db: Db, documentId: number): Promise<{ matched: number; total: number } | null> {
  if (!pending.has(documentId)) return null;
  const counts = await countMatchedClaimsOfDocument(db, documentId);
  return counts.matched < counts.total ? counts : null;
}
