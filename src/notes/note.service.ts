import { findClaimById, lockClaimById } from '../claims/claim.repository.js';
import type { Ctx } from '../context.js';
import { conflict, forbidden, notFound } from '../http/errors.js';
import { insertClaimEvents } from '../history/event.repository.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import type { Note } from './note.js';
import { mayEditNote } from './note.policy.js';
import { findNoteById, insertNote, lockNoteById, updateNoteAtVersion } from './note.repository.js';

/** Adds a note to a claim; note and `note.added` event commit together. */
export async function addNote(ctx: Ctx, actor: Actor, claimId: number, body: string): Promise<Note> {
  requirePermission(actor, 'note.write');
  return ctx.db.transaction().execute(async (trx) => {
    const claim = await lockClaimById(trx, claimId);
    if (!claim) throw notFound('Claim');
    const note = await insertNote(trx, claimId, actor.id, body);
    await insertClaimEvents(trx, [
      { claimId, documentId: claim.documentId, actorId: actor.id, action: 'note.added', after: { noteId: note.id, body } },
    ]);
    return note;
  });
}

/** Edits one's own note, from `version`; a stale version gets 409 with the current note. */
export async function editNote(ctx: Ctx, actor: Actor, noteId: number, body: string, version: number): Promise<Note> {
  requirePermission(actor, 'note.write');
  return ctx.db.transaction().execute(async (trx) => {
    const current = await lockNoteById(trx, noteId);
    if (!current) throw notFound('Note');
    if (!mayEditNote(actor, current)) throw forbidden('You can only edit your own notes.');
    if (current.version !== version) throw conflict('This note was changed since you opened it.', { current });
    if (current.body === body) return current;
    await updateNoteAtVersion(trx, noteId, version, body);
    const claim = (await findClaimById(trx, current.claimId))!;
    await insertClaimEvents(trx, [
      {
        claimId: current.claimId,
        documentId: claim.documentId,
        actorId: actor.id,
        action: 'note.edited',
        before: { noteId, body: current.body },
        after: { noteId, body },
      },
    ]);
    return (await findNoteById(trx, noteId))!;
  });
}
