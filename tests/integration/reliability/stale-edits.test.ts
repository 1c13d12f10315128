import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote } from '../../../src/notes/note.service.js';
import { addSource } from '../../../src/sources/source.service.js';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';

/** Documents, sources and notes follow the claims' rule: an edit names its version; a stale one is 409 and writes nothing. */
describe(`stale edits of documents, sources and notes (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let editor: Awaited<ReturnType<typeof signIn>>;
  let ids: { document: number; claim: number; source: number; note: number };
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    editor = await signIn(db.ctx, 'editor');
    const { document, claims } = await buildDocument(db.ctx, { sourceUrl: 'https://tl.wikipedia.org/wiki/Digmaan_sa_Iraq' });
    const claim = claims[0]!;
    const source = await addSource(db.ctx, editor.actor, claim.id, { url: 'https://example.org/a', stance: 'supports' });
    const note = await addNote(db.ctx, editor.actor, claim.id, 'First thoughts.');
    ids = { document: document.id, claim: claim.id, source: source.id, note: note.id };
  });
  afterAll(() => db.close());

  const api = (method: 'patch' | 'delete', path: string) => request(app)[method](path).set('Authorization', editor.bearer);

  it('edits a document from its version (body or If-Match), and refuses the stale edit with the current document', async () => {
    const first = await api('patch', `/api/v1/documents/${ids.document}`).send({ version: 1, title: 'Digmaan sa Iraq (2003)' });
    expect(first.status).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    expect(first.body.document).toMatchObject({ title: 'Digmaan sa Iraq (2003)', version: 2 });
    const before = await tableChecksums(db.engine.db);
    const stale = await api('patch', `/api/v1/documents/${ids.document}`).set('If-Match', '"1"').send({ sourceUrl: null });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({
      title: 'Digmaan sa Iraq (2003)',
      version: 2,
      sourceUrl: 'https://tl.wikipedia.org/wiki/Digmaan_sa_Iraq',
    });
    expect(stale.body.error.current.text).toBeUndefined(); // the 409 does not resend a 5 MB text
    const second = await api('patch', `/api/v1/documents/${ids.document}`).set('If-Match', '"2"').send({ sourceUrl: null, language: 'tl' });
    expect(second.body.document).toMatchObject({ sourceUrl: null, version: 3 });
    expect(await tableChecksums(db.engine.db)).not.toEqual(before);
  });

  it.each([
    ['an unknown field', { version: 3, body: 'x' }, 400, /body: is not an allowed field/],
    ['a blank title', { version: 3, title: '   ' }, 400, /title: must not be blank/],
    ['a javascript: URL', { version: 3, sourceUrl: 'javascript:alert(1)' }, 400, /sourceUrl: must be a full http\(s\) URL/],
    ['no version', { title: 'T' }, 400, /version: is required/],
  ])('refuses a document edit with %s', async (_name, body, status, message) => {
    const before = await tableChecksums(db.engine.db);
    const res = await api('patch', `/api/v1/documents/${ids.document}`).send(body);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });

  it('lets only editors change a document', async () => {
    const viewer = await signIn(db.ctx, 'viewer');
    const res = await request(app)
      .patch(`/api/v1/documents/${ids.document}`)
      .set('Authorization', viewer.bearer)
      .send({ version: 3, title: 'Mine' });
    expect(res.status).toBe(403);
  });

  it('refuses stale source and note edits, and a stale source removal, with the current row', async () => {
    expect((await api('patch', `/api/v1/sources/${ids.source}`).send({ version: 1, stance: 'refutes' })).status).toBe(200);
    const withoutSearchWords = { withoutColumns: ['research_search'] };
    const before = await tableChecksums(db.engine.db, withoutSearchWords);
    const source = await api('patch', `/api/v1/sources/${ids.source}`).send({ version: 1, stance: 'context' });
    expect(source.status).toBe(409);
    expect(source.body.error.current).toMatchObject({ stance: 'refutes', version: 2 });
    const removal = await api('delete', `/api/v1/sources/${ids.source}`).set('If-Match', '"1"');
    expect(removal.status).toBe(409);
    expect((await api('patch', `/api/v1/notes/${ids.note}`).send({ version: 1, body: 'Second thoughts.' })).status).toBe(200);
    const note = await api('patch', `/api/v1/notes/${ids.note}`).set('If-Match', '"1"').send({ body: 'Third thoughts.' });
    expect(note.status).toBe(409);
    expect(note.body.error.current).toMatchObject({ body: 'Second thoughts.', version: 2 });
    const after = await tableChecksums(db.engine.db, withoutSearchWords);
    // Only the accepted note edit (its event, and the words its claim is found by) changed anything.
    expect({ ...after, claim_notes: '', claim_events: '' }).toEqual({ ...before, claim_notes: '', claim_events: '' });
    expect(after.claim_notes).not.toBe(before.claim_notes);
  });
});
