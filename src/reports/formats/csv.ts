import { stringify } from 'csv-stringify/sync';
import { stanceLabels, verdictLabels } from '../../claims/claim-vocabulary.js';
import { passageText } from '../passage.js';
import type { Report, ReportItem } from '../report.js';

/** The columns, in order; the header row uses these names. */
export const csvColumns = [
  'document_id',
  'document_title',
  'number',
  'claim_id',
  'sentence',
  'kind',
  'status',
  'verdict',
  'verdict_label',
  'open',
  'claim',
  'passage',
  'correction',
  'explanation',
  'sources',
  'source_count',
  'reviewer',
  'resolved_at',
  'assignee',
] as const;
export type CsvRow = Record<(typeof csvColumns)[number], string | number>;

// RFC 4180: CRLF between records, and every field holding a quote, comma or line break quoted
// (csv-stringify quotes line breaks only when told to).
const options = { columns: [...csvColumns], record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

/**
 * A spreadsheet application runs a cell that starts with = + - @ (or a tab or carriage return,
 * which some strip first) as a formula; a leading apostrophe makes it text (OWASP "CSV injection").
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const text = (value: string | null) => neutraliseFormula((value ?? '').replace(/\r\n?/g, '\n'));

/** One claim as one CSV row (sources folded into one cell, one per line). */
export function csvRow(item: ReportItem): CsvRow {
  // One line per source: stance, title, address, (publisher, date), then the quoted excerpt.
  const sources = item.sources.map((s) => {
    const details = [s.publisher, s.publishedOn].filter(Boolean).join(', ');
    return `${stanceLabels[s.stance]}: ${s.title ? `${s.title} ` : ''}<${s.url}>${details ? ` (${details})` : ''}${s.excerpt ? ` — “${s.excerpt.replace(/\s+/g, ' ').trim()}”` : ''}`;
  });
  return {
    document_id: item.document.id,
    document_title: text(item.document.title),
    number: item.number,
    claim_id: item.claimId,
    sentence: item.sentence,
    kind: item.kind,
    status: item.status,
    verdict: item.verdict ?? '',
    verdict_label: item.verdict ? verdictLabels[item.verdict] : '',
    open: item.open ? 'yes' : 'no',
    claim: text(item.passage.quote),
    passage: text(passageText(item.passage)),
    correction: text(item.correction),
    explanation: text(item.explanation),
    sources: text(sources.join('\n')),
    source_count: item.sources.length,
    reviewer: text(item.reviewer),
    resolved_at: item.resolvedAt?.toISOString() ?? '',
    assignee: text(item.assignee),
  };
}

/** Rows stringified together: csv-stringify's set-up costs more than a row, so it is paid per hundred. */
const ROWS_PER_CHUNK = 100;

/** UTF-8 with a byte-order mark (so spreadsheet applications pick UTF-8), a header row, then one row per claim. */
export async function* writeCsv(report: Report): AsyncGenerator<string> {
  yield '\uFEFF' + stringify([], { ...options, header: true });
  let rows: CsvRow[] = [];
  for await (const item of report.items) {
    rows.push(csvRow(item));
    if (rows.length === ROWS_PER_CHUNK) {
      yield stringify(rows, options);
      rows = [];
    }
  }
  if (rows.length) yield stringify(rows, options);
}
