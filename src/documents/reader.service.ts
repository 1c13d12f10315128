import type { Ctx } from '../context.js';
import { notFound } from '../http/errors.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import type { Document } from './document.js';
import { findDocumentById } from './document.repository.js';
import type { ReaderClaim } from './reader.js';
import { findReaderClaims } from './reader.repository.js';
import { findClaimsWithReviewedMatch } from '../matching/match.repository.js';

/** Who may open the reader: whoever may read documents and claims. */
export function requireReader(actor: Actor): void {
  requirePermission(actor, 'document.read');
  requirePermission(actor, 'claim.read');
}

/**
 * A document and its claims for the reader, in three queries whatever the number of claims; `seen`
 * holds the claims with a reviewed match in another document (the reader marks them).
 */
export async function getDocumentForReading(
  ctx: Ctx,
  actor: Actor,
  id: number,
): Promise<{ document: Document; claims: ReaderClaim[]; seen: Set<number> }> {
  requireReader(actor);
  const [document, claims] = await Promise.all([findDocumentById(ctx.db, id), findReaderClaims(ctx.db, id)]);
  if (!document) throw notFound('Document');
  return {
    document,
    claims,
    seen: await findClaimsWithReviewedMatch(
      ctx.db,
      claims.map((c) => c.id),
    ),
  };
}
