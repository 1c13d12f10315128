import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvColumns, csvRow } from '../../../src/reports/formats/csv.js';
import { openDocumentReport } from '../../../src/reports/report.service.js';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { seedText, signIn } from '../../helpers/factories.js';
import { buildReviewedSeed, bytesParser, textParser } from './reviewed-seed.js';

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats.default(ajv);
const reportSchema = ajv.compile(
  JSON.parse(readFileSync(new URL('../../../src/reports/schema/report.v1.schema.json', import.meta.url), 'utf8')),
);

/** The accepted corrections in the answer key: resolved errors with a correction, by position. */
type Correction = { claimId: number; start: number; end: number; quote: string; correction: string };

describe(`report exports of the reviewed seed article (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let viewer: string;
  let documentId: number;
  let corrections: Correction[];
  const get = (format: string, query = '') =>
    request(app)
      .get(`/api/v1/documents/${documentId}/report?format=${format}${query}`)
      .set('Authorization', viewer)
      .buffer(true)
      .parse(textParser);

  beforeAll(async () => {
    db = await openTestDb({
      orgName: 'Tagalog Fact Desk',
      orgUrl: 'https://factdesk.example/',
      publicUrl: 'https://claims.factdesk.example',
    });
    app = testApp(db);
    ({ bearer: viewer } = await signIn(db.ctx, 'viewer'));
    ({
      document: { id: documentId },
    } = await buildReviewedSeed(db.ctx));
    const rows = await db.engine.db
      .selectFrom('claims')
      .select(['id', 'start_offset', 'end_offset', 'quote', 'correction'])
      .where('document_id', '=', documentId)
      .where('status', '=', 'resolved')
      .where('verdict', 'in', ['inaccurate', 'misleading', 'needs_context', 'typo'])
      .where('correction', 'is not', null)
      .orderBy('start_offset')
      .execute();
    corrections = rows.map((r) => ({ claimId: r.id, start: r.start_offset, end: r.end_offset, quote: r.quote, correction: r.correction! }));
  });
  afterAll(() => db.close());

  it('lists the George H. W. Bush misattribution in the Markdown, with its correction and sources', async () => {
    const res = await get('md');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename=claimdesk-${documentId}-digmaan-sa-iraq-report.md`);
    const md: string = res.body;
    const section = md.split('\n### ').find((s) => s.includes('<mark>American President George H. W. Bush</mark>'))!;
    expect(section).toMatch(/^\d+\. Sentence 14 · Inaccurate/);
    expect(section).toContain('**Proposed correction:** American President George W. Bush');
    expect(section).toContain(
      '- Refutes: [President Delivers State of the Union Address (29 January 2002)](<https://georgewbush-whitehouse.archives.gov/news/releases/2002/01/20020129-11.html>) · The White House (George W. Bush Administration archive)',
    );
    expect(section).toContain(
      "- Refutes: [President Bush cites 'axis of evil,' Jan. 29, 2002](<https://www.politico.com/story/2019/01/29/bush-axis-of-evil-2002-1127725>) · Politico",
    );
    expect(section.match(/^- Refutes: \[/gm)).toHaveLength(3);
    expect(section).toContain('**Reviewer:** Answer key (demo)');
    // Underscore-joined words in the passage are escaped, not read as emphasis.
    expect(section).toContain('State\\_of\\_Union');
    expect(md).toContain('| Errors by verdict | 32: 9 inaccurate, 2 misleading, 7 needs context, 14 typo |');
    expect(md).toMatch(
      /## Correction note\n\n\*Draft generated[^\n]*\n\nPagtutuwid: Mali ang [^\n]* nakasaad sa naunang bersyon ng artikulong ito: “/,
    );
  });

  it('writes a CSV that parses back (csv-parse) to the same rows, with a BOM, a header row and CRLF records', async () => {
    const res = await request(app)
      .get(`/api/v1/documents/${documentId}/report?format=csv`)
      .set('Authorization', viewer)
      .buffer(true)
      .parse(bytesParser);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    const bytes: Buffer = res.body;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.slice(1, text.indexOf('\r\n'))).toBe(csvColumns.join(','));
    const parsed = parse(text, { bom: true, columns: true, relax_quotes: false }) as Record<string, string>[];
    const report = await openDocumentReport(db.ctx, (await signIn(db.ctx, 'viewer')).actor, documentId);
    const expected: Record<string, string>[] = [];
    for await (const item of report.items) expected.push(Object.fromEntries(Object.entries(csvRow(item)).map(([k, v]) => [k, String(v)])));
    expect(parsed).toEqual(expected);
    expect(parsed).toHaveLength(32);
    const bush = parsed.find((r) => r.claim === 'American President George H. W. Bush')!;
    expect(bush).toMatchObject({
      verdict: 'inaccurate',
      correction: 'American President George W. Bush',
      source_count: '3',
      reviewer: 'Answer key (demo)',
    });
    expect(bush.sources!.split('\n')).toHaveLength(3);
  });

  it('writes JSON that validates against the published report schema', async () => {
    const res = await get('json');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const report = JSON.parse(res.body);
    expect(reportSchema(report), JSON.stringify(reportSchema.errors, null, 2)).toBe(true);
    expect(report).toMatchObject({
      schemaVersion: '1.0.0',
      scope: 'document',
      url: `https://claims.factdesk.example/documents/${documentId}/report`,
    });
    expect(report.summary).toMatchObject({
      claims: expect.any(Number),
      checked: 50,
      errors: { inaccurate: 9, misleading: 2, needs_context: 7, typo: 14, total: 32 },
      reviewers: [{ name: 'Answer key (demo)', claims: 50 }],
    });
    expect(report.claims).toHaveLength(32);
    const starts = report.claims.map((c: { span: { start: number } }) => c.span.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('applies every accepted correction to the text and changes nothing outside the corrected spans', async () => {
    const res = await get('corrected');
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    const original = seedText();
    const corrected: string = res.body;
    expect(original.match(/United Sates/g)).toHaveLength(3);
    expect(corrected).not.toContain('United Sates');
    expect(corrected.match(/United States/g)!.length).toBe(original.match(/United States/g)!.length + 3);
    // Walk both texts: every run between corrected spans is identical, every span holds its correction.
    let at = 0;
    let out = 0;
    for (const c of corrections) {
      const between = original.slice(at, c.start);
      expect(corrected.slice(out, out + between.length)).toBe(between);
      out += between.length;
      expect(corrected.slice(out, out + c.correction.length)).toBe(c.correction);
      out += c.correction.length;
      at = c.end;
    }
    expect(corrected.slice(out)).toBe(original.slice(at));
    expect(corrections).toHaveLength(21);
  });

  it('marks exactly the corrected spans in the redline, and nothing else', async () => {
    const res = await get('redline');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
    const body = /<div class="redline-text" lang="tl">([\s\S]*)<\/div>\s*<\/main>/.exec(res.body)![1]!;
    const unescapeHtml = (s: string) =>
      s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    const changes = [...body.matchAll(/<span class="redline-change" id="claim-(\d+)" data-claim="\d+" title="[^"]*">([\s\S]*?)<\/span>/g)];
    expect(changes.map((m) => Number(m[1]))).toEqual(corrections.map((c) => c.claimId));
    for (const [i, m] of changes.entries()) {
      expect(unescapeHtml(m[2]!.replace(/<ins>[\s\S]*?<\/ins>|<\/?del>/g, ''))).toBe(corrections[i]!.quote);
      expect(unescapeHtml(m[2]!.replace(/<del>[\s\S]*?<\/del>|<\/?ins>/g, ''))).toBe(corrections[i]!.correction);
    }
    const outside = body.split(/<span class="redline-change"[\s\S]*?<\/span>/);
    expect(outside.some((s) => /<(del|ins)>/.test(s))).toBe(false);
    const original = seedText();
    const expectedOutside = [
      original.slice(0, corrections[0]!.start),
      ...corrections.map((c, i) => original.slice(c.end, corrections[i + 1]?.start ?? original.length)),
    ];
    expect(outside.map(unescapeHtml)).toEqual(expectedOutside);
  });

  it('serves the standalone HTML report with its own stylesheet and no script', async () => {
    const res = await get('html');
    expect(res.headers['content-disposition']).toContain('report.html');
    expect(res.body).toContain('<mark>American President George H. W. Bush</mark>');
    expect(res.body).not.toMatch(/<script|\sstyle=/);
    expect(res.body.match(/<li class="report-claim"/g)).toHaveLength(32);
  });
});
