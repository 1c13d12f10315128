import type { Ctx } from '../context.js';
import type { Document } from '../documents/document.js';
import { findDocumentById } from '../documents/document.repository.js';
import { notFound } from '../http/errors.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import { draftCorrectionNote } from './correction-note.service.js';
import { templateLanguage } from './correction-note.js';
import { assertNoOverlap } from './corrections.js';
import type { Report, ReportDocument, ReportFilter, ReportHeader, TextReport } from './report.js';
import { readAcceptedCorrections, reportItems } from './report-items.js';
import { documentFilter, workspaceFilter, type DocumentReportQuery, type WorkspaceReportQuery } from './report-query.js';
import { findReportDocumentIds, summariseClaims } from './report.repository.js';
import { findRevisionsByDocumentId } from './revision.repository.js';
import { publicAddress, revisionPath, type CorrectionRevision } from './revision.js';

async function loadDocument(ctx: Ctx, documentId: number): Promise<Document> {
  const document = await findDocumentById(ctx.db, documentId);
  if (!document) throw notFound('Document');
  return document;
}

const reportDocument = (d: Document): ReportDocument => ({
  id: d.id,
  title: d.title,
  language: d.language,
  sourceUrl: d.sourceUrl,
  version: d.version,
});

/** PUBLIC_URL + path, keeping any path prefix of PUBLIC_URL (https://example.org/claimdesk/…). */
function publicUrl(ctx: Ctx, path: string): string | null {
  return ctx.config.publicUrl ? `${ctx.config.publicUrl.replace(/\/+$/, '')}${path}` : null;
}

async function documentHeader(ctx: Ctx, document: Document, filter: ReportFilter): Promise<ReportHeader> {
  const [summary, draft, [latest]] = await Promise.all([
    summariseClaims(ctx.db, filter),
    document.correctionNote ? null : draftCorrectionNote(ctx, document),
    findRevisionsByDocumentId(ctx.db, document.id),
  ]);
  return {
    scope: 'document',
    generatedAt: new Date(),
    organization: { name: ctx.config.orgName, url: ctx.config.orgUrl },
    url: publicUrl(ctx, `/documents/${document.id}/report`),
    filter,
    summary,
    document: reportDocument(document),
    correctionNote: document.correctionNote
      ? { text: document.correctionNote, edited: true, language: document.language }
      : { text: draft, edited: false, language: templateLanguage(document.language) },
    article: { author: document.author, publisher: document.publisher, publishedAt: document.publishedAt },
    noteListsTypos: document.noteListsTypos,
    addresses: {
      report: publicAddress(ctx.config, `/documents/${document.id}/report`),
      correction: latest ? { url: publicAddress(ctx.config, revisionPath(latest)), claimIds: latest.claimIds } : null,
    },
  };
}

/**
 * A document's correction report: the header (summary, correction note) is read now, so a
 * missing document or a refused permission fails before anything is sent; the claims are read
 * in pages as the consumer writes them.
 */
export async function openDocumentReport(ctx: Ctx, actor: Actor, documentId: number, query: DocumentReportQuery = {}): Promise<Report> {
  requirePermission(actor, 'report.read');
  const document = await loadDocument(ctx, documentId);
  const filter = documentFilter(documentId, query);
  return { header: await documentHeader(ctx, document, filter), items: reportItems(ctx.db, filter, [documentId], document) };
}

/**
 * The document text with its accepted corrections, for the corrected text and the redline.
 * Overlapping corrections are refused here (409 naming both claims), before any output.
 */
export async function openTextReport(ctx: Ctx, actor: Actor, documentId: number): Promise<TextReport> {
  requirePermission(actor, 'report.read');
  const document = await loadDocument(ctx, documentId);
  const corrections = await readAcceptedCorrections(ctx.db, document);
  assertNoOverlap(corrections);
  const header = {
    generatedAt: new Date(),
    organization: { name: ctx.config.orgName, url: ctx.config.orgUrl },
    document: reportDocument(document),
  };
  return { header, text: document.text, corrections };
}

/** A document with its published correction revisions (newest first), for the NewsArticle markup. */
export async function openNewsArticle(
  ctx: Ctx,
  actor: Actor,
  documentId: number,
): Promise<{ document: Document; revisions: CorrectionRevision[] }> {
  requirePermission(actor, 'report.read');
  const document = await loadDocument(ctx, documentId);
  return { document, revisions: await findRevisionsByDocumentId(ctx.db, documentId) };
}

/** The same report across the workspace, filtered by document, resolution date and verdict. */
export async function openWorkspaceReport(ctx: Ctx, actor: Actor, query: WorkspaceReportQuery): Promise<Report> {
  requirePermission(actor, 'report.read');
  const filter = workspaceFilter(query);
  if (filter.documentId !== undefined) await loadDocument(ctx, filter.documentId);
  const [summary, documentIds] = await Promise.all([summariseClaims(ctx.db, filter), findReportDocumentIds(ctx.db, filter)]);
  const header: ReportHeader = {
    scope: 'workspace',
    generatedAt: new Date(),
    organization: { name: ctx.config.orgName, url: ctx.config.orgUrl },
    url: publicUrl(ctx, '/reports'),
    filter,
    summary,
    document: null,
    correctionNote: null,
  };
  return { header, items: reportItems(ctx.db, filter, documentIds) };
}
