import type { Ctx } from '../context.js';
import type { Actor } from '../users/permissions.js';
import { writeClaimReview } from './formats/claimreview.js';
import { writeCorrected } from './formats/corrected.js';
import { writeCsv } from './formats/csv.js';
import { writeJson } from './formats/json.js';
import { writeMarkdown } from './formats/markdown.js';
import { writeRedline } from './formats/redline.js';
import { exportFilename } from './formats/wording.js';
import { exportCsp, exportCss, renderStreamed } from './html/templates.js';
import type { Report } from './report.js';
import type { DocumentFormat, DocumentReportQuery, WorkspaceFormat, WorkspaceReportQuery } from './report-query.js';
import { openDocumentReport, openNewsArticle, openTextReport, openWorkspaceReport } from './report.service.js';
import { writeNewsArticle } from './formats/newsarticle.js';

/** A report ready to send: its headers, and its body as a stream of text chunks. */
export interface ReportExport {
  filename: string;
  contentType: string;
  /** A Content-Security-Policy for HTML files, whose stylesheet is embedded. */
  csp: string | null;
  chunks: AsyncIterable<string>;
}

const formats: Record<DocumentFormat, { contentType: string; suffix: string; extension: string }> = {
  html: { contentType: 'text/html; charset=utf-8', suffix: 'report', extension: 'html' },
  md: { contentType: 'text/markdown; charset=utf-8', suffix: 'report', extension: 'md' },
  csv: { contentType: 'text/csv; charset=utf-8; header=present', suffix: 'report', extension: 'csv' },
  json: { contentType: 'application/json; charset=utf-8', suffix: 'report', extension: 'json' },
  claimreview: { contentType: 'application/ld+json; charset=utf-8', suffix: 'claimreview', extension: 'jsonld' },
  newsarticle: { contentType: 'application/ld+json; charset=utf-8', suffix: 'newsarticle', extension: 'jsonld' },
  corrected: { contentType: 'text/plain; charset=utf-8', suffix: 'corrected', extension: 'txt' },
  redline: { contentType: 'text/html; charset=utf-8', suffix: 'redline', extension: 'html' },
};

const writers = {
  md: writeMarkdown,
  csv: writeCsv,
  json: writeJson,
  claimreview: writeClaimReview,
  html: (report: Report) =>
    renderStreamed(
      { top: 'reports/export-top', item: 'reports/_claim', bottom: 'reports/export-bottom' },
      { header: report.header, css: exportCss },
      report.items,
    ),
} satisfies Record<Exclude<DocumentFormat, 'corrected' | 'redline' | 'newsarticle'>, (report: Report) => AsyncIterable<string>>;

/**
 * Opens a document's report in the given format (json by default). Everything that can fail
 * with a 4xx — permission, a missing document, overlapping corrections — fails here, before
 * the first byte; the chunks then read the claims page by page as they are written.
 */
export async function exportDocumentReport(ctx: Ctx, actor: Actor, documentId: number, query: DocumentReportQuery): Promise<ReportExport> {
  const format = query.format ?? 'json';
  const spec = formats[format];
  let title: string;
  let chunks: AsyncIterable<string>;
  if (format === 'newsarticle') {
    const { document, revisions } = await openNewsArticle(ctx, actor, documentId);
    title = document.title;
    chunks = writeNewsArticle(ctx.config, document, revisions);
  } else if (format === 'corrected' || format === 'redline') {
    const report = await openTextReport(ctx, actor, documentId);
    title = report.header.document.title;
    chunks = format === 'corrected' ? writeCorrected(report) : writeRedline(report);
  } else {
    const report = await openDocumentReport(ctx, actor, documentId, { ...query, format });
    title = report.header.document!.title;
    chunks = writers[format](report);
  }
  const csp = format === 'html' || format === 'redline' ? exportCsp : null;
  return { filename: exportFilename(documentId, title, spec.suffix, spec.extension), contentType: spec.contentType, csp, chunks };
}

/** The workspace report (all documents, filtered) as CSV or JSON. */
export async function exportWorkspaceReport(ctx: Ctx, actor: Actor, query: WorkspaceReportQuery): Promise<ReportExport> {
  const format: WorkspaceFormat = query.format ?? 'json';
  const report = await openWorkspaceReport(ctx, actor, query);
  const spec = formats[format];
  return {
    filename: exportFilename(null, null, spec.suffix, spec.extension),
    contentType: spec.contentType,
    csp: null,
    chunks: writers[format](report),
  };
}
