import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { signIn } from '../../helpers/factories.js';
import { inlineCode, pagePaths } from './pages.js';
import { listRoutes } from './route-table.js';
import { buildAuthors, buildScene } from './scene.js';

const csp =
  "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';form-action 'self';frame-ancestors 'none';base-uri 'none';object-src 'none'";

describe(`security headers and a strict CSP on every page (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let paths: string[];
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    admin = await signIn(db.ctx, 'admin');
    const scene = await buildScene(db.ctx, await buildAuthors(db.ctx));
    paths = pagePaths(listRoutes(app), {
      documentId: scene.documentId,
      claimId: scene.claim.id,
      userId: admin.actor.id,
      invitationToken: await scene.linkFor(),
    });
  });
  afterAll(() => db.close());

  it('sends the CSP, nosniff, frame and referrer policies on pages, API answers, errors and static files', async () => {
    const responses = [
      await request(app).get('/login'),
      await request(app).get('/documents').set('Cookie', admin.cookie),
      await request(app).get('/api/v1/documents').set('Authorization', admin.bearer),
      await request(app).get('/no/such/page').set('Cookie', admin.cookie),
      await request(app).get('/static/css/app.css'),
    ];
    for (const res of responses) {
      expect(res.headers['content-security-policy']).toBe(csp);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['strict-transport-security']).toBeUndefined(); // plain HTTP here
    }
  });

  it('adds HSTS when PUBLIC_URL is https', async () => {
    const secure = testApp({ ...db, config: { ...db.config, publicUrl: 'https://desk.example.org' } });
    expect((await request(secure).get('/login')).headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('has no inline script, inline handler, style attribute or javascript: URL on any page the app serves', async () => {
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) {
      const res = await request(app)
        .get(path)
        .set('Cookie', path.startsWith('/invitations/') ? '' : admin.cookie);
      expect(res.status, path).toBeLessThan(400);
      if (!res.headers['content-type']?.startsWith('text/html')) continue;
      expect(inlineCode(res.text), path).toEqual([]);
      for (const m of res.text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g))
        expect(m[1], `${path} loads a script from elsewhere`).toMatch(/^\/static\//);
    }
  });
});
