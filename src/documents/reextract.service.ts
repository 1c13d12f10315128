import type { Claim } from '../claims/claim.js';
import { findClaimsByDocumentId, insertClaims, setClaimFindings, type NewClaimRow } from '../claims/claim.repository.js';
import type { Ctx } from '../context.js';
import type { ExtractionResult, Finding } from '../extraction/index.js';
import { insertCreationEventsForDocument } from '../history/event.repository.js';
import { notFound } from '../http/errors.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import type { Document } from './document.js';
import { findDocumentById, lockDocumentById } from './document.repository.js';
import { claimRows } from './document.service.js';
import { sentenceIndexAt } from './spans.js';
import { boundedExtract } from './extraction-limits.js';
import { matchDocumentInBackground } from '../matching/background-matching.js';
import { refreshDocumentMatches } from '../matching/match.service.js';

export interface ReextractResult {
  document: Document;
  /** The claims this run added, in text order; existing claims are never in it. */
  created: Claim[];
}

/**
 * Runs extraction again over a document and adds only the candidates that are new: a candidate
 * is skipped when a claim of the same kind already covers any part of its span, so claims that
 * reviewers resized, merged, split or dismissed are not proposed a second time. Existing claims
 * keep their review fields; only their pre-check findings are recomputed (a claim gets the
 * findings of this run's candidates of its kind that overlap it). The new claims, the findings
 * and the `claim.created` events commit in one transaction.
 */
export async function reextractDocument(ctx: Ctx, actor: Actor, documentId: number): Promise<ReextractResult> {
  requirePermission(actor, 'document.reextract');
  // A document's text never changes, so the (slow) extraction runs before the lock is taken.
  const unlocked = await findDocumentById(ctx.db, documentId);
  if (!unlocked) throw notFound('Document');
  const extraction = boundedExtract(ctx.config, unlocked.text, unlocked.language, 0, unlocked.publishedAt);
  const result = await ctx.db.transaction().execute(async (trx) => {
    // The row lock also holds off claims being added to this document by anyone else until we
    // commit (their foreign-key check needs a share lock on it), so "id > last" below is exact.
    const document = await lockDocumentById(trx, documentId);
    if (!document) throw notFound('Document');
    const existing = await findClaimsByDocumentId(trx, documentId);
    const covered = coverageByKind(existing);
    // Sentence numbers come from the stored sentence starts, so old and new claims agree on them.
    const candidates = claimRows(documentId, extraction)
      .filter((candidate) => !covered.get(candidate.kind)?.overlaps(candidate.start, candidate.end))
      .map((candidate): NewClaimRow => ({ ...candidate, sentenceIndex: sentenceIndexAt(document.sentenceStarts, candidate.start) }));
    await setClaimFindings(trx, documentId, findingsFor(existing, extraction));
    if (candidates.length === 0) return { document, created: [] };
    const last = existing.reduce((max, claim) => Math.max(max, claim.id), 0);
    await insertClaims(trx, candidates);
    await insertCreationEventsForDocument(trx, documentId, actor.id, last);
    // Many new claims are matched after commit, in the background, as a long import's are.
    if (candidates.length <= ctx.config.matchInlineClaims) await refreshDocumentMatches(trx, documentId, last);
    const created = (await findClaimsByDocumentId(trx, documentId)).filter((claim) => claim.id > last);
    return { document, created };
  });
  if (result.created.length > ctx.config.matchInlineClaims) matchDocumentInBackground(ctx.db, documentId);
  return result;
}

/**
 * For each kind, answers "does any existing claim overlap [start, end)?" in O(log n): spans
 * sorted by start with a running maximum of their ends.
 */
function coverageByKind(claims: readonly Claim[]): Map<string, { overlaps(start: number, end: number): boolean }> {
  const byKind = new Map<string, Claim[]>();
  for (const claim of claims) {
    const list = byKind.get(claim.kind);
    if (list) list.push(claim);
    else byKind.set(claim.kind, [claim]);
  }
  const out = new Map<string, { overlaps(start: number, end: number): boolean }>();
  for (const [kind, list] of byKind) {
    const sorted = [...list].sort((a, b) => a.start - b.start);
    const starts = sorted.map((c) => c.start);
    const maxEnd: number[] = [];
    for (const [i, c] of sorted.entries()) maxEnd.push(Math.max(c.end, maxEnd[i - 1] ?? 0));
    out.set(kind, {
      overlaps(start, end) {
        let lo = 0;
        let hi = starts.length - 1;
        let last = -1; // the last span starting before `end`
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          if ((starts[mid] ?? 0) < end) {
            last = mid;
            lo = mid + 1;
          } else hi = mid - 1;
        }
        return last >= 0 && (maxEnd[last] ?? 0) > start;
      },
    });
  }
  return out;
}

// Each extracted claim's findings now: those of the overlapping candidates of its kind.
function findingsFor(claims: readonly Claim[], extraction: ExtractionResult): Map<number, Finding[]> {
  const flagged = extraction.claims.filter((c) => c.findings.length > 0);
  const out = new Map<number, Finding[]>();
  for (const claim of claims) {
    if (claim.origin !== 'extracted') continue;
    const found = flagged.filter((c) => c.kind === claim.kind && c.start < claim.end && claim.start < c.end).flatMap((c) => c.findings);
    if (found.length > 0) out.set(claim.id, found);
  }
  return out;
}
