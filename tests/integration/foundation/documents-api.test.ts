import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { seedText, signIn } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';

describe(`documents API (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let bearer: string;
  beforeAll(async () => {
    db = await openTestDb({ maxTextBytes: 64 * 1024 });
    app = testApp(db);
    ({ bearer } = await signIn(db.ctx, 'editor'));
  });
  afterAll(() => db.close());

  it('imports the seed article with its claims, every span matching its quote exactly', async () => {
    const text = seedText();
    const res = await request(app)
      .post('/api/v1/documents')
      .set('Authorization', bearer)
      .send({ title: 'Digmaan sa Iraq', text, language: 'tl', sourceUrl: 'https://tl.wikipedia.org/wiki/Digmaan_sa_Iraq' });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/api/v1/documents/${res.body.document.id}`);
    expect(res.body.document).toMatchObject({ title: 'Digmaan sa Iraq', language: 'tl', text, sentenceCount: 21, version: 1 });
    expect(res.body.claims.length).toBeGreaterThan(20);

    const stored = await request(app).get(`/api/v1/documents/${res.body.document.id}/claims`).set('Authorization', bearer);
    expect(stored.status).toBe(200);
    for (const claim of stored.body.claims) {
      expect(claim.quote).toBe(text.slice(claim.start, claim.end));
      expect(claim.status).toBe('open');
    }
    const quotes = stored.body.claims.map((c: { quote: string }) => c.quote).join('\n');
    expect(quotes).toMatch(/“/); // curly quotes survive
    expect(quotes).toMatch(/_/); // and so do underscore-joined words
    const rows = await db.engine.db
      .selectFrom('claims as c')
      .innerJoin('documents as d', 'd.id', 'c.document_id')
      .select(['c.quote', 'c.start_offset', 'c.end_offset', 'd.body'])
      .execute();
    for (const r of rows) expect(r.quote).toBe(r.body.slice(r.start_offset, r.end_offset));
  });

  it('lists and reads documents', async () => {
    const list = await request(app).get('/api/v1/documents').set('Authorization', bearer);
    expect(list.status).toBe(200);
    expect(list.body.documents[0]).toMatchObject({ title: 'Digmaan sa Iraq', language: 'tl' });
    expect(list.body.documents[0].claimCount).toBeGreaterThan(0);
    const one = await request(app).get(`/api/v1/documents/${list.body.documents[0].id}`).set('Authorization', bearer);
    expect(one.body.document.text).toBe(seedText());
    expect((await request(app).get('/api/v1/documents/999999').set('Authorization', bearer)).status).toBe(404);
    expect((await request(app).get('/api/v1/documents/..%2fusers').set('Authorization', bearer)).status).toBe(404);
  });

  describe('refuses bad input with a clear 4xx and writes nothing', () => {
    const cases: [string, (r: request.Test) => request.Test, number, RegExp][] = [
      ['malformed JSON', (r) => r.set('Content-Type', 'application/json').send('{"title": "x", '), 400, /not valid JSON/],
      ['a missing title', (r) => r.send({ text: 'Some text.' }), 400, /title: is required/],
      ['an empty title', (r) => r.send({ title: '', text: 'Some text.' }), 400, /title: must not be empty/],
      ['an unknown field', (r) => r.send({ title: 'T', text: 'x', admin: true }), 400, /admin: is not an allowed field/],
      ['a wrong type', (r) => r.send({ title: 42, text: 'x' }), 400, /title: must be a string/],
      [
        'a bad language tag',
        (r) => r.send({ title: 'T', text: 'x', language: 'Tagalog!' }),
        400,
        /language: must be a BCP 47 language tag/,
      ],
      [
        'a javascript: source URL',
        (r) => r.send({ title: 'T', text: 'x', sourceUrl: 'javascript:alert(1)' }),
        400,
        /sourceUrl: must be a full http\(s\) URL/,
      ],
      ['a text over the size limit', (r) => r.send({ title: 'T', text: 'a'.repeat(65 * 1024) }), 413, /larger than the limit of 64 KB/],
      ['a NUL byte', (r) => r.send({ title: 'T', text: 'abc\u0000def' }), 400, /control character \(U\+0000\)/],
      ['a form body on the JSON API', (r) => r.type('form').send('title=T&text=x'), 415, /application\/json/],
      ['a whitespace-only text', (r) => r.send({ title: 'T', text: '   \n ' }), 400, /text: must not be empty/],
    ];
    it.each(cases)('%s', async (_name, build, status, message) => {
      const before = await tableChecksums(db.engine.db);
      const res = await build(request(app).post('/api/v1/documents').set('Authorization', bearer));
      expect(res.status).toBe(status);
      expect(res.body.error.message).toMatch(message);
      expect(await tableChecksums(db.engine.db)).toEqual(before);
    });
  });
});
