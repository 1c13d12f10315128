import type { Express } from 'express';
import type { KyselyPlugin } from 'kysely';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.js';
import { addNote } from '../../../src/notes/note.service.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';

/**
 * The queue and the reader are read and rendered afresh on every request, the session and the
 * pickers' users and documents too: no process keeps a copy (keeping them did not pay on the review
 * mix, docs/BENCHMARKS.md), so a write shows at once, whichever process made it.
 */
describe(`queue and reader read afresh (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let queries = 0;
  let documentId: number;
  let claimIds: number[];
  let reviewer: Awaited<ReturnType<typeof signIn>>;
  let viewer: Awaited<ReturnType<typeof signIn>>;
  const counter: KyselyPlugin = {
    transformQuery: (a) => a.node,
    transformResult: async (a) => {
      queries += 1;
      return a.result;
    },
  };

  beforeAll(async () => {
    db = await openTestDb();
    app = createApp({ db: db.engine.db.withPlugin(counter), config: db.config, secret: db.config.sessionSecret! });
    const built = await buildDocument(db.ctx, { title: 'Kinalap na ulat' });
    documentId = built.document.id;
    claimIds = built.claims.map((c) => c.id);
    reviewer = await signIn(db.ctx, 'reviewer', 'Ana Dizon');
    viewer = await signIn(db.ctx, 'viewer', 'Gino Tan');
  });
  afterAll(() => db.close());

  const get = (path: string, who = reviewer) => request(app).get(path).set('Cookie', who.cookie);
  async function queriesFor(path: string, who = reviewer) {
    queries = 0;
    const res = await get(path, who);
    expect(res.status).toBe(200);
    return { res, queries };
  }
  const rowOf = (html: string, id: number) => new RegExp(`<tr data-nav-item data-claim-id="${id}">[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';

  it('reads a repeated queue page afresh, so a write of this process shows at once', async () => {
    const path = `/claims?documentId=${documentId}&sort=score`;
    await get(path);
    const again = await queriesFor(path);
    expect(again.queries).toBe(4); // the session, the pickers' documents and users, the rows: nothing kept from the first
    const first = claimIds[0]!;
    expect(rowOf(again.res.text, first)).toContain('status-open');
    await db.engine.db.updateTable('claims').set({ status: 'in_review' }).where('id', '=', first).execute();
    const after = await queriesFor(path);
    expect(after.queries).toBeGreaterThan(0);
    expect(rowOf(after.res.text, first)).toContain('status-in_review');
  });

  it("finds a claim by a note's words as soon as the note is written", async () => {
    const path = '/claims?q=kalapatiwasto';
    expect((await get(path)).text).toContain('data-testid="queue-empty"');
    const editor = await signIn(db.ctx, 'editor');
    await addNote(db.ctx, editor.actor, claimIds[1]!, 'Tingnan ang kalapatiwasto ng datos.');
    expect(rowOf((await get(path)).text, claimIds[1]!)).not.toBe('');
  });

  it('shows a write made past this process at once', async () => {
    const path = `/claims?documentId=${documentId}&status=dismissed`;
    expect(rowOf((await get(path)).text, claimIds[2]!)).toBe('');
    // As another app process would: not through this process's Kysely.
    await db.engine.scriptTransaction((exec) => exec(`UPDATE claims SET status = 'dismissed' WHERE id = ${claimIds[2]}`));
    expect(rowOf((await get(path)).text, claimIds[2]!)).not.toBe('');
  });

  it('shows each role its own page and each person their own "assigned to me" list', async () => {
    const path = `/claims?documentId=${documentId}`;
    const asReviewer = (await get(path)).text;
    const asViewer = (await get(path, viewer)).text;
    expect(asReviewer).toContain('name="claimIds"');
    expect(asViewer).not.toContain('name="claimIds"');
    expect((await get(path)).text).toContain('name="claimIds"');

    const other = await signIn(db.ctx, 'reviewer', 'Ben Cruz');
    await db.engine.db.updateTable('claims').set({ assignee_id: reviewer.actor.id }).where('id', '=', claimIds[3]!).execute();
    expect(rowOf((await get('/claims?assignee=me')).text, claimIds[3]!)).not.toBe('');
    expect(rowOf((await get('/claims?assignee=me', other)).text, claimIds[3]!)).toBe('');
  });

  it('never puts one request’s CSRF token into another’s page', async () => {
    const path = `/claims?documentId=${documentId}`;
    const token = (html: string) => [...html.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1]);
    const a = token((await get(path)).text);
    const b = token((await get(path)).text);
    expect(a.length).toBeGreaterThan(1); // sign-out and bulk forms
    expect(new Set(a).size).toBe(1);
    expect(a[0]).not.toBe(b[0]);
  });

  it('reads a repeated reader page afresh, so a change made past this process shows at once', async () => {
    const path = `/documents/${documentId}`;
    await get(path);
    expect((await queriesFor(path)).queries).toBeGreaterThan(0);
    const id = claimIds[4]!;
    const hl = (html: string) => new RegExp(`<a href="#claim-${id}" class="hl st-([a-z_]+)`).exec(html)?.[1];
    expect(hl((await get(path)).text)).toBe('open');
    // As another app process would: not through this process's Kysely.
    await db.engine.scriptTransaction((exec) => exec(`UPDATE claims SET status = 'in_review' WHERE id = ${id}`));
    expect(hl((await get(path)).text)).toBe('in_review');
  });

  it('checks who is asking on every request, and forgets a deleted document', async () => {
    const path = `/documents/${documentId}`;
    expect((await get(path)).status).toBe(200);
    expect((await request(app).get(path)).status).toBe(303); // signed out: to the sign-in page
    await db.engine.db.deleteFrom('documents').where('id', '=', documentId).execute();
    expect((await get(path)).status).toBe(404);
    expect((await get(`/claims?documentId=${documentId}`)).text).toContain('data-testid="queue-empty"');
  });
});
