import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { signIn } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';

describe(`claims per document and extraction time are bounded (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let editor: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    db = await openTestDb({ maxClaimsPerDocument: 700 });
    app = testApp(db);
    editor = await signIn(db.ctx, 'editor');
  });
  afterAll(() => db.close());

  const importText = (text: string, target = app) =>
    request(target).post('/api/v1/documents').set('Authorization', editor.bearer).send({ title: 'Numbers', text, language: 'en' });

  it('refuses a text yielding more claims than MAX_CLAIMS_PER_DOCUMENT with 422 naming the limit, writing nothing', async () => {
    const before = await tableChecksums(db.engine.db);
    const res = await importText('1 '.repeat(800));
    expect(res.status, res.text.slice(0, 300)).toBe(422);
    expect(res.body.error.message).toContain('more than the limit of 700 per document');
    expect(res.body.error.maxClaimsPerDocument).toBe(700);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });

  it('answers a large import with a count and the paged list, not every claim', async () => {
    const res = await importText('1 '.repeat(600));
    expect(res.status, res.text.slice(0, 300)).toBe(201);
    expect(res.body.claimCount).toBe(600);
    expect(res.body.claims).toBeUndefined();
    expect(res.body.claimsTruncated).toBe(true);
    expect(res.body.claimsUrl).toBe(`/api/v1/claims?documentId=${res.body.document.id}`);
    const page = await request(app).get(res.body.claimsUrl).set('Authorization', editor.bearer);
    expect(page.status).toBe(200);
    expect(page.body.claims.length).toBeGreaterThan(0);
    expect(page.body.claims.length).toBeLessThan(600);
  });

  it('still lists the claims of a small import in its response', async () => {
    const res = await importText('In 2003 the coalition sent 140,000 troops.');
    expect(res.status).toBe(201);
    expect(res.body.claims.length).toBe(res.body.claimCount);
  });

  it('refuses with 422 when extraction runs past EXTRACTION_TIMEOUT_MS, writing nothing', async () => {
    const slow = testApp({ ...db, config: { ...db.config, extractionTimeoutMs: -1 } });
    const before = await tableChecksums(db.engine.db);
    const res = await importText('In 2004 the coalition sent 150,000 troops.', slow); // a text not imported yet, so only the time limit can refuse it
    expect(res.status, res.text.slice(0, 300)).toBe(422);
    expect(res.body.error.message).toMatch(/took longer than the limit/);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });
});
