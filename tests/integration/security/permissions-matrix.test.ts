import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../../../src/app.js';
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
    expect(served.filter((key) => !routeExpectations[key]), 'routes missing from route-expectations.ts').toEqual([]);
    expect(Object.keys(routeExpectations).filter((key) => !served.includes(key)), 'expectations for routes that are gone').toEqual([]);
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
