import { describe, expect, it } from 'vitest';
import { headerJson, itemJson, writeJson } from '../../../src/reports/formats/json.js';
import type { ReportHeader, ReportItem } from '../../../src/reports/report.js';
import { reportItem, streamedReport } from './builders.js';

// Hand-built report parts: the JSON writer only reshapes what it is given, so no database is needed.

const summary: ReportHeader['summary'] = {
  documents: 1,
  claims: 2,
  checked: 1,
  dismissed: 0,
  unreviewed: 1,
  sentences: 2,
  unreviewedSentences: 1,
  errors: { inaccurate: 1, misleading: 0, needs_context: 0, typo: 0, total: 1 },
  reviewers: [{ name: 'Maria', claims: 1 }],
  reviewPeriod: { from: new Date('2024-02-01T08:00:00.000Z'), to: new Date('2024-02-03T04:05:06.000Z') },
};

const documentHeader: ReportHeader = {
  scope: 'document',
  generatedAt: new Date('2024-03-01T00:00:00.000Z'),
  organization: { name: 'Tsek', url: 'https://tsek.example/' },
  url: 'https://desk.example/reports/12',
  filter: { documentId: 12, from: '2024-01-01', to: '2024-12-31', verdicts: ['inaccurate', 'typo'], includeOpen: true },
  summary,
  document: { id: 12, title: 'Ulat', language: 'tl', sourceUrl: null, version: 3 },
  correctionNote: { text: 'Itinama ang bilang.', edited: true, language: 'tl' },
};

const workspaceHeader: ReportHeader = {
  ...documentHeader,
  scope: 'workspace',
  url: null,
  filter: { verdicts: [], includeOpen: false },
  summary: { ...summary, reviewers: [], reviewPeriod: { from: null, to: null } },
  document: null,
  correctionNote: null,
};

const decided = reportItem({
  claimId: 41,
  document: { id: 12, title: 'Ulat', language: 'tl' },
  start: 10,
  end: 14,
  sentence: 2,
  kind: 'statistic',
  verdict: 'needs_context',
  passage: { before: 'Ayon sa ulat, ', quote: '40%', after: ' ang pagtaas.' },
  correction: '12%',
  claimStatement: 'Tumaas nang 40%.',
  explanation: 'PSA: 12%.',
  sources: [{ stance: 'refutes', title: 'PSA', url: 'https://psa.gov.ph/r', publisher: null, publishedOn: null, excerpt: null }],
  reviewer: 'Maria',
  assignee: 'Jun',
  resolvedAt: new Date('2024-02-03T04:05:06.000Z'),
});

const open: ReportItem = {
  ...decided,
  number: 2,
  claimId: 42,
  status: 'open',
  verdict: null,
  open: true,
  correction: null,
  explanation: null,
  sources: [],
  reviewer: null,
  assignee: null,
  resolvedAt: null,
};

describe('the JSON report header', () => {
  it('writes a document report with its filter, review period and note', () => {
    expect(headerJson(documentHeader)).toStrictEqual({
      $schema: 'urn:claimdesk:schema:report:v1',
      schemaVersion: '1.0.0',
      scope: 'document',
      generatedAt: '2024-03-01T00:00:00.000Z',
      organization: { name: 'Tsek', url: 'https://tsek.example/' },
      url: 'https://desk.example/reports/12',
      filter: { documentId: 12, from: '2024-01-01', to: '2024-12-31', verdicts: ['inaccurate', 'typo'], includeOpen: true },
      document: { id: 12, title: 'Ulat', language: 'tl', sourceUrl: null, version: 3 },
      summary: {
        documents: 1,
        claims: 2,
        checked: 1,
        unreviewed: 1,
        sentences: 2,
        unreviewedSentences: 1,
        errors: { inaccurate: 1, misleading: 0, needs_context: 0, typo: 0, total: 1 },
        reviewers: [{ name: 'Maria', claims: 1 }],
        reviewPeriod: { from: '2024-02-01T08:00:00.000Z', to: '2024-02-03T04:05:06.000Z' },
      },
      correctionNote: { text: 'Itinama ang bilang.', edited: true, language: 'tl' },
    });
  });

  it('writes absent filter fields and an empty review period as null, not left out', () => {
    const json = headerJson(workspaceHeader);
    expect(json.filter).toStrictEqual({ documentId: null, from: null, to: null, verdicts: [], includeOpen: false });
    expect(json.summary.reviewPeriod).toStrictEqual({ from: null, to: null });
  });

  it('copies the verdict list rather than sharing it', () => {
    const verdicts: ReportHeader['filter']['verdicts'] = ['accurate'];
    const json = headerJson({ ...documentHeader, filter: { ...documentHeader.filter, verdicts } });
    expect(json.filter.verdicts).toStrictEqual(['accurate']);
    expect(json.filter.verdicts).not.toBe(verdicts);
  });
});

