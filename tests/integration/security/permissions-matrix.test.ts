import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../../../src/app.js';
import { getClaim, updateClaim } from '../../../src/claims/claim.service.js';
import type { Db } from '../../../src/db/database.js';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, testConfig, type TestDb } from '../../helpers/db.js';
import { buildUser, signIn } from '../../helpers/factories.js';
import { securityChecksums, send } from './helpers.js';
import { routeExpectations } from './route-expectations.js';
import { listRoutes, stateChanging } from './route-table.js';
import { buildAuthors, buildScene, roleNames, type Authors } from './scene.js';

// The route table is read from an app at collection time (routes do not need a database), so
// the tests below are generated from what Express actually serves.
const discovered = stateChanging(listRoutes(createApp({ db: {} as Db, config: testConfig(), secret: 'x'.repeat(40) })));

describe(`permissions matrix: every state-changing route × every role × anonymous (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let authors: Authors;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    await buildUser(db.ctx, 'admin'); // so signed-out visitors are sent to /login, not /setup
    authors = await buildAuthors(db.ctx);
  });
  afterAll(() => db.close());

  it('has an expectation for every state-changing route the app serves, and none for a route it no longer has', () => {
    const served = discovered.map((r) => r.key);
    expect(
      served.filter((key) => !routeExpectations[key]),
      'routes missing from route-expectations.ts',
    ).toEqual([]);
    expect(
      Object.keys(routeExpectations).filter((key) => !served.includes(key)),
      'expectations for routes that are gone',
    ).toEqual([]);
    expect(served.length).toBeGreaterThan(20);
  });

  for (const route of discovered) {
    const expectation = routeExpectations[route.key];
    if (!expectation) continue; // reported by the coverage test above
    const label = (who: string) => `${route.key} as ${who}`;

    it(`${label('anonymous')}: ${expectation.allowed === 'public' ? 'is served' : route.api ? '401' : 'redirected to /login'}, nothing written`, async () => {
      const scene = await buildScene(db.ctx, authors);
      const request = await expectation.build(scene, null);
      const before = await securityChecksums(db.engine.db);
      const res = await send(app, route.method, request.path, request.body, {}, request.headers);
      if (expectation.allowed === 'public') {
        expect(res.status, res.text.slice(0, 500)).toBeLessThan(400);
        return;
      }
      if (route.api) expect(res.status).toBe(401);
      else {
        expect(res.status).toBe(303);
        expect(res.headers.location).toMatch(/^\/login/);
      }
      expect(await securityChecksums(db.engine.db)).toEqual(before);
    });

    for (const role of roleNames) {
      const allowed = expectation.allowed === 'public' || expectation.allowed.includes(role);
      it(`${label(role)}: ${allowed ? 'allowed' : '403, nothing written'}`, async () => {
        const caller = await signIn(db.ctx, role);
        const scene = await buildScene(db.ctx, authors);
        const request = await expectation.build(scene, caller.actor);
        const before = await securityChecksums(db.engine.db);
        const res = await send(app, route.method, request.path, request.body, caller, request.headers);
        if (allowed) {
          expect(res.status, res.text.slice(0, 500)).not.toBe(401);
          expect(res.status, res.text.slice(0, 500)).not.toBe(403);
          expect(res.status, res.text.slice(0, 500)).toBeLessThan(400);
        } else {
          expect(res.status, res.text.slice(0, 300)).toBe(403);
          expect(await securityChecksums(db.engine.db)).toEqual(before);
        }
      });
    }
  }
});

describe(`permissions matrix: object rules (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let authors: Authors;
  let editor: Awaited<ReturnType<typeof signIn>>;
  let reviewer: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    authors = await buildAuthors(db.ctx);
    editor = await signIn(db.ctx, 'editor');
    reviewer = await signIn(db.ctx, 'reviewer');
  });
  afterAll(() => db.close());

  const assignRoutes = (claimId: number, version: number, assigneeId: number) => [
    { via: 'the review form', method: 'POST', path: `/claims/${claimId}`, body: { version, assigneeId } },
    { via: 'the bulk form', method: 'POST', path: '/claims/bulk', body: { claimIds: [claimId], action: 'assign', assigneeId } },
    { via: 'the API', method: 'PATCH', path: `/api/v1/claims/${claimId}`, body: { version, assigneeId } },
    { via: 'the bulk API', method: 'POST', path: '/api/v1/claims/bulk', body: { claimIds: [claimId], action: 'assign', assigneeId } },
  ];

  for (const who of ['a viewer', 'a disabled user'] as const) {
    it(`refuses assigning a claim to ${who} through the form, the bulk action and the API, writing nothing`, async () => {
      const scene = await buildScene(db.ctx, authors);
      const assignee = who === 'a viewer' ? await buildUser(db.ctx, 'viewer') : await scene.disabledTarget();
      for (const route of assignRoutes(scene.claim.id, scene.claim.version, assignee.id)) {
        const before = await securityChecksums(db.engine.db);
        const res = await send(app, route.method, route.path, route.body, editor);
        expect(res.status, `${route.via}: ${res.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, route.via).toBeLessThan(500);
        expect(await securityChecksums(db.engine.db), route.via).toEqual(before);
      }
    });
  }

  it('still assigns to an active reviewer through the bulk API (the refusal above is about the assignee)', async () => {
    const scene = await buildScene(db.ctx, authors);
    const res = await send(
      app,
      'POST',
      '/api/v1/claims/bulk',
      { claimIds: [scene.claim.id], action: 'assign', assigneeId: authors.reviewer.id },
      editor,
    );
    expect(res.status, res.text).toBe(200);
  });

  const rewrites: Record<string, unknown> = {
    correction: 'A reviewer’s own words',
    explanation: 'Overruled.',
    proposedVerdict: 'accurate',
    verdict: 'accurate',
    kind: 'other',
  };

  for (const decided of ['resolved', 'dismissed'] as const) {
    it(`lets only an editor change the review fields of a ${decided} claim: a reviewer's PATCH, form post and bulk action are refused`, async () => {
      const scene = await buildScene(db.ctx, authors);
      const patch =
        decided === 'resolved'
          ? { status: 'resolved' as const, verdict: 'inaccurate' as const, correction: '150,000 troops' }
          : { status: 'dismissed' as const };
      let { claim } = await updateClaim(db.ctx, authors.editor, scene.claim.id, { version: scene.claim.version, ...patch });
      for (const [field, value] of Object.entries(rewrites)) {
        for (const [method, path] of [
          ['PATCH', `/api/v1/claims/${claim.id}`],
          ['POST', `/claims/${claim.id}`],
        ] as const) {
          const before = await securityChecksums(db.engine.db);
          const res = await send(app, method, path, { version: claim.version, [field]: value }, reviewer);
          expect(res.status, `${method} ${field}: ${res.text.slice(0, 200)}`).toBe(400);
          expect(await securityChecksums(db.engine.db), `${method} ${field}`).toEqual(before);
        }
      }
      for (const route of [
        ['POST', '/claims/bulk'],
        ['POST', '/api/v1/claims/bulk'],
      ] as const) {
        const before = await securityChecksums(db.engine.db);
        const res = await send(app, route[0], route[1], { claimIds: [claim.id], action: 'status', status: 'in_review' }, reviewer);
        expect(res.status, `${route[1]}: ${res.text.slice(0, 200)}`).toBe(400);
        expect(await securityChecksums(db.engine.db)).toEqual(before);
      }
      // A reviewer may still add notes; an editor may still rewrite the review.
      expect(
        (await send(app, 'POST', `/api/v1/claims/${claim.id}/notes`, { body: 'Proposing to reopen: a newer figure exists.' }, reviewer))
          .status,
      ).toBe(201);
      const res = await send(
        app,
        'PATCH',
        `/api/v1/claims/${claim.id}`,
        { version: claim.version, explanation: 'Editor’s wording.', kind: 'other' },
        editor,
      );
      expect(res.status, res.text).toBe(200);
      claim = await getClaim(db.ctx, authors.editor, claim.id);
      expect(claim.explanation).toBe('Editor’s wording.');
    });
  }
});
