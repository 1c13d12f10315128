import type { Db } from '../db/database.js';
import type { Document } from '../documents/document.js';
import { findDocumentById } from '../documents/document.repository.js';
import { passageAround } from './passage.js';
import { widenCorrections, type ScopedCorrection } from './sentence-scope.js';
import type { AcceptedCorrection, ReportFilter, ReportItem } from './report.js';
import { findAcceptedCorrectionsPage, findReportClaimsPage, pages, type ReportClaim } from './report-claims.repository.js';

/** Claims read per query. Memory holds one page (and its sources) at a time, whatever the report's size. */
export const REPORT_BATCH = 500;

/**
 * The listed claims of the given documents, in document then text order, read page by page with
 * their sources (one query a page). Nothing is read until the consumer asks, so a slow reader
 * (a paused download) holds the next query back instead of piling rows up in memory.
 */
export async function* reportItems(
  db: Db,
  filter: ReportFilter,
  documentIds: readonly number[],
  loaded?: Document,
): AsyncGenerator<ReportItem> {
  let number = 0;
  for (const id of documentIds) {
    // One document's text at a time: the passages are cut from it.
    const document = loaded?.id === id ? loaded : await findDocumentById(db, id);
    if (!document) continue; // deleted while the report was being written
    const claimPages = pages(
      (after) => findReportClaimsPage(db, filter, id, after, REPORT_BATCH),
      (c) => c.id,
      REPORT_BATCH,
    );
    for await (const page of claimPages) {
      for (const claim of page) {
        number += 1;
        yield toItem(number, document, claim);
      }
    }
  }
}

function toItem(number: number, document: Document, c: ReportClaim): ReportItem {
  const open = c.status === 'open' || c.status === 'in_review';
  return {
    number,
    claimId: c.id,
    document: { id: document.id, title: document.title, language: document.language },
    start: c.start,
    end: c.end,
    sentence: c.sentence,
    kind: c.kind,
    status: c.status,
    verdict: c.verdict,
    open,
    passage: passageAround(document.text, document.sentenceStarts, c.start, c.end),
    correction: c.correction,
    claimStatement: c.claimStatement,
    explanation: c.explanation,
    sources: c.sources,
    findings: c.findings,
    reviewer: c.reviewer,
    assignee: c.assignee,
    resolvedAt: c.resolvedAt,
  };
}

/**
 * Every accepted correction of a document as it applies to the text, in text order, read in
 * pages: sentence-scope corrections widened to their sentence, superseded passage fixes dropped.
 */
export async function readAcceptedCorrections(db: Db, document: Document): Promise<AcceptedCorrection[]> {
  const all: ScopedCorrection[] = [];
  const correctionPages = pages(
    (after) => findAcceptedCorrectionsPage(db, document.id, after, REPORT_BATCH),
    (c) => c.claimId,
    REPORT_BATCH,
  );
  for await (const page of correctionPages) all.push(...page);
  return widenCorrections(document, all);
}
