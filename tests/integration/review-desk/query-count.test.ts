import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../../../src/app.js';
import { bulkUpdateClaims } from '../../../src/claims/bulk.service.js';
import { updateClaim } from '../../../src/claims/claim.service.js';
import { browser } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, seedText, signIn } from '../../helpers/factories.js';

/** Counts every statement Kysely sends to the database (the app's own and the sign-in lookups alike). */
function countQueries() {
  let count = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      count += 1;
      return args.result;
    },
  };
  return {
    plugin,
    reset: () => (count = 0),
    get count() {
      return count;
    },
  };
}

describe(`queries per page do not grow with the rows shown (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let user: ReturnType<typeof browser>;
  let editor: Awaited<ReturnType<typeof signIn>>;
  const counter = countQueries();
  let small: { id: number; claimIds: number[] };
  let large: { id: number; claimIds: number[] };
  beforeAll(async () => {
    db = await openTestDb();
    const counted = db.engine.db.withPlugin(counter.plugin);
    app = createApp({ db: counted, config: db.config, secret: db.config.sessionSecret! });
    editor = await signIn(db.ctx, 'editor');
    user = browser(app, editor.cookie);
    const a = await buildDocument(db.ctx, { title: 'Maikli', text: seedText().split('\n').slice(0, 7).join('\n') });
    const b = await buildDocument(db.ctx, { title: 'Mahaba', text: [seedText(), seedText(), seedText()].join('\n') });
    small = { id: a.document.id, claimIds: a.claims.map((c) => c.id) };
    large = { id: b.document.id, claimIds: b.claims.map((c) => c.id) };
    expect(small.claimIds.length).toBeGreaterThanOrEqual(5);
    expect(large.claimIds.length).toBeGreaterThan(100);
  });
  afterAll(() => db.close());

  async function queriesFor(path: string): Promise<number> {
    await user.get(path); // warm-up: first-use lookups are not part of the page
    counter.reset();
    const res = await user.get(path);
    expect(res.status).toBe(200);
    return counter.count;
  }

  it('renders the claim queue with 5 rows and with 50 rows in the same number of queries', async () => {
    const few = await queriesFor(`/claims?documentId=${small.id}&sort=score`);
    const many = await queriesFor(`/claims?documentId=${large.id}&sort=score`);
    expect(few).toBe(many);
    // A search is one more condition of the same query, whatever it matches.
    const searchedMany = await queriesFor(`/claims?q=Iraq&sort=updated`);
    const searchedFew = await queriesFor(`/claims?q=${encodeURIComponent('"United Sates"')}`);
    expect(searchedFew).toBe(searchedMany);
    expect(searchedMany).toBe(many);
    expect(many).toBeGreaterThanOrEqual(3); // sign-in lookup, the page of claims, the filter choices
    expect(many).toBeLessThanOrEqual(6);
    const page = await user.get(`/claims?documentId=${large.id}`);
    expect([...page.text.matchAll(/<tr data-nav-item/g)]).toHaveLength(50);
  });

  it('renders the reader for a short and a long document in a fixed number of queries', async () => {
    const short = await queriesFor(`/documents/${small.id}`);
    // A text shown in parts reads the part shown apart, beside the list's cards: one query more, however long.
    const long = await queriesFor(`/documents/${large.id}`);
    expect(long).toBe(short + 1);
    expect(await queriesFor(`/documents/${large.id}?part=2`)).toBe(long);
    expect(await queriesFor(`/documents/${large.id}?page=2`)).toBe(long);
  });

  it('renders the documents list and the dashboard in a fixed number of queries', async () => {
    const listBefore = await queriesFor('/documents');
    const dashBefore = await queriesFor('/');
    for (const id of large.claimIds.slice(0, 30)) {
      const claim = await db.engine.db.selectFrom('claims').select('version').where('id', '=', id).executeTakeFirstOrThrow();
      await updateClaim(db.ctx, editor.actor, id, { version: claim.version, assigneeId: editor.actor.id, status: 'in_review' });
    }
    await buildDocument(db.ctx, { title: 'Isa pa' });
    expect(await queriesFor('/documents')).toBe(listBefore);
    expect(await queriesFor('/')).toBe(dashBefore);
  });

  it('runs a bulk action on 3 claims and on 60 claims in the same number of queries', async () => {
    const ctx = { db: db.engine.db.withPlugin(counter.plugin), config: db.config };
    counter.reset();
    await bulkUpdateClaims(ctx, editor.actor, { claimIds: small.claimIds.slice(0, 3), action: 'dismiss' });
    const few = counter.count;
    counter.reset();
    await bulkUpdateClaims(ctx, editor.actor, { claimIds: large.claimIds.slice(0, 60), action: 'dismiss' });
    expect(counter.count).toBe(few);
  });
});
