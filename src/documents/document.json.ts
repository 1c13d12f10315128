import type { Document, DocumentSummary } from './document.js';

/** The API shape of a document: camelCase, ISO dates, the text under `text`. */
export function documentJson(d: Document) {
  return {
    id: d.id,
    title: d.title,
    language: d.language,
    sourceUrl: d.sourceUrl,
    text: d.text,
    contentHash: d.contentHash,
    sentenceCount: d.sentenceStarts.length,
    correctionNote: d.correctionNote,
    archivedAt: d.archivedAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    version: d.version,
  };
}

export function documentSummaryJson(d: DocumentSummary) {
  return {
    ...d,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    archivedAt: d.archivedAt?.toISOString() ?? null,
  };
}
