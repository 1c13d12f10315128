import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';

describe(`archiving a document (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let editor: Awaited<ReturnType<typeof signIn>>;
  let reviewer: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    editor = await signIn(db.ctx, 'editor', 'Ed Itor');
    reviewer = await signIn(db.ctx, 'reviewer', 'Rita Reviewer');
  });
  afterAll(() => db.close());
  const api = (method: 'post' | 'get', path: string, who = editor) => request(app)[method](path).set('Authorization', who.bearer);
  const queueIds = async (query = '') =>
    ((await api('get', `/api/v1/claims?sort=position${query}`)).body.claims as { id: number }[]).map((c) => c.id);

  it('hides an archived document from the lists, the queue and the picker, keeps its claims, and restores it as it was', async () => {
    const kept = await buildDocument(db.ctx, { title: 'Kept in use' });
    const old = await buildDocument(db.ctx, { title: 'Old story' });
    const oldClaim = old.claims[0]!.id;
    expect(await queueIds()).toContain(oldClaim);

    const archived = await api('post', `/api/v1/documents/${old.document.id}/archive`).send({});
    expect(archived.status).toBe(200);
    expect(archived.body.document.archivedAt).toMatch(/^\d{4}-/);

    const listed = (await api('get', '/api/v1/documents')).body.documents.map((d: { title: string }) => d.title);
    expect(listed).toContain('Kept in use');
    expect(listed).not.toContain('Old story');
    const user = browser(app, editor.cookie);
    expect((await user.get('/documents')).text).not.toContain('Old story');
    const archivePage = await user.get('/documents/archived');
    expect(archivePage.status).toBe(200);
    expect(archivePage.text).toContain('Old story');
    expect(archivePage.text).toContain(`action="/documents/${old.document.id}/restore"`);
    expect(archivePage.text).not.toContain('Kept in use');

    // The queue leaves it out, and its picker too; naming the document still shows its claims.
    expect(await queueIds()).not.toContain(oldClaim);
    expect(await queueIds()).toContain(kept.claims[0]!.id);
    expect(await queueIds(`&documentId=${old.document.id}`)).toContain(oldClaim);
    const queuePage = await user.get('/claims');
    expect(queuePage.text).not.toContain('>Old story<');
    expect(queuePage.text).toContain('>Kept in use<');

    // The reader still opens it, saying it is archived, with Restore instead of Archive.
    const reader = await user.get(`/documents/${old.document.id}`);
    expect(reader.text).toContain('data-testid="archived-notice"');
    expect(reader.text).toContain('data-testid="restore-document"');
    expect(reader.text).not.toContain('data-testid="archive-document"');
    expect(await db.engine.db.selectFrom('claims').select('id').where('document_id', '=', old.document.id).execute()).toHaveLength(
      old.claims.length,
    );

    const restored = await user.post(`/documents/${old.document.id}/restore`, {}, `/documents/${old.document.id}`);
    expect(restored.status).toBe(303);
    expect(restored.headers.location).toBe(`/documents/${old.document.id}`);
    expect(await queueIds()).toContain(oldClaim);
    expect((await api('get', `/api/v1/documents/${old.document.id}`)).body.document.archivedAt).toBeNull();

    const audit = await db.engine.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('action', 'in', ['document.archive', 'document.restore'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'document.archive', actor_id: editor.actor.id },
      { action: 'document.restore', actor_id: editor.actor.id },
    ]);
  });

  it('archives through the reader’s form, and a second archive changes nothing', async () => {
    const { document } = await buildDocument(db.ctx, { title: 'Form archived' });
    const user = browser(app, editor.cookie);
    const res = await user.post(`/documents/${document.id}/archive`, {}, `/documents/${document.id}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/documents');
    const before = await tableChecksums(db.engine.db);
    expect((await api('post', `/api/v1/documents/${document.id}/archive`).send({})).status).toBe(200);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });

  it('refuses a reviewer (403), an unknown document (404), a malformed id or a body with fields (400), writing nothing', async () => {
    const { document } = await buildDocument(db.ctx, { title: 'Not theirs to archive' });
    const before = await tableChecksums(db.engine.db);
    expect((await api('post', `/api/v1/documents/${document.id}/archive`, reviewer).send({})).status).toBe(403);
    expect((await browser(app, reviewer.cookie).post(`/documents/${document.id}/archive`, {}, `/documents/${document.id}`)).status).toBe(
      403,
    );
    expect((await browser(app, reviewer.cookie).get(`/documents/${document.id}`)).text).not.toContain('data-testid="archive-document"');
    expect((await api('post', '/api/v1/documents/999999/archive').send({})).status).toBe(404);
    expect((await api('post', '/api/v1/documents/abc/archive').send({})).status).toBe(404); // ids that are not ids name no document
    const extra = await api('post', `/api/v1/documents/${document.id}/archive`).send({ really: true });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toMatch(/really/);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });
});
