import type { AcceptedCorrection, Report, ReportHeader, ReportItem, TextReport } from '../../../src/reports/report.js';

// Hand-built report parts for the format tests: the writers only reshape what they are given, so
// no database is needed. A test file overrides what its expected output needs beyond these defaults.

/**
 * One claim as the formats see it. Unless overridden: claim #1 (id 7), a resolved 'inaccurate'
 * date claim quoting '1990' at 0–4 in sentence 1 of document 1 ('Doc', en), with no passage
 * around it, no correction, statement, explanation, sources, findings, reviewer or assignee.
 */
export function reportItem(overrides: Partial<ReportItem> = {}): ReportItem {
  return {
    number: 1,
    claimId: 7,
    document: { id: 1, title: 'Doc', language: 'en' },
    start: 0,
    end: 4,
    sentence: 1,
    kind: 'date',
    status: 'resolved',
    verdict: 'inaccurate',
    open: false,
    passage: { before: '', quote: '1990', after: '' },
    correction: null,
    claimStatement: null,
    explanation: null,
    sources: [],
    findings: [],
    reviewer: null,
    assignee: null,
    resolvedAt: null,
    ...overrides,
  };
}

/** An accepted correction replacing `quote`, which starts at `start` in the text. */
export function accepted(
  claimId: number,
  start: number,
  quote: string,
  correction: string,
  verdict: AcceptedCorrection['verdict'] = 'typo',
): AcceptedCorrection {
  return { claimId, start, end: start + quote.length, quote, correction, verdict };
}

/** A report whose claims are streamed one by one, as the report query streams them. */
export function streamedReport(header: ReportHeader, items: ReportItem[]): Report {
  async function* stream() {
    yield* items;
  }
  return { header, items: stream() };
}

/** The header of a corrected-text or redline export: document 7, 'Ulat', in Tagalog. */
export const textHeader: TextReport['header'] = {
  generatedAt: new Date('2024-03-01T10:00:00Z'),
  organization: { name: 'Tsek', url: 'https://tsek.example' },
  document: { id: 7, title: 'Ulat', language: 'tl', sourceUrl: null, version: 1 },
};
