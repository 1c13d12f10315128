import { createHash } from 'node:crypto';
import type { Ctx } from '../context.js';
import { insertClaims, type NewClaimRow } from '../claims/claim.repository.js';
import type { Claim } from '../claims/claim.js';
import { findClaimsByDocumentId } from '../claims/claim.repository.js';
import { extract, type ExtractionResult } from '../extraction/index.js';
import { notFound } from '../http/errors.js';
import { insertCreationEventsForDocument } from '../history/event.repository.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import type { Document, DocumentSummary, ImportDocumentInput } from './document.js';
import { countDocuments, findDocumentById, insertDocument, listDocumentSummaries } from './document.repository.js';
import { checkDocumentText } from './text-checks.js';

export interface ImportResult {
  document: Document;
  claims: Claim[];
}

/**
 * Imports a text and the claims extraction proposes for it. The document, every claim and
 * every claim's creation event commit in one transaction, or nothing is written.
 */
export async function importDocument(ctx: Ctx, actor: Actor, input: ImportDocumentInput): Promise<ImportResult> {
  requirePermission(actor, 'document.import');
  checkDocumentText(input.text, ctx.config.maxTextBytes);
  const extraction = extract(input.text, input.language ? { language: input.language } : {});
  const document = await ctx.db.transaction().execute(async (trx) => {
    const doc = await insertDocument(trx, {
      title: input.title.trim(),
      language: extraction.language,
      source_url: input.sourceUrl ?? null,
      body: input.text,
      content_hash: createHash('sha256').update(input.text).digest('hex'),
      sentence_starts: extraction.sentences.map((s) => s.start),
      created_by: actor.id,
    });
    await insertClaims(trx, claimRows(doc.id, extraction));
    await insertCreationEventsForDocument(trx, doc.id, actor.id);
    return doc;
  });
  return { document, claims: await findClaimsByDocumentId(ctx.db, document.id) };
}

export function claimRows(documentId: number, extraction: ExtractionResult): NewClaimRow[] {
  return extraction.claims.map((c) => ({
    documentId,
    start: c.start,
    end: c.end,
    quote: c.quote,
    sentenceIndex: c.sentenceIndex,
    kind: c.kind,
    score: c.score,
    reasons: c.reasons,
    suggestion: c.suggestion,
    findings: c.findings,
    origin: 'extracted',
  }));
}

export async function getDocument(ctx: Ctx, actor: Actor, id: number): Promise<Document> {
  requirePermission(actor, 'document.read');
  const document = await findDocumentById(ctx.db, id);
  if (!document) throw notFound('Document');
  return document;
}

export async function listDocuments(ctx: Ctx, actor: Actor): Promise<DocumentSummary[]> {
  requirePermission(actor, 'document.read');
  return listDocumentSummaries(ctx.db);
}

export async function isWorkspaceEmpty(ctx: Ctx): Promise<boolean> {
  return (await countDocuments(ctx.db)) === 0;
}
