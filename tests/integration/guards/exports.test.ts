import { parse } from 'csv-parse/sync';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClaim, updateClaim } from '../../../src/claims/claim.service.js';
import { importDocument } from '../../../src/documents/document.service.js';
import { addSource } from '../../../src/sources/source.service.js';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildUser, signIn } from '../../helpers/factories.js';
import { insertBulkDocument } from '../reports/bulk-document.js';
import { textParser } from '../reports/reviewed-seed.js';

type Cells = Record<string, string>;

/**
 * What a spreadsheet receives for a value starting with each formula trigger, written out by hand
 * (not through the code under test): an apostrophe in front, so the cell is text. A leading CR
 * becomes a line feed first (line breaks inside cells are LF), which no spreadsheet runs.
 * `named` is the cell for titles and people's names, which are trimmed when they are entered.
 */
const triggers: { name: string; lead: string; cell: string; named: string }[] = [
  { name: 'equals', lead: '=', cell: "'=", named: "'=" },
  { name: 'plus', lead: '+', cell: "'+", named: "'+" },
  { name: 'minus', lead: '-', cell: "'-", named: "'-" },
  { name: 'at', lead: '@', cell: "'@", named: "'@" },
  { name: 'tab', lead: '\t', cell: "'\t", named: '' },
  { name: 'carriage return', lead: '\r', cell: '\n', named: '' },
];

describe(`exports: formula cells, escaping outside corrections, more than one page (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let viewer: string;
  const rows = new Map<string, { documentId: number; claimId: number }>();
  const download = (path: string) => request(app).get(path).set('Authorization', viewer).buffer(true).parse(textParser);
  const csv = (body: string) => parse(body, { bom: true, columns: true, relax_quotes: false }) as Cells[];

  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    ({ bearer: viewer } = await signIn(db.ctx, 'viewer'));
    for (const { name, lead } of triggers) {
      const editor = await buildUser(db.ctx, 'editor', `${lead}Editor`);
      const { document } = await importDocument(db.ctx, editor, {
        title: `${lead}Title`,
        text: `Ayon sa ulat, ${lead}Juan ang nagsabi na 40 porsiyento ito.\n`,
        language: 'tl',
      });
      const claim = await createClaim(db.ctx, editor, document.id, { kind: 'quote', quote: `${lead}Juan` });
      await addSource(db.ctx, editor, claim.id, {
        url: 'https://example.org/s',
        title: `${lead}Source`,
        publisher: `${lead}Publisher`,
        stance: 'refutes',
      });
      const review = await updateClaim(db.ctx, editor, claim.id, {
        version: claim.version,
        status: 'in_review',
        assigneeId: editor.id,
        correction: `${lead}Correction`,
        explanation: `${lead}Explanation`,
      });
      await updateClaim(db.ctx, editor, claim.id, { version: review.claim.version, status: 'resolved', verdict: 'inaccurate' });
      rows.set(name, { documentId: document.id, claimId: claim.id });
    }
  });
  afterAll(() => db.close());

  it.each(triggers)('neutralises a leading $name in every text column of the CSV', async ({ name, cell, named, lead }) => {
    const { documentId, claimId } = rows.get(name)!;
    const res = await download(`/api/v1/documents/${documentId}/report?format=csv`);
    expect(res.status).toBe(200);
    const row = csv(res.body).find((r) => r.claim_id === String(claimId))!;
    expect(row).toMatchObject({
      document_title: `${named}Title`,
      claim: `${cell}Juan`,
      correction: `${cell}Correction`,
      explanation: `${cell}Explanation`,
      reviewer: `${named}Editor`,
      assignee: `${named}Editor`,
      sources: `Refutes: ${lead === '\r' ? '\n' : lead}Source <https://example.org/s> (${lead === '\r' ? '\n' : lead}Publisher)`,
    });
    const workspace = csv((await download(`/reports?format=csv&document=${documentId}`)).body).find((r) => r.claim_id === String(claimId))!;
    expect(workspace).toMatchObject({
      document_title: `${named}Title`,
      claim: `${cell}Juan`,
      correction: `${cell}Correction`,
      explanation: `${cell}Explanation`,
    });
  });

  it('escapes the text outside the corrected spans in the redline', async () => {
    const editor = await buildUser(db.ctx, 'editor');
    const text = 'Sinabi ng <script>alert("outside")</script> na umabot sa 40 porsiyento ang United Sates noong 2003.\n';
    const { document, claims } = await importDocument(db.ctx, editor, { title: 'Outside', text, language: 'tl' });
    const claim =
      claims.find((c) => c.quote === 'United Sates') ??
      (await createClaim(db.ctx, editor, document.id, { kind: 'spelling', quote: 'United Sates' }));
    const review = await updateClaim(db.ctx, editor, claim.id, { version: claim.version, correction: 'United States' });
    await updateClaim(db.ctx, editor, claim.id, { version: review.claim.version, status: 'resolved', verdict: 'typo' });
    const res = await download(`/api/v1/documents/${document.id}/report?format=redline`);
    expect(res.status).toBe(200);
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).toContain(
      'Sinabi ng &lt;script&gt;alert(&#34;outside&#34;)&lt;/script&gt; na umabot sa 40 porsiyento ang <span class="redline-change"',
    );
  });

  describe('a document with more corrections than one page (500) holds', () => {
    const CLAIMS = 1300; // 1,040 with a correction: three pages of corrections, three of claims
    let documentId: number;
    let corrections: number;
    beforeAll(async () => {
      ({ documentId } = await insertBulkDocument(db.engine.db, { claims: CLAIMS }));
      const counted = await db.engine.db
        .selectFrom('claims')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('document_id', '=', documentId)
        .where('correction', 'is not', null)
        .executeTakeFirstOrThrow();
      corrections = Number(counted.n);
      expect(corrections).toBeGreaterThan(1000);
    });

    it('applies every correction once in the corrected text', async () => {
      const res = await download(`/api/v1/documents/${documentId}/report?format=corrected`);
      expect(res.status).toBe(200);
      expect(res.body.split('United States').length - 1).toBe(corrections);
      expect(res.body.split('United Sates').length - 1).toBe(CLAIMS - corrections);
    });

    it('marks every correction once in the redline', async () => {
      const res = await download(`/api/v1/documents/${documentId}/report?format=redline`);
      expect(res.status).toBe(200);
      expect(res.body.split('class="redline-change"').length - 1).toBe(corrections);
    });

    it('lists every claim once in the CSV and JSON, document and workspace', async () => {
      const ids = (list: { claim_id?: string; claimId?: number; id?: number }[]) =>
        new Set(list.map((r) => String(r.claim_id ?? r.claimId ?? r.id)));
      const docCsv = csv((await download(`/api/v1/documents/${documentId}/report?format=csv`)).body);
      expect(docCsv).toHaveLength(CLAIMS);
      expect(ids(docCsv).size).toBe(CLAIMS);
      const workspaceCsv = csv((await download(`/reports?format=csv&document=${documentId}`)).body);
      expect(workspaceCsv).toHaveLength(CLAIMS);
      expect(ids(workspaceCsv).size).toBe(CLAIMS);
      const json = JSON.parse((await download(`/api/v1/documents/${documentId}/report?format=json`)).body) as {
        claims: { claimId?: number; id?: number }[];
      };
      expect(json.claims).toHaveLength(CLAIMS);
      expect(ids(json.claims).size).toBe(CLAIMS);
    });
  });
});
