import type { Claim } from '../claims/claim.js';
import type { ClaimPatch } from '../claims/claim.js';
import { findClaimById } from '../claims/claim.repository.js';
import { applyClaimPatch } from '../claims/claim.service.js';
import type { Ctx } from '../context.js';
import { invalid, notFound } from '../http/errors.js';
import { insertClaimEvents } from '../history/event.repository.js';
import { findSourcesByClaimIds, insertSource } from '../sources/source.repository.js';
import { can, requirePermission, type Actor } from '../users/permissions.js';
import { findMatchesOf } from './match.repository.js';
import type { ReuseInput } from './reuse.js';

/**
 * Copies the review of a matched, resolved claim onto this one: the verdict (as the verdict for
 * someone who decides, as a proposed verdict otherwise), the correction, the explanation and
 * every source as a new source row, all in one transaction. The history records
 * `claim.reused` with "reused from claim #N"; each copied source has its own `source.added`.
 * Nothing is special afterwards: an editor undoes it with the review form and by removing sources.
 */
export async function reuseReview(
  ctx: Ctx,
  actor: Actor,
  claimId: number,
  input: ReuseInput,
): Promise<{ claim: Claim; sources: number; warnings: string[] }> {
  requirePermission(actor, 'claim.research');
  requirePermission(actor, 'source.write');
  if (input.from === claimId) throw invalid('from', 'must be another claim');
  const matches = await findMatchesOf(ctx.db, claimId, Number.MAX_SAFE_INTEGER);
  const origin = await findClaimById(ctx.db, input.from);
  if (!origin) throw notFound('Claim');
  if (!matches.some((m) => m.claimId === input.from)) throw invalid('from', `claim #${input.from} is not among this claim's matches`);
  if (origin.status !== 'resolved' || !origin.verdict) throw invalid('from', `claim #${input.from} has no review to reuse yet`);
  const sources = await findSourcesByClaimIds(ctx.db, [origin.id]);
  return ctx.db.transaction().execute(async (trx) => {
    const target = await findClaimById(trx, claimId);
    if (!target) throw notFound('Claim');
    const decides = can(actor, 'claim.decide');
    const patch: ClaimPatch = decides
      ? {
          version: input.version,
          status: 'resolved',
          verdict: origin.verdict,
          correction: origin.correction,
          explanation: origin.explanation,
        }
      : {
          version: input.version,
          proposedVerdict: origin.verdict,
          correction: origin.correction,
          explanation: origin.explanation,
          ...(target.status === 'open' ? { status: 'in_review' as const } : {}),
        };
    const { claim, warnings } = await applyClaimPatch(trx, ctx.config, actor, claimId, patch, {
      action: 'claim.reused',
      after: { reusedFrom: origin.id },
    });
    for (const s of sources) {
      const copy = await insertSource(trx, {
        claim_id: claimId,
        url: s.url,
        title: s.title,
        publisher: s.publisher,
        published_on: s.publishedOn,
        excerpt: s.excerpt,
        stance: s.stance,
        added_by: actor.id,
      });
      await insertClaimEvents(trx, [
        {
          claimId,
          documentId: claim.documentId,
          actorId: actor.id,
          action: 'source.added',
          after: {
            sourceId: copy.id,
            url: copy.url,
            title: copy.title,
            publisher: copy.publisher,
            publishedOn: copy.publishedOn,
            excerpt: copy.excerpt,
            stance: copy.stance,
            reusedFrom: origin.id,
          },
        },
      ]);
    }
    return { claim: (await findClaimById(trx, claimId))!, sources: sources.length, warnings };
  });
}
