import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../../src/app.js';
import type { Db } from '../../../src/db/database.js';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, testConfig, type TestDb } from '../../helpers/db.js';
import { signIn } from '../../helpers/factories.js';
import { csrfFrom, formBody, securityChecksums, setCookies } from './helpers.js';
import { routeExpectations } from './route-expectations.js';
import { listRoutes, stateChanging } from './route-table.js';
import { buildAuthors, buildScene, type Authors } from './scene.js';

const pageRoutes = stateChanging(listRoutes(createApp({ db: {} as Db, config: testConfig(), secret: 'x'.repeat(40) }))).filter(
  (r) => !r.api,
);

describe(`CSRF protection on every state-changing form (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let authors: Authors;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    authors = await buildAuthors(db.ctx);
    admin = await signIn(db.ctx, 'admin');
  });
  afterAll(() => db.close());

  // An admin may do everything, so a refusal here can only be the CSRF check.
  for (const route of pageRoutes) {
    it(`${route.key}: a missing, a wrong or another session's token is refused with 403, nothing written`, async () => {
      const expectation = routeExpectations[route.key];
      if (!expectation) throw new Error(`${route.key} is missing from route-expectations.ts`);
      const scene = await buildScene(db.ctx, authors);
      const { path, body } = await expectation.build(scene, admin.actor);
      const own = await csrfFrom(app, '/account', admin.cookie);
      const other = await signIn(db.ctx, 'admin');
      const foreign = await csrfFrom(app, '/account', other.cookie);
      const before = await securityChecksums(db.engine.db);
      const attempts = [
        { cookie: own.cookie, token: undefined },
        { cookie: own.cookie, token: `${own.token.slice(0, -4)}beef` },
        { cookie: own.cookie, token: foreign.token },
        { cookie: `${admin.cookie}; ${foreign.cookie.split('; ').find((c) => c.startsWith('claimdesk_csrf='))}`, token: foreign.token },
      ];
      for (const { cookie, token } of attempts) {
        const res = await request(app)
          [route.method.toLowerCase() as 'post'](path)
          .set('Cookie', cookie)
          .type('form')
          .send(formBody({ ...body, ...(token ? { _csrf: token } : {}) }));
        expect(res.status, `${route.key} with token ${token ?? '(none)'}`).toBe(403);
        expect(res.text).toContain('did not come from claimdesk');
      }
      expect(await securityChecksums(db.engine.db)).toEqual(before);
    });
  }

  it('checks the multipart import form after parsing it, refusing it without a token', async () => {
    const before = await securityChecksums(db.engine.db);
    const res = await request(app)
      .post('/documents')
      .set('Cookie', admin.cookie)
      .field('title', 'Upload')
      .attach('file', Buffer.from('In 2004 the council spent 3 million pesos.'), 'a.txt');
    expect(res.status).toBe(403);
    expect(await securityChecksums(db.engine.db)).toEqual(before);
  });

  it('checks a browser session calling the JSON API like a form; a token request needs no CSRF token', async () => {
    const scene = await buildScene(db.ctx, authors);
    const body = { version: scene.claim.version, status: 'in_review' };
    const before = await securityChecksums(db.engine.db);
    const cookieOnly = await request(app).patch(`/api/v1/claims/${scene.claim.id}`).set('Cookie', admin.cookie).send(body);
    expect(cookieOnly.status).toBe(403);
    expect(await securityChecksums(db.engine.db)).toEqual(before);
    const withHeader = await csrfFrom(app, '/account', admin.cookie);
    const ok = await request(app)
      .patch(`/api/v1/claims/${scene.claim.id}`)
      .set('Cookie', withHeader.cookie)
      .set('X-CSRF-Token', withHeader.token)
      .send(body);
    expect(ok.status).toBe(200);
    const token = await request(app)
      .patch(`/api/v1/claims/${scene.claim.id}`)
      .set('Authorization', admin.bearer)
      .send({ version: ok.body.claim.version, status: 'open' });
    expect(token.status).toBe(200);
  });

  it('never falls back to the session cookie when another Authorization scheme is sent', async () => {
    const before = await securityChecksums(db.engine.db);
    const res = await request(app)
      .post('/account/tokens')
      .set('Cookie', admin.cookie)
      .set('Authorization', 'Basic YWRhOnB3')
      .type('form')
      .send({ name: 'sneaky' });
    expect(res.status).toBe(401);
    expect(await securityChecksums(db.engine.db)).toEqual(before);
  });

  it('says why a form was refused, and keeps its own cookie HttpOnly and SameSite=Lax', async () => {
    const page = await request(app).get('/account').set('Cookie', admin.cookie);
    const line = setCookies(page).find((c) => c.startsWith('claimdesk_csrf='));
    expect(line).toMatch(/; HttpOnly/);
    expect(line).toMatch(/; SameSite=Lax/);
    expect(line).toMatch(/; Path=\//);
    const refused = await request(app).post('/logout').set('Cookie', admin.cookie).type('form').send({ _csrf: 'forged' });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('The form has expired or did not come from claimdesk. Reload the page and try again.');
  });

  it('takes the token from the X-CSRF-Token header on a post with no body at all', async () => {
    const fresh = await signIn(db.ctx, 'viewer');
    const { token, cookie } = await csrfFrom(app, '/account', fresh.cookie);
    const res = await request(app).post('/logout').set('Cookie', cookie).set('X-CSRF-Token', token);
    expect(res.status).toBe(303);
    expect((await request(app).get('/account').set('Cookie', fresh.cookie)).status).toBe(303); // signed out
  });

  it('refuses a token sent twice in one form (a list, not a token) with 403, nothing written', async () => {
    const fresh = await signIn(db.ctx, 'viewer');
    const { token, cookie } = await csrfFrom(app, '/account', fresh.cookie);
    const res = await request(app)
      .post('/logout')
      .set('Cookie', cookie)
      .type('form')
      .send(`_csrf=${encodeURIComponent(token)}&_csrf=${encodeURIComponent(token)}`);
    expect(res.status).toBe(403);
    expect((await request(app).get('/account').set('Cookie', fresh.cookie)).status).toBe(200); // still signed in
  });

  it('hands one token per page, so every form of the first page after sign-in works', async () => {
    const fresh = await signIn(db.ctx, 'editor');
    const page = await request(app).get('/account').set('Cookie', fresh.cookie);
    const tokens = [...page.text.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1]);
    expect(tokens.length).toBeGreaterThan(2);
    expect(new Set(tokens).size).toBe(1);
  });
});
