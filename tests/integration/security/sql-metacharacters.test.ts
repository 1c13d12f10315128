import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { signIn } from '../../helpers/factories.js';
import { securityChecksums } from './helpers.js';
import { buildAuthors, buildScene, type Scene } from './scene.js';

const metacharacters = [
  "'",
  "''",
  '"',
  ';',
  '--',
  '/*',
  '*/',
  '%',
  '_',
  '\\',
  "' OR '1'='1",
  "' OR 1=1 --",
  '1; DROP TABLE claims; --',
  "') OR ('a'='a",
  '$1',
  '$$',
  'NULL',
  '!',
  '&',
  '|',
  ':*',
  '<->',
  '(',
  ')',
];

describe(`SQL metacharacters in every filter and search field (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let scene: Scene;
  let viewer: Awaited<ReturnType<typeof signIn>>;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    viewer = await signIn(db.ctx, 'viewer');
    admin = await signIn(db.ctx, 'admin');
    const authors = await buildAuthors(db.ctx);
    scene = await buildScene(db.ctx, authors, 'Metacharacters');
    await buildScene(db.ctx, authors, 'Another');
  });
  afterAll(() => db.close());

  const apiClaims = async (query: Record<string, string>) => {
    const res = await request(app).get('/api/v1/claims').query(query).set('Authorization', viewer.bearer);
    return { status: res.status, ids: (res.body.claims ?? []).map((c: { id: number }) => c.id) as number[], body: res.body };
  };

  it('treats search text as words: metacharacters match nothing extra, break nothing and write nothing', async () => {
    const before = await securityChecksums(db.engine.db);
    const all = (await apiClaims({})).ids.length;
    expect(all).toBeGreaterThan(6);
    const pentagon = (await apiClaims({ q: 'Pentagon' })).ids;
    expect(pentagon.length).toBeGreaterThan(0);
    for (const m of metacharacters) {
      const alone = await apiClaims({ q: m });
      expect(alone.status, JSON.stringify(m)).toBe(200);
      expect(alone.ids.length, JSON.stringify(m)).toBeLessThan(all);
      const glued = await apiClaims({ q: `Pentagon${m}` });
      expect(glued.status, JSON.stringify(m)).toBe(200);
      expect(
        glued.ids.every((id) => pentagon.includes(id)),
        `Pentagon${m}`,
      ).toBe(true);
      const page = await request(app)
        .get('/claims')
        .query({ q: `Pentagon ${m}` })
        .set('Cookie', viewer.cookie);
      expect(page.status, JSON.stringify(m)).toBe(200);
    }
    // A NUL byte cannot be stored or searched in PostgreSQL text: a clear 400, not a 500.
    const nul = await apiClaims({ q: 'Pentagon\u0000' });
    expect(nul.status).toBe(400);
    expect(await securityChecksums(db.engine.db)).toEqual(before);
  });

  it('refuses metacharacters in the vocabulary, id, cursor and date filters with a 400 naming the field', async () => {
    const before = await securityChecksums(db.engine.db);
    const fields: [string, Record<string, string>][] = [
      ['status', { status: "open' OR '1'='1" }],
      ['verdict', { verdict: "accurate'--" }],
      ['kind', { kind: 'quote;DROP TABLE claims' }],
      ['documentId', { documentId: '1 OR 1=1' }],
      ['assignee', { assignee: "me' OR '1'='1" }],
      ['sort', { sort: 'position; DELETE FROM claims' }],
      ['after', { after: "abc'--" }],
    ];
    for (const [field, query] of fields) {
      const api = await apiClaims(query);
      expect(api.status, field).toBe(400);
      expect(
        api.body.error.fields.map((f: { field: string }) => f.field),
        field,
      ).toContain(field);
      const page = await request(app).get('/claims').query(query).set('Cookie', viewer.cookie);
      expect(page.status, field).toBe(400);
      expect(page.text, field).toContain(field);
    }
    const reports: [string, Record<string, string>][] = [
      ['document', { document: "1' OR '1'='1" }],
      ['from', { from: "2024-01-01' --" }],
      ['to', { to: '2024-13-45' }],
      ['verdict.0', { verdict: "inaccurate' OR 1=1" }],
      ['format', { format: "csv'; --" }],
    ];
    for (const [field, query] of reports) {
      const res = await request(app).get('/reports').query(query).set('Cookie', viewer.cookie);
      expect(res.status, field).toBe(400);
      expect(res.text, field).toContain(field);
    }
    expect(await securityChecksums(db.engine.db)).toEqual(before);
  });

  it('finds nothing rather than everything for metacharacters in the audit search', async () => {
    for (const m of ["' OR '1'='1", '%', "%' --"]) {
      const res = await request(app).get('/admin/audit').query({ q: m }).set('Cookie', admin.cookie);
      expect(res.status).toBe(200);
      expect(res.text).toContain('No entries match this search.');
    }
  });

  it('answers 404 for metacharacters in a path id', async () => {
    for (const path of [`/claims/${scene.claim.id}'--`, '/documents/1 OR 1=1', '/api/v1/claims/1;DROP TABLE claims']) {
      const res = await request(app)
        .get(path.replaceAll(' ', '%20'))
        .set('Cookie', viewer.cookie)
        .set('Authorization', path.startsWith('/api') ? viewer.bearer : '');
      expect(res.status, path).toBe(404);
    }
  });
});
