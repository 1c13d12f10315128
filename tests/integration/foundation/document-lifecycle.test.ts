import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { addNote } from '../../../src/notes/note.service.js';
import { addSource } from '../../../src/sources/source.service.js';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';

const text = 'In 2019 the city hall spent 4.5 million pesos on lamps, the mayor said. The council approved it in March.';

describe(`document deletion and duplicate imports (${engineName})`, () => {
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
  const api = (method: 'post' | 'delete' | 'get', path: string, who = editor) =>
    request(app)[method](path).set('Authorization', who.bearer);

  it('refuses an identical text with 409 naming the existing document, and imports it with allowDuplicate: true', async () => {
    const first = await api('post', '/api/v1/documents').send({ title: 'Lamps', text, language: 'en' });
    expect(first.status).toBe(201);
    const before = await tableChecksums(db.engine.db);
    const again = await api('post', '/api/v1/documents').send({ title: 'Lamps again', text, language: 'en' });
    expect(again.status).toBe(409);
    expect(again.body.error.existingDocumentId).toBe(first.body.document.id);
    expect(again.body.error.message).toContain('“Lamps”');
    expect(await tableChecksums(db.engine.db)).toEqual(before);
    const meant = await api('post', '/api/v1/documents').send({ title: 'Lamps again', text, language: 'en', allowDuplicate: true });
    expect(meant.status).toBe(201);
    expect(meant.body.document.id).not.toBe(first.body.document.id);
  });

  it('refuses the same text with other line ends (a form sends CRLF, a file LF) as a duplicate', async () => {
    const lf = 'First line of a story about 12 lamps.\nSecond line, 3 more lamps.\n';
    const first = await api('post', '/api/v1/documents').send({ title: 'Lamps LF', text: lf, language: 'en' });
    expect(first.status).toBe(201);
    const crlf = await api('post', '/api/v1/documents').send({ title: 'Lamps CRLF', text: lf.replaceAll('\n', '\r\n'), language: 'en' });
    expect(crlf.status).toBe(409);
    expect(crlf.body.error.existingDocumentId).toBe(first.body.document.id);
    const cr = await api('post', '/api/v1/documents').send({ title: 'Lamps CR', text: lf.replaceAll('\n', '\r'), language: 'en' });
    expect(cr.status).toBe(409);
    // A document stored before sql/0022 kept the hash of its raw CRLF text; the migration's update gives it the new one.
    const meant = await api('post', '/api/v1/documents').send({
      title: 'Kept copy',
      text: lf.replaceAll('\n', '\r\n'),
      language: 'en',
      allowDuplicate: true,
    });
    const id = meant.body.document.id as number;
    await sql`UPDATE documents SET content_hash = ${createHash('sha256').update(lf.replaceAll('\n', '\r\n')).digest('hex')} WHERE id = ${id}`.execute(
      db.engine.db,
    );
    await sql.raw(readFileSync(new URL('../../../sql/0022_content_hash_line_ends.sql', import.meta.url), 'utf8')).execute(db.engine.db);
    const { content_hash } = await db.engine.db
      .selectFrom('documents')
      .select('content_hash')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(content_hash).toBe(createHash('sha256').update(lf).digest('hex'));
  });

  it('the import form shows a duplicate again with a link to the existing document and “Import anyway”, which imports it', async () => {
    const existing = (await api('get', '/api/v1/documents')).body.documents.find((d: { title: string }) => d.title === 'Lamps');
    const user = browser(app, editor.cookie);
    const refused = await user.post('/documents', { title: 'Lamps by form', text, language: 'en' }, '/documents/new');
    expect(refused.status).toBe(409);
    expect(refused.text).toContain(`href="/documents/${existing.id}"`);
    expect(refused.text).toMatch(/<button type="submit" name="allowDuplicate" value="true">Import anyway<\/button>/);
    expect(refused.text).toContain('data-error-summary');
    const anyway = await user.post(
      '/documents',
      { title: 'Lamps by form', text, language: 'en', allowDuplicate: 'true' },
      '/documents/new',
    );
    expect(anyway.status).toBe(303);
  });

  it('confirms a deletion naming the claims, sources and notes it loses; DELETE answers 204, then 404, with an audit entry', async () => {
    const { document, claims } = await buildDocument(db.ctx, { title: 'To delete' });
    await addSource(db.ctx, editor.actor, claims[0]!.id, { url: 'https://example.org/a', title: 'A source', stance: 'supports' });
    await addNote(db.ctx, editor.actor, claims[0]!.id, 'A note');
    const confirm = await browser(app, editor.cookie).get(`/documents/${document.id}/delete`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain(`${claims.length} claims and their review history`);
    expect(confirm.text).toContain('1 source<');
    expect(confirm.text).toContain('1 note<');
    expect((await browser(app, reviewer.cookie).get(`/documents/${document.id}/delete`)).status).toBe(403);
    expect((await api('delete', `/api/v1/documents/${document.id}`, reviewer)).status).toBe(403);
    const gone = await api('delete', `/api/v1/documents/${document.id}`);
    expect(gone.status).toBe(204);
    expect((await api('delete', `/api/v1/documents/${document.id}`)).status).toBe(404);
    expect((await api('get', `/api/v1/documents/${document.id}`)).status).toBe(404);
    expect(await db.engine.db.selectFrom('claims').select('id').where('document_id', '=', document.id).execute()).toEqual([]);
    const audit = await db.engine.db.selectFrom('audit_log').selectAll().where('action', '=', 'document.delete').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: editor.actor.id });
    expect(JSON.stringify(audit[0]!.details)).toContain(`"claims":${claims.length}`);
  });

  it('a reviewer on /documents/new gets a notice, not a form it cannot submit', async () => {
    const res = await browser(app, reviewer.cookie).get('/documents/new');
    expect(res.status).toBe(200);
    expect(res.text).toContain('data-testid="import-notice"');
    expect(res.text).not.toContain('data-testid="import-form"');
    expect((await browser(app, editor.cookie).get('/documents/new')).text).toContain('data-testid="import-form"');
  });
});
