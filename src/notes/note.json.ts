import type { Note } from './note.js';

export function noteJson(n: Note) {
  return {
    id: n.id,
    claimId: n.claimId,
    author: n.authorId ? { id: n.authorId, name: n.authorName } : null,
    body: n.body,
    createdAt: n.createdAt.toISOString(),
    editedAt: n.editedAt?.toISOString() ?? null,
    version: n.version,
  };
}
