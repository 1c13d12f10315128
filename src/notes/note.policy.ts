import { can, type Actor } from '../users/permissions.js';

/** Who may write notes, and whose notes one may edit: the one place services and views ask. */
export const mayWriteNotes = (actor: Actor | null | undefined) => can(actor, 'note.write');

/** A note is its author's words: only the author edits it (editors add their own note instead). */
export function mayEditNote(actor: Actor | null | undefined, note: { authorId: number | null }): boolean {
  return mayWriteNotes(actor) && actor!.id !== null && note.authorId === actor!.id;
}