describe('one claim in the JSON report', () => {
  it('writes a decided claim with its label and resolution time', () => {
    expect(itemJson(decided)).toStrictEqual({
      number: 1,
      claimId: 41,
      document: { id: 12, title: 'Ulat', language: 'tl' },
      span: { start: 10, end: 14 },
      sentence: 2,
      kind: 'statistic',
      status: 'resolved',
      verdict: 'needs_context',
      verdictLabel: 'Needs context',
      open: false,
      passage: { before: 'Ayon sa ulat, ', quote: '40%', after: ' ang pagtaas.' },
      correction: '12%',
      explanation: 'PSA: 12%.',
      sources: [{ stance: 'refutes', title: 'PSA', url: 'https://psa.gov.ph/r', publisher: null, publishedOn: null, excerpt: null }],
      reviewer: 'Maria',
      assignee: 'Jun',
      resolvedAt: '2024-02-03T04:05:06.000Z',
    });
  });

  it('writes an open claim with null verdict label and resolution time', () => {
    const json = itemJson(open);
    expect(json.verdictLabel).toBeNull();
    expect(json.resolvedAt).toBeNull();
    expect(json.open).toBe(true);
  });
});

describe('the JSON stream', () => {
  async function written(header: ReportHeader, items: ReportItem[]): Promise<string> {
    let out = '';
    for await (const chunk of writeJson(streamedReport(header, items))) out += chunk;
    return out;
  }

  it('writes one JSON document: the header, then the claims one per line', async () => {
    const out = await written(workspaceHeader, [decided, open]);
    expect(out.startsWith('{"$schema":"urn:claimdesk:schema:report:v1","schemaVersion":"1.0.0","scope":"workspace",')).toBe(true);
    expect(out).toContain(
      '"correctionNote":null,"claims":[\n{"number":1,"claimId":41,' +
        '"document":{"id":12,"title":"Ulat","language":"tl"},"span":{"start":10,"end":14},"sentence":2,"kind":"statistic","status":"resolved",' +
        '"verdict":"needs_context","verdictLabel":"Needs context","open":false,' +
        '"passage":{"before":"Ayon sa ulat, ","quote":"40%","after":" ang pagtaas."},"correction":"12%","explanation":"PSA: 12%.",' +
        '"sources":[{"stance":"refutes","title":"PSA","url":"https://psa.gov.ph/r","publisher":null,"publishedOn":null,"excerpt":null}],' +
        '"reviewer":"Maria","assignee":"Jun","resolvedAt":"2024-02-03T04:05:06.000Z"},\n{"number":2,"claimId":42,',
    );
    expect(out.endsWith('"reviewer":null,"assignee":null,"resolvedAt":null}\n]}\n')).toBe(true);
    const parsed = JSON.parse(out);
    expect(parsed.filter).toStrictEqual({ documentId: null, from: null, to: null, verdicts: [], includeOpen: false });
    expect(parsed.summary.reviewPeriod).toStrictEqual({ from: null, to: null });
    expect(parsed.claims.map((c: { claimId: number }) => c.claimId)).toStrictEqual([41, 42]);
  });

  it('writes an empty claims array when nothing matches', async () => {
    const out = await written(documentHeader, []);
    expect(out.endsWith('"correctionNote":{"text":"Itinama ang bilang.","edited":true,"language":"tl"},"claims":[\n\n]}\n')).toBe(true);
    expect(JSON.parse(out).claims).toStrictEqual([]);
  });
});
