import { verdictLabels } from '../../claims/claim-vocabulary.js';
import type { Report, ReportHeader, ReportItem } from '../report.js';

/**
 * The JSON report's contract: src/reports/schema/report.v1.schema.json. Additive changes (a new
 * optional field) bump the minor version; anything else gets a new schema file and major version
 * (see docs/REPORTS.md).
 */
export const REPORT_SCHEMA_ID = 'urn:claimdesk:schema:report:v1';
export const REPORT_SCHEMA_VERSION = '1.0.0';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function headerJson(h: ReportHeader) {
  const s = h.summary;
  return {
    $schema: REPORT_SCHEMA_ID,
    schemaVersion: REPORT_SCHEMA_VERSION,
    scope: h.scope,
    generatedAt: h.generatedAt.toISOString(),
    organization: h.organization,
    url: h.url,
    filter: {
      documentId: h.filter.documentId ?? null,
      from: h.filter.from ?? null,
      to: h.filter.to ?? null,
      verdicts: [...h.filter.verdicts],
      includeOpen: h.filter.includeOpen,
    },
    document: h.document,
    summary: {
      documents: s.documents,
      claims: s.claims,
      checked: s.checked,
      unreviewed: s.unreviewed,
      sentences: s.sentences,
      unreviewedSentences: s.unreviewedSentences,
      errors: s.errors,
      reviewers: s.reviewers,
      reviewPeriod: { from: iso(s.reviewPeriod.from), to: iso(s.reviewPeriod.to) },
    },
    correctionNote: h.correctionNote,
  };
}

export function itemJson(item: ReportItem) {
  return {
    number: item.number,
    claimId: item.claimId,
    document: item.document,
    span: { start: item.start, end: item.end },
    sentence: item.sentence,
    kind: item.kind,
    status: item.status,
    verdict: item.verdict,
    verdictLabel: item.verdict ? verdictLabels[item.verdict] : null,
    open: item.open,
    passage: item.passage,
    correction: item.correction,
    explanation: item.explanation,
    sources: item.sources,
    reviewer: item.reviewer,
    assignee: item.assignee,
    resolvedAt: iso(item.resolvedAt),
  };
}

/**
 * The report as one JSON document, written claim by claim: the header object is serialised and
 * left open, then `"claims": [` and one element per claim, so nothing waits for the whole array.
 */
export async function* writeJson(report: Report): AsyncGenerator<string> {
  const head = JSON.stringify(headerJson(report.header));
  yield `${head.slice(0, -1)},"claims":[\n`;
  let first = true;
  for await (const item of report.items) {
    yield `${first ? '' : ',\n'}${JSON.stringify(itemJson(item))}`;
    first = false;
  }
  yield '\n]}\n';
}
