import { createHash } from 'node:crypto';
import type { Ctx } from '../context.js';
import { insertClaims, type NewClaimRow } from '../claims/claim.repository.js';
import type { Claim } from '../claims/claim.js';
import { findClaimsByDocumentId } from '../claims/claim.repository.js';
import type { ExtractionResult } from '../extraction/index.js';
import { boundedExtract } from './extraction-limits.js';
import { conflict, notFound } from '../http/errors.js';
import { insertCreationEventsForDocument } from '../history/event.repository.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import type { Document, DocumentSummary, ImportDocumentInput } from './document.js';
import {
  countDocuments,
  findDocumentByContentHash,
  findDocumentById,
  insertDocument,
  listDocumentSummaries,
} from './document.repository.js';
import { checkDocumentText } from './text-checks.js';
import { findNearDuplicate, storeShingles, type NearDuplicate } from './near-duplicate.js';
import { shingleHashes } from './shingles.js';
import { matchDocumentInBackground } from '../matching/background-matching.js';
import { refreshDocumentMatches } from '../matching/match.service.js';
import { restatedReviewClaims } from '../matching/restated-reviews.js';

export interface ImportResult {
  document: Document;
  claims: Claim[];
  /** A stored document holding ≥ 90 % of this text's word shingles: imported, but worth a warning. */
  nearDuplicate: NearDuplicate | null;
}

/**
 * Imports a text and the claims extraction proposes for it. The document, every claim and
 * every claim's creation event commit in one transaction, or nothing is written. A text
 * identical to an existing document's is refused (409 with `existingDocumentId`) unless
 * `allowDuplicate` says the copy is meant. A text sharing ≥ 90 % of its word shingles with a stored
 * document is imported, and that document is named in `nearDuplicate` for a warning.
 */
export async function importDocument(ctx: Ctx, actor: Actor, input: ImportDocumentInput): Promise<ImportResult> {
  requirePermission(actor, 'document.import');
  checkDocumentText(input.text, ctx.config.maxTextBytes);
  // Line ends do not make a text different: a browser's form sends CRLF, a file or the API often
  // LF, and the same article must be caught either way (stored hashes were brought in line by sql/0022).
  const contentHash = createHash('sha256').update(input.text.replace(/\r\n?/g, '\n')).digest('hex');
  if (!input.allowDuplicate) await refuseDuplicate(ctx, contentHash);
  const extraction = boundedExtract(ctx.config, input.text, input.language);
  const shingles = shingleHashes(input.text);
  // A long document is matched after commit, in the background, its restated-review lookup
  // included: inside, they would be most of the import's time (docs/MATCHING.md).
  const inline = extraction.claims.length <= ctx.config.matchInlineClaims;
  const room = ctx.config.maxClaimsPerDocument - extraction.claims.length;
  const { document, nearDuplicate } = await ctx.db.transaction().execute(async (trx) => {
    const doc = await insertDocument(trx, {
      title: input.title.trim(),
      language: extraction.language,
      source_url: input.sourceUrl ?? null,
      body: input.text,
      content_hash: contentHash,
      sentence_starts: extraction.sentences.map((s) => s.start),
      created_by: actor.id,
    });
    // A sentence the claim finder skipped that restates a claim already reviewed is a claim too.
    const restated = inline ? await restatedReviewClaims(trx, doc.id, input.text, extraction, room) : [];
    await insertClaims(
      trx,
      [...claimRows(doc.id, extraction), ...restated].sort((a, b) => a.start - b.start || a.end - b.end),
    );
    await insertCreationEventsForDocument(trx, doc.id, actor.id);
    if (inline) await refreshDocumentMatches(trx, doc.id);
    // Looked up before this document's own shingles are stored, so it never finds itself.
    const nearDuplicate = await findNearDuplicate(trx, shingles);
    await storeShingles(trx, doc.id, shingles);
    return { document: doc, nearDuplicate };
  });
  if (!inline) matchDocumentInBackground(ctx.db, document.id, { text: input.text, extraction, actorId: actor.id, room });
  return { document, claims: await findClaimsByDocumentId(ctx.db, document.id), nearDuplicate };
}

async function refuseDuplicate(ctx: Ctx, contentHash: string): Promise<void> {
  const existing = await findDocumentByContentHash(ctx.db, contentHash);
  if (!existing) return;
  throw conflict(
    `This text is already in claimdesk as “${existing.title}” (document #${existing.id}). Open it, or import the text again as a separate document.`,
    { existingDocumentId: existing.id },
  );
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

/** The documents in use, newest first; `archived: true` lists the archived ones instead. */
export async function listDocuments(ctx: Ctx, actor: Actor, { archived = false }: { archived?: boolean } = {}): Promise<DocumentSummary[]> {
  requirePermission(actor, 'document.read');
  return listDocumentSummaries(ctx.db, { archived });
}

export async function isWorkspaceEmpty(ctx: Ctx): Promise<boolean> {
  return (await countDocuments(ctx.db)) === 0;
}
