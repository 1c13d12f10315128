import type { Source } from './source.js';

export function sourceJson(s: Source) {
  return {
    id: s.id,
    claimId: s.claimId,
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    publishedOn: s.publishedOn,
    excerpt: s.excerpt,
    stance: s.stance,
    addedBy: s.addedById ? { id: s.addedById, name: s.addedByName } : null,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    version: s.version,
  };
}
