import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';

describe(`editing a document’s details in the browser (${engineName})`, () => {
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
  const stored = (id: number) =>
    db.engine.db
      .selectFrom('documents')
      .select(['title', 'language', 'source_url', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('renames, changes the language and clears the source link from the reader’s “Edit details”', async () => {
    const { document } = await buildDocument(db.ctx, { title: 'Draft title', sourceUrl: 'https://example.org/story' });
    const user = browser(app, editor.cookie);
    expect((await user.get(`/documents/${document.id}`)).text).toContain(`href="/documents/${document.id}/edit"`);
    const form = await user.get(`/documents/${document.id}/edit`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('value="Draft title"');
    expect(form.text).toContain('value="https://example.org/story"');
    const { version } = await stored(document.id);
    const saved = await user.post(
      `/documents/${document.id}/edit`,
      { version, title: 'Final title', language: 'en', sourceUrl: '' },
      `/documents/${document.id}/edit`,
    );
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`/documents/${document.id}`);
    expect(await stored(document.id)).toMatchObject({ title: 'Final title', language: 'en', source_url: null, version: version + 1 });
    expect((await user.get(`/documents/${document.id}`)).text).toContain('<h1>Final title</h1>');
  });

  it('shows a blank title again with the error summary, and a stale version with what was typed and the newer version, writing nothing', async () => {
    const { document } = await buildDocument(db.ctx, { title: 'Contested' });
    const user = browser(app, editor.cookie);
    const { version } = await stored(document.id);
    const before = await tableChecksums(db.engine.db);
    const blank = await user.post(
      `/documents/${document.id}/edit`,
      { version, title: '   ', language: 'tl' },
      `/documents/${document.id}/edit`,
    );
    expect(blank.status).toBe(400);
    expect(blank.text).toContain('data-error-summary');
    expect(blank.text).toContain('href="#title"');
    expect(await tableChecksums(db.engine.db)).toEqual(before);

    // Someone else renames it first: the second editor's form comes back with their text and the new version.
    await request(app)
      .patch(`/api/v1/documents/${document.id}`)
      .set('Authorization', editor.bearer)
      .send({ version, title: 'Renamed elsewhere' })
      .expect(200);
    const stale = await user.post(
      `/documents/${document.id}/edit`,
      { version, title: 'My rename', language: 'tl' },
      `/documents/${document.id}/edit`,
    );
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('changed by someone else');
    expect(stale.text).toContain('value="My rename"');
    expect(stale.text).toContain(`name="version" value="${version + 1}"`);
    expect((await stored(document.id)).title).toBe('Renamed elsewhere');
  });

  it('is for editors: a reviewer sees no link and gets 403 on the page and the form', async () => {
    const { document } = await buildDocument(db.ctx, { title: 'Not theirs' });
    const user = browser(app, reviewer.cookie);
    expect((await user.get(`/documents/${document.id}`)).text).not.toContain(`/documents/${document.id}/edit`);
    expect((await user.get(`/documents/${document.id}/edit`)).status).toBe(403);
    const before = await tableChecksums(db.engine.db);
    expect(
      (await user.post(`/documents/${document.id}/edit`, { version: 1, title: 'Mine now', language: 'tl' }, `/documents/${document.id}`))
        .status,
    ).toBe(403);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });
});
