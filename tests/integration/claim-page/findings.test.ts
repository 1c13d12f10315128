import request from 'supertest';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { findClaimsByDocumentId } from '../../../src/claims/claim.repository.js';
import { reextractDocument } from '../../../src/documents/reextract.service.js';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';

describe(`pre-check findings on stored claims (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let editor: Awaited<ReturnType<typeof signIn>>;
  let documentId: number;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    editor = await signIn(db.ctx, 'editor');
    ({ document: { id: documentId } } = await buildDocument(db.ctx));
  });
  afterAll(() => db.close());
  const flagged = async () => (await findClaimsByDocumentId(db.engine.db, documentId)).filter((c) => c.findings.length > 0);

  it('stores the seed findings with their claims and returns them (or an empty array) in the API claim JSON', async () => {
    const claims = await findClaimsByDocumentId(db.engine.db, documentId);
    const bush = claims.find((c) => c.kind === 'attribution' && c.quote.includes('American President George H. W. Bush'))!;
    const res = await request(app).get(`/api/v1/claims/${bush.id}`).set('Authorization', editor.bearer);
    expect(res.status).toBe(200);
    expect(res.body.claim.findings).toEqual([expect.objectContaining({ code: 'office-holder', suggestion: 'George W. Bush' })]);
    const decade = claims.find((c) => c.kind === 'date' && c.quote === '1900s')!;
    expect(decade.findings.map((f) => f.suggestion)).toEqual(['1990s']);
    const plain = claims.find((c) => c.findings.length === 0)!;
    expect((await request(app).get(`/api/v1/claims/${plain.id}`).set('Authorization', editor.bearer)).body.claim.findings).toEqual([]);
  });

  it('offers a finding\'s suggestion through the one shared Use suggestion button, which pre-fills the correction without JavaScript', async () => {
    const bush = (await flagged()).find((c) => c.kind === 'attribution')!;
    const page = await request(app).get(`/claims/${bush.id}`).set('Cookie', editor.cookie);
    expect(page.text).toContain('data-testid="findings"');
    // views/partials/use-suggestion.ejs: a GET form to this page carrying the suggestion, and a button the script reads.
    expect(page.text).toContain(`<form method="get" action="/claims/${bush.id}#review" class="use-suggestion">`);
    expect(page.text).toContain('<input type="hidden" name="useSuggestion" value="George W. Bush">');
    expect(page.text).toContain('<button type="submit" class="secondary" data-suggestion="George W. Bush" data-target="#correction">Use suggestion: “George W. Bush”</button>');
    // The other path is gone: no links by finding index, no second data attribute.
    expect(page.text).not.toContain('useFinding');
    expect(page.text).not.toContain('data-use-suggestion');
    const filled = await request(app).get(`/claims/${bush.id}?useSuggestion=George%20W.%20Bush`).set('Cookie', editor.cookie);
    expect(filled.text).toMatch(/<textarea id="correction"[^>]*>George W. Bush<\/textarea>/);
    expect((await findClaimsByDocumentId(db.engine.db, documentId)).find((c) => c.id === bush.id)!.correction).toBeNull();
    const ignored = await request(app).get(`/claims/${bush.id}?useFinding=0`).set('Cookie', editor.cookie);
    expect(ignored.status).toBe(200);
    expect(ignored.text).not.toMatch(/<textarea id="correction"[^>]*>George W. Bush<\/textarea>/);
  });

  it('marks claims with findings in the reader', async () => {
    const reader = await request(app).get(`/documents/${documentId}`).set('Cookie', editor.cookie);
    expect(reader.text.match(/data-testid="finding-badge"/g)?.length).toBe((await flagged()).length);
  });

  it('lists findings in the internal report', async () => {
    const report = await request(app).get(`/documents/${documentId}/report?includeOpen=true`).set('Cookie', editor.cookie);
    expect(report.status).toBe(200);
    expect(report.text).toContain('Pre-check findings');
    expect(report.text).toContain('George W. Bush was.');
  });

  it('filters the queue to claims with findings', async () => {
    const ids = (await flagged()).map((c) => c.id);
    const page = await request(app).get('/claims?findings=yes').set('Cookie', editor.cookie);
    expect(page.status).toBe(200);
    const shown = [...page.text.matchAll(/href="\/claims\/(\d+)"/g)].map((m) => Number(m[1]));
    expect(new Set(shown)).toEqual(new Set(ids));
    expect((await request(app).get('/claims?findings=maybe').set('Cookie', editor.cookie)).status).toBe(400);
  });

  it('recomputes findings on re-extraction without touching review fields', async () => {
    const before = await flagged();
    await sql`UPDATE claims SET findings = '[]'::jsonb WHERE document_id = ${documentId}`.execute(db.engine.db);
    await sql`UPDATE claims SET findings = ${JSON.stringify([{ code: 'stale', message: 'old' }])}::jsonb WHERE id = (SELECT min(id) FROM claims WHERE document_id = ${documentId} AND findings = '[]'::jsonb AND id <> ALL(${before.map((c) => c.id)}))`.execute(db.engine.db);
    await reextractDocument(db.ctx, editor.actor, documentId);
    const after = await flagged();
    expect(after.map((c) => [c.id, c.findings, c.version])).toEqual(before.map((c) => [c.id, c.findings, c.version]));
  });

  it('offers a spelling claim\'s suggestion once, not again for its dictionary finding', async () => {
    const { claims } = await buildDocument(db.ctx, { text: 'The Goverment said the city would get aid.', language: 'en' });
    const typo = claims.find((c) => c.kind === 'spelling' && c.quote === 'Goverment')!;
    expect(typo.findings.map((f) => f.suggestion)).toEqual(['Government']);
    const page = await request(app).get(`/claims/${typo.id}`).set('Cookie', editor.cookie);
    expect(page.text.match(/data-suggestion="Government"/g)).toHaveLength(1);
  });
});
