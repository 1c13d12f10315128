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
    ({
      document: { id: documentId },
    } = await buildDocument(db.ctx));
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

  it("offers a finding's suggestion through the one shared Use suggestion button, which pre-fills the correction without JavaScript", async () => {
    const bush = (await flagged()).find((c) => c.kind === 'attribution')!;
    const page = await request(app).get(`/claims/${bush.id}`).set('Cookie', editor.cookie);
    expect(page.text).toContain('data-testid="findings"');
    // views/partials/use-suggestion.ejs: a GET form to this page carrying the suggestion, and a button the script reads.
    expect(page.text).toContain(`<form method="get" action="/claims/${bush.id}#review" class="use-suggestion">`);
    expect(page.text).toContain('<input type="hidden" name="useSuggestion" value="George W. Bush">');
    expect(page.text).toContain(
      '<button type="submit" class="secondary" data-suggestion="George W. Bush" data-target="#correction">Use suggestion: “George W. Bush”</button>',
    );
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
    await sql`UPDATE claims SET findings = ${JSON.stringify([{ code: 'stale', message: 'old' }])}::jsonb WHERE id = (SELECT min(id) FROM claims WHERE document_id = ${documentId} AND findings = '[]'::jsonb AND id <> ALL(${before.map((c) => c.id)}))`.execute(
      db.engine.db,
    );
    await reextractDocument(db.ctx, editor.actor, documentId);
    const after = await flagged();
    expect(after.map((c) => [c.id, c.findings, c.version])).toEqual(before.map((c) => [c.id, c.findings, c.version]));
  });

  it("offers a spelling claim's suggestion once, not again for its dictionary finding", async () => {
    const { claims } = await buildDocument(db.ctx, { text: 'The Goverment said the city would get aid.', language: 'en' });
    const typo = claims.find((c) => c.kind === 'spelling' && c.quote === 'Goverment')!;
    expect(typo.findings.map((f) => f.suggestion)).toEqual(['Government']);
    const page = await request(app).get(`/claims/${typo.id}`).set('Cookie', editor.cookie);
    expect(page.text.match(/data-suggestion="Government"/g)).toHaveLength(1);
  });
  it('links competing figures for the same quantity both ways: a finding on each claim, shown as a link on both claim pages', async () => {
    const claims = await findClaimsByDocumentId(db.engine.db, documentId);
    const lancet = claims.find((c) => c.kind === 'statistic' && c.quote.includes('655,000'))!;
    const ibc = claims.find((c) => c.kind === 'statistic' && c.quote.includes('mas maliit ng 10 %'))!;
    const pointsAt = (from: typeof lancet, to: typeof lancet) =>
      from.findings.some((f) => f.code === 'figure-competing' && f.related?.start === to.start && f.related.end === to.end);
    expect(pointsAt(lancet, ibc)).toBe(true);
    expect(pointsAt(ibc, lancet)).toBe(true);
    const api = await request(app).get(`/api/v1/claims/${ibc.id}`).set('Authorization', editor.bearer);
    expect(api.body.claim.findings).toContainEqual(
      expect.objectContaining({ code: 'figure-competing', related: { start: lancet.start, end: lancet.end } }),
    );
    for (const [page, other] of [
      [lancet, ibc],
      [ibc, lancet],
    ] as const) {
      const html = (await request(app).get(`/claims/${page.id}`).set('Cookie', editor.cookie)).text;
      expect(html).toContain(`<a href="/claims/${other.id}" data-testid="finding-link">See claim #${other.id}</a>`);
    }
  });

  it('links the same figure given differently in two places of one document', async () => {
    const text = 'Sanctions killed 500,000 children, the report said.\nCritics later asked how 50,000 children could have died unnoticed.';
    const { claims } = await buildDocument(db.ctx, { text, language: 'en' });
    const big = claims.find((c) => c.quote === '500,000 children')!;
    const small = claims.find((c) => c.quote === '50,000 children')!;
    expect(big.findings.map((f) => [f.code, f.related])).toEqual([['figure-restated', { start: small.start, end: small.end }]]);
    expect(small.findings.map((f) => [f.code, f.related])).toEqual([['figure-restated', { start: big.start, end: big.end }]]);
    const html = (await request(app).get(`/claims/${small.id}`).set('Cookie', editor.cookie)).text;
    expect(html).toContain(`<a href="/claims/${big.id}" data-testid="finding-link">See claim #${big.id}</a>`);
  });
});
