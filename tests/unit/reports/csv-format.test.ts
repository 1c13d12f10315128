import { describe, expect, it } from 'vitest';
import { csvRow, writeCsv } from '../../../src/reports/formats/csv.js';
import type { ReportHeader, ReportItem } from '../../../src/reports/report.js';
import { reportItem, streamedReport } from './builders.js';

// Hand-built claims: the CSV writer reads nothing but the item, so no database is needed.

/** A decided claim whose cells exercise every rule: formula prefixes, line breaks, all source shapes. */
const decided = reportItem({
  number: 3,
  claimId: 41,
  document: { id: 12, title: '=Budget 2024', language: 'tl' },
  start: 10,
  end: 14,
  sentence: 2,
  kind: 'statistic',
  passage: { before: 'Ayon sa ulat,\n', quote: '+40%', after: ' ang\r\npagtaas.' },
  correction: '-12%',
  explanation: '@ulat\r\nline two',
  sources: [
    {
      stance: 'refutes',
      title: 'PSA report',
      url: 'https://psa.gov.ph/r',
      publisher: 'PSA',
      publishedOn: '2024-01-31',
      excerpt: '  Growth was\n  only   4%.  ',
    },
    { stance: 'supports', title: 'Blog', url: 'https://blog.example/p', publisher: null, publishedOn: '2023-05-01', excerpt: null },
    { stance: 'context', title: null, url: 'https://x.example/a', publisher: null, publishedOn: null, excerpt: null },
  ],
  reviewer: '\tMaria',
  resolvedAt: new Date('2024-02-03T04:05:06.000Z'),
});

/** An open claim: no verdict, no reviewer, no sources, nothing resolved. */
const open = reportItem({
  number: 4,
  claimId: 42,
  document: { id: 12, title: 'Ulat, "part" 1', language: 'tl' },
  start: 20,
  end: 25,
  sentence: 3,
  status: 'open',
  verdict: null,
  open: true,
  passage: { before: '', quote: 'Lunes', after: ' ng umaga.' },
  assignee: 'Jun',
});

const header =
  '\uFEFFdocument_id,document_title,number,claim_id,sentence,kind,status,verdict,verdict_label,open,claim,passage,correction,explanation,sources,source_count,reviewer,resolved_at,assignee\r\n';

const decidedLine =
  '12,\'=Budget 2024,3,41,2,statistic,resolved,inaccurate,Inaccurate,no,\'+40%,"Ayon sa ulat, ⟦+40%⟧ ang pagtaas.",\'-12%,"\'@ulat\nline two",' +
  '"Refutes: PSA report <https://psa.gov.ph/r> (PSA, 2024-01-31) — “Growth was only 4%.”\nSupports: Blog <https://blog.example/p> (2023-05-01)\nContext: <https://x.example/a>",' +
  "3,'\tMaria,2024-02-03T04:05:06.000Z,\r\n";

const openLine = '12,"Ulat, ""part"" 1",4,42,3,date,open,,,yes,Lunes,⟦Lunes⟧ ng umaga.,,,,0,,,Jun\r\n';

async function chunksOf(items: ReportItem[]): Promise<string[]> {
  const chunks: string[] = [];
  // writeCsv reads only the items; the header is never consulted.
  for await (const chunk of writeCsv(streamedReport({} as ReportHeader, items))) chunks.push(chunk);
  return chunks;
}

describe('one claim as a CSV row', () => {
  it('neutralises formulas, folds sources one per line and collapses excerpt white space', () => {
    expect(csvRow(decided)).toStrictEqual({
      document_id: 12,
      document_title: "'=Budget 2024",
      number: 3,
      claim_id: 41,
      sentence: 2,
      kind: 'statistic',
      status: 'resolved',
      verdict: 'inaccurate',
      verdict_label: 'Inaccurate',
      open: 'no',
      claim: "'+40%",
      passage: 'Ayon sa ulat, ⟦+40%⟧ ang pagtaas.',
      correction: "'-12%",
      explanation: "'@ulat\nline two",
      sources:
        'Refutes: PSA report <https://psa.gov.ph/r> (PSA, 2024-01-31) — “Growth was only 4%.”\n' +
        'Supports: Blog <https://blog.example/p> (2023-05-01)\n' +
        'Context: <https://x.example/a>',
      source_count: 3,
      reviewer: "'\tMaria",
      resolved_at: '2024-02-03T04:05:06.000Z',
      assignee: '',
    });
  });

  it('leaves the cells of an open claim empty rather than filled in', () => {
    expect(csvRow(open)).toStrictEqual({
      document_id: 12,
      document_title: 'Ulat, "part" 1',
      number: 4,
      claim_id: 42,
      sentence: 3,
      kind: 'date',
      status: 'open',
      verdict: '',
      verdict_label: '',
      open: 'yes',
      claim: 'Lunes',
      passage: '⟦Lunes⟧ ng umaga.',
      correction: '',
      explanation: '',
      sources: '',
      source_count: 0,
      reviewer: '',
      resolved_at: '',
      assignee: 'Jun',
    });
  });

  it('separates publisher and date with a comma and keeps a lone excerpt word as it is', () => {
    const source = {
      stance: 'supports' as const,
      title: null,
      url: 'https://a.example/',
      publisher: 'Rappler',
      publishedOn: '2022-12-01',
      excerpt: 'Totoo',
    };
    expect(csvRow({ ...open, sources: [source] }).sources).toBe('Supports: <https://a.example/> (Rappler, 2022-12-01) — “Totoo”');
  });
});

describe('the CSV stream', () => {
  it('writes the byte-order mark and header, then the rows with CRLF and RFC 4180 quoting', async () => {
    expect(await chunksOf([decided, open])).toStrictEqual([header, decidedLine + openLine]);
  });

  it('writes only the header when there are no claims', async () => {
    expect(await chunksOf([])).toStrictEqual([header]);
  });

  // Rows are stringified a hundred at a time; each chunk must hold exactly its rows, none lost or repeated.
  const numbered = (n: number) => Array.from({ length: n }, (_, i) => ({ ...open, number: i + 1, claimId: 1000 + i }));
  const lines = (from: number, to: number) => {
    let out = '';
    for (let i = from; i <= to; i += 1)
      out += `12,"Ulat, ""part"" 1",${i},${999 + i},3,date,open,,,yes,Lunes,⟦Lunes⟧ ng umaga.,,,,0,,,Jun\r\n`;
    return out;
  };

  it('yields exactly one chunk for exactly a hundred rows, with no empty chunk after it', async () => {
    const chunks = await chunksOf(numbered(100));
    expect(chunks).toHaveLength(2);
    expect(chunks[0]).toBe(header);
    expect(chunks[1]).toBe(lines(1, 100));
  });

  it('starts a new chunk after a hundred rows and writes the remainder at the end', async () => {
    const chunks = await chunksOf(numbered(201));
    expect(chunks).toHaveLength(4);
    expect(chunks[0]).toBe(header);
    expect(chunks[1]).toBe(lines(1, 100));
    expect(chunks[2]).toBe(lines(101, 200));
    expect(chunks[3]).toBe(lines(201, 201));
    expect(chunks[3]).toBe('12,"Ulat, ""part"" 1",201,1200,3,date,open,,,yes,Lunes,⟦Lunes⟧ ng umaga.,,,,0,,,Jun\r\n');
  });
});
