import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateClaim } from '../../../src/claims/claim.service.js';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, buildUser, claimFor, signIn } from '../../helpers/factories.js';
import { buildReviewedSeed, textParser } from './reviewed-seed.js';

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats.default(ajv);
const validateReport = ajv.compile(
  JSON.parse(readFileSync(new URL('../../../src/reports/schema/report.v1.schema.json', import.meta.url), 'utf8')),
);

interface JsonClaim {
  document: { id: number };
  verdict: string | null;
  span: { start: number };
  resolvedAt: string | null;
}

describe(`the workspace report (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let bearer: string;
  let seedId: number;
  let otherId: number;
  const json = async (query: string) => {
    const res = await request(app).get(`/api/v1/reports?format=json${query}`).set('Authorization', bearer).buffer(true).parse(textParser);
    expect(res.status).toBe(200);
    return JSON.parse(res.body) as { scope: string; summary: { documents: number; errors: Record<string, number> }; claims: JsonClaim[] };
  };

  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    ({ bearer } = await signIn(db.ctx, 'reviewer'));
    ({
      document: { id: seedId },
    } = await buildReviewedSeed(db.ctx));
    // A second document, reviewed "last year": its resolution dates are moved back.
    const { document } = await buildDocument(db.ctx, {
      title: 'Budget story',
      text: 'The council spent 3.2 milion pesos in 2004, the mayor said.',
      language: 'en',
    });
    otherId = document.id;
    const boss = await buildUser(db.ctx, 'editor');
    const claim = await claimFor(db.ctx, boss, otherId, { kind: 'spelling', quote: 'milion' });
    await updateClaim(db.ctx, boss, claim.id, { version: claim.version, status: 'resolved', verdict: 'typo', correction: 'million' });
    await db.engine.db
      .updateTable('claims')
      .set({ resolved_at: new Date('2024-03-15T12:00:00Z') })
      .where('document_id', '=', otherId)
      .execute();
  });
  afterAll(() => db.close());

  it('lists every document’s claims needing action, document by document in text order, valid against the schema', async () => {
    const report = await json('');
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.scope).toBe('workspace');
    expect(report.summary.documents).toBe(2);
    expect(report.claims).toHaveLength(33);
    const order = report.claims.map((c) => [c.document.id, c.span.start]);
    expect(order).toEqual([...order].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
  });

  it('filters by document, by resolution date and by verdict', async () => {
    expect((await json(`&document=${otherId}`)).claims.map((c) => c.verdict)).toEqual(['typo']);
    const lastYear = await json('&from=2024-01-01&to=2024-12-31');
    expect(lastYear.claims.map((c) => c.document.id)).toEqual([otherId]);
    expect(lastYear.summary.errors.typo).toBe(1);
    expect((await json('&from=2025-01-01')).claims.every((c) => c.document.id === seedId)).toBe(true);
    const typos = await json('&verdict=typo');
    expect(typos.claims).toHaveLength(15);
    const twoKinds = await json('&verdict=misleading&verdict=inaccurate');
    expect(new Set(twoKinds.claims.map((c) => c.verdict))).toEqual(new Set(['misleading', 'inaccurate']));
    expect((await json('&verdict=misleading,inaccurate')).claims).toHaveLength(twoKinds.claims.length);
  });

  it('exports CSV with the document on every row', async () => {
    const res = await request(app)
      .get(`/api/v1/reports?format=csv&document=${otherId}`)
      .set('Authorization', bearer)
      .buffer(true)
      .parse(textParser);
    expect(res.headers['content-disposition']).toBe('attachment; filename=claimdesk-workspace-report.csv');
    const rows = parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      expect.objectContaining({ document_id: String(otherId), document_title: 'Budget story', claim: 'milion', correction: 'million' }),
    ]);
  });

  it.each([
    ['an impossible date', '?from=2024-13-01', 'from: must be a valid date'],
    ['a range ending before it starts', '?from=2025-02-01&to=2025-01-01', 'to: must be on or after from'],
    ['a verdict that needs no action', '?verdict=accurate', 'verdict.0: must be one of: inaccurate, misleading, needs_context, typo'],
    ['a format only documents have', '?format=md', 'format: must be one of: csv, json'],
    ['a document id of zero', '?document=0', 'document: must be at least 1'],
  ])('refuses %s with a 400 naming the field', async (_name, query, message) => {
    const res = await request(app).get(`/api/v1/reports${query}`).set('Authorization', bearer);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(message);
  });

  it('answers 404 for a document filter naming no document', async () => {
    expect((await request(app).get('/api/v1/reports?document=999999').set('Authorization', bearer)).status).toBe(404);
  });

  it('shows the report page with its filter form, keeping the filter in the download links', async () => {
    const client = browser(app, (await signIn(db.ctx, 'viewer')).cookie);
    const res = await client.get(`/reports?document=${otherId}&from=2024-01-01&verdict=typo`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`<option value="${otherId}" selected>Budget story</option>`);
    expect(res.text).toContain('<input id="from" name="from" type="date" value="2024-01-01">');
    expect(res.text).toContain('<input type="checkbox" id="verdict-typo" name="verdict" value="typo" checked>');
    expect(res.text).toContain(`href="/reports?document=${otherId}&amp;from=2024-01-01&amp;verdict=typo&amp;format=csv"`);
    expect(res.text.match(/<tr id="claim-\d+">/g)).toHaveLength(1);
    expect(res.text).toMatch(/<td lang="en"><a href="\/claims\/\d+">milion<\/a><\/td>/);
    expect(res.text).not.toMatch(/\sstyle=|<style/);
    const download = await client.get(`/reports?document=${otherId}&format=json`);
    expect(download.headers['content-disposition']).toBe('attachment; filename=claimdesk-workspace-report.json');
  });
});
