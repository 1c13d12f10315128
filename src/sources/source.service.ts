import { findClaimById, lockClaimById } from '../claims/claim.repository.js';
import type { Ctx } from '../context.js';
import { conflict, notFound } from '../http/errors.js';
import { insertClaimEvents } from '../history/event.repository.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import type { Source, SourceEdit, SourceInput } from './source.js';
import { deleteSource, findSourceById, insertSource, lockSourceById, updateSourceAtVersion } from './source.repository.js';

const snapshot = (s: Source) => ({
  url: s.url,
  title: s.title,
  publisher: s.publisher,
  publishedOn: s.publishedOn,
  excerpt: s.excerpt,
  stance: s.stance,
});

/** Adds evidence to a claim; the source and its `source.added` event commit together. */
export async function addSource(ctx: Ctx, actor: Actor, claimId: number, input: SourceInput): Promise<Source> {
  requirePermission(actor, 'source.write');
  return ctx.db.transaction().execute(async (trx) => {
    const claim = await lockClaimById(trx, claimId);
    if (!claim) throw notFound('Claim');
    const source = await insertSource(trx, {
      claim_id: claimId,
      url: input.url,
      title: input.title ?? null,
      publisher: input.publisher ?? null,
      published_on: input.publishedOn ?? null,
      excerpt: input.excerpt ?? null,
      stance: input.stance,
      added_by: actor.id,
    });
    await insertClaimEvents(trx, [
      {
        claimId,
        documentId: claim.documentId,
        actorId: actor.id,
        action: 'source.added',
        after: { sourceId: source.id, ...snapshot(source) },
      },
    ]);
    return source;
  });
}

/** Edits a source made from `edit.version`; a stale version gets 409 with the current source. */
export async function editSource(ctx: Ctx, actor: Actor, sourceId: number, edit: SourceEdit): Promise<Source> {
  requirePermission(actor, 'source.write');
  return ctx.db.transaction().execute(async (trx) => {
    const current = await lockSourceById(trx, sourceId);
    if (!current) throw notFound('Source');
    if (current.version !== edit.version) throw staleSource(current);
    const next = {
      url: edit.url ?? current.url,
      title: edit.title === undefined ? current.title : edit.title,
      publisher: edit.publisher === undefined ? current.publisher : edit.publisher,
      publishedOn: edit.publishedOn === undefined ? current.publishedOn : edit.publishedOn,
      excerpt: edit.excerpt === undefined ? current.excerpt : edit.excerpt,
      stance: edit.stance ?? current.stance,
    };
    await updateSourceAtVersion(trx, sourceId, edit.version, {
      url: next.url,
      title: next.title,
      publisher: next.publisher,
      published_on: next.publishedOn,
      excerpt: next.excerpt,
      stance: next.stance,
    });
    const claim = (await findClaimById(trx, current.claimId))!;
    await insertClaimEvents(trx, [
      {
        claimId: current.claimId,
        documentId: claim.documentId,
        actorId: actor.id,
        action: 'source.edited',
        before: { sourceId, ...snapshot(current) },
        after: { sourceId, ...next },
      },
    ]);
    return (await findSourceById(trx, sourceId))!;
  });
}

export async function removeSource(ctx: Ctx, actor: Actor, sourceId: number, version: number): Promise<void> {
  requirePermission(actor, 'source.write');
  await ctx.db.transaction().execute(async (trx) => {
    const current = await lockSourceById(trx, sourceId);
    if (!current) throw notFound('Source');
    if (current.version !== version) throw staleSource(current);
    const claim = (await findClaimById(trx, current.claimId))!;
    await deleteSource(trx, sourceId);
    await insertClaimEvents(trx, [
      {
        claimId: current.claimId,
        documentId: claim.documentId,
        actorId: actor.id,
        action: 'source.removed',
        before: { sourceId, ...snapshot(current) },
      },
    ]);
  });
}

function staleSource(current: Source) {
  return conflict('This source was changed by someone else since you opened it.', { current });
}
