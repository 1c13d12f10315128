import type { Ctx } from '../context.js';
import type { Db, Tx } from '../db/database.js';
import { findClaimById } from '../claims/claim.repository.js';
import { notFound } from '../http/errors.js';
import type { Source } from '../sources/source.js';
import { findSourcesByClaimIds } from '../sources/source.repository.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import { claimTerms } from './claim-terms.js';
import { MATCH_LIMIT, scoreMatch } from './match-score.js';
import {
  deleteMatchKeys,
  findCandidates,
  findClaimIdsOfDocument,
  findClaimTexts,
  findClaimsWithoutKeys,
  findMatchesOf,
  insertMatches,
  insertMatchKeys,
  type MatchKey,
  type MatchRow,
} from './match.repository.js';

/**
 * Retrieval limits (docs/MATCHING.md): a term carried by more than maxDf claims is too common
 * to find candidates by; each of a claim's `anchors` rarest terms brings at most perAnchor claims;
 * of those, the perClaim sharing most anchors are scored.
 */
export const RETRIEVAL = { maxDf: 1000, anchors: 12, perAnchor: 100, perClaim: 40 };

/**
 * Recomputes the match keys and the stored matches of these claims, inside the caller's
 * transaction: at import and re-extraction, and when a claim's span or kind changes. A review
 * change needs nothing (the review is read with the match); a deleted document takes its keys
 * and matches with it (foreign keys).
 */
export async function refreshMatches(trx: Tx, claimIds: readonly number[]): Promise<void> {
  if (claimIds.length === 0) return;
  const texts = await findClaimTexts(trx, claimIds);
  if (texts.length === 0) return;
  const keys: MatchKey[] = texts.map((t) => ({
    claimId: t.claimId,
    documentId: t.documentId,
    spelling: t.kind === 'spelling',
    ...claimTerms(t.sentence, t.quote),
  }));
  await deleteMatchKeys(
    trx,
    keys.map((k) => k.claimId),
  );
  // A document at a time: its claims are compared with every stored key, then stored, so the next
  // document's claims (a restore's backfill spans many) are compared with them in turn.
  const byDocument = new Map<number, MatchKey[]>();
  for (const k of keys) {
    const group = byDocument.get(k.documentId);
    if (group) group.push(k);
    else byDocument.set(k.documentId, [k]);
  }
  // Scored as each document's candidates arrive: a long document's (40 per claim) are not all held at once.
  const best = new Map<number, { claimId: number; otherId: number; score: number; reasons: string[] }[]>();
  for (const group of byDocument.values()) {
    for (const c of await findCandidates(trx, group, RETRIEVAL)) {
      const scored = scoreMatch({ terms: c.terms, focus: c.focus }, { terms: c.otherTerms, focus: c.otherFocus }, c.trigram);
      if (!scored) continue;
      const list = best.get(c.claimId) ?? [];
      list.push({ claimId: c.claimId, otherId: c.otherId, ...scored });
      best.set(c.claimId, list);
    }
    await insertMatchKeys(trx, group);
  }
  await insertMatches(
    trx,
    [...best.values()].flatMap((list) => list.sort((a, b) => b.score - a.score).slice(0, MATCH_LIMIT)),
  );
}

/**
 * Gives match keys and matches to claims that have none (a workspace from before matching, or
 * claims loaded by bulk SQL), a batch per transaction. Returns how many claims it indexed.
 */
export async function backfillMatches(db: Db, batchSize = 1000): Promise<number> {
  let done = 0;
  for (;;) {
    const ids = await findClaimsWithoutKeys(db, batchSize);
    if (ids.length === 0) return done;
    await db.transaction().execute((trx) => refreshMatches(trx, ids));
    done += ids.length;
  }
}

/** The claims in other documents that state what this claim states, best first (at most ten). */
export async function listClaimMatches(ctx: Ctx, actor: Actor, claimId: number): Promise<MatchRow[]> {
  requirePermission(actor, 'claim.read');
  if (!(await findClaimById(ctx.db, claimId))) throw notFound('Claim');
  return findMatchesOf(ctx.db, claimId, MATCH_LIMIT);
}

/** Computes the matches of a document's claims (all, or those above `sinceId`) in the caller's transaction. */
export async function refreshDocumentMatches(trx: Tx, documentId: number, sinceId = 0): Promise<void> {
  await refreshMatches(trx, await findClaimIdsOfDocument(trx, documentId, sinceId));
}

export interface SeenBefore extends MatchRow {
  sources: Source[];
}

/** The claim page's "Seen before" panel: the matches with each one's sources, in two queries. */
export async function seenBefore(db: Db, claimId: number): Promise<SeenBefore[]> {
  const matches = await findMatchesOf(db, claimId, MATCH_LIMIT);
  const sources = await findSourcesByClaimIds(
    db,
    matches.map((m) => m.claimId),
  );
  return matches.map((m) => ({ ...m, sources: sources.filter((s) => s.claimId === m.claimId) }));
}
