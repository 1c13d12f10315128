import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import type { Claim } from '../../../src/claims/claim.js';
import { findNotesByClaimIds } from '../../../src/notes/note.repository.js';
import { addNote, editNote } from '../../../src/notes/note.service.js';
import { findSourceById, findSourcesByClaimIds } from '../../../src/sources/source.repository.js';
import { addSource, editSource } from '../../../src/sources/source.service.js';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';
import { flashes, follow } from './support.js';

describe(`claim page sources and notes (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let claims: Claim[];
  let reviewer: Awaited<ReturnType<typeof signIn>>;
  let user: ReturnType<typeof browser>;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    ({ claims } = await buildDocument(db.ctx));
    reviewer = await signIn(db.ctx, 'reviewer', 'Rita Reviewer');
    user = browser(app, reviewer.cookie);
  });
  afterAll(() => db.close());

  it('adds a source from the form and shows it under its stance', async () => {
    const claim = claims[0]!;
    const res = await user.post(
      `/claims/${claim.id}/sources`,
      {
        url: 'https://example.org/report',
        title: 'Annual report',
        publisher: 'UN',
        publishedOn: '2003-05-01',
        excerpt: '',
        stance: 'refutes',
      },
      `/claims/${claim.id}`,
    );
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/claims/${claim.id}#sources`);
    const page = await follow(app, user, res);
    expect(flashes(page.text)).toEqual([{ kind: 'success', message: 'Added the source “Annual report” (Refutes).' }]);
    expect(page.text).toContain('Refutes the claim (1)');
    expect(await findSourcesByClaimIds(db.engine.db, [claim.id])).toMatchObject([
      { url: 'https://example.org/report', publishedOn: '2003-05-01', excerpt: null, stance: 'refutes', addedByName: 'Rita Reviewer' },
    ]);
  });

  it('re-renders the add form with the input kept and messages by the fields, writing nothing', async () => {
    const claim = claims[0]!;
    const before = await tableChecksums(db.engine.db);
    const res = await user.post(
      `/claims/${claim.id}/sources`,
      { url: 'javascript:alert(1)', title: 'Kept title', publishedOn: '2003-13-45' },
      `/claims/${claim.id}`,
    );
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/id="source-new-url-error">.*must be a full http\(s\) URL/);
    expect(res.text).toMatch(/id="source-new-stance-error">.*is required/);
    expect(res.text).toMatch(/id="source-new-publishedOn-error">.*must be a valid date/);
    expect(res.text).toContain('value="Kept title"');
    expect(res.text).toMatch(/<details class="add-details" open>/);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });

  it('edits a source, clearing an emptied field; a stale edit shows the conflict page and can be applied again', async () => {
    const claim = claims[1]!;
    const source = await addSource(db.ctx, reviewer.actor, claim.id, {
      url: 'https://example.org/a',
      title: 'Old title',
      publisher: 'Wire',
      stance: 'supports',
    });
    const res = await user.post(
      `/sources/${source.id}`,
      {
        version: source.version,
        url: 'https://example.org/a',
        title: 'New title',
        publisher: '',
        publishedOn: '',
        excerpt: '',
        stance: 'context',
      },
      `/claims/${claim.id}`,
    );
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/claims/${claim.id}#source-${source.id}`);
    expect(await findSourceById(db.engine.db, source.id)).toMatchObject({
      title: 'New title',
      publisher: null,
      stance: 'context',
      version: 2,
    });

    const invalid = await user.post(`/sources/${source.id}`, { version: 2, url: '', stance: 'context' }, `/claims/${claim.id}`);
    expect(invalid.status).toBe(400);
    expect(invalid.text).toMatch(new RegExp(`id="source-${source.id}-url-error">.*must be a full http`));
    expect(invalid.text).toMatch(/<details class="edit-details" open>/);

    await editSource(db.ctx, reviewer.actor, source.id, { version: 2, title: 'Their title' });
    const stale = await user.post(
      `/sources/${source.id}`,
      { version: 2, url: 'https://example.org/a', title: 'My title', stance: 'refutes' },
      `/claims/${claim.id}`,
    );
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('This source changed while you were editing it');
    expect(stale.text).toContain('<del>Their</del><ins>My</ins>');
    expect(stale.text).toContain('<input type="hidden" name="version" value="3">');
    const fields = Object.fromEntries(
      [...stale.text.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)]
        .filter((m) => m[1] !== '_csrf')
        .map((m) => [m[1]!, m[2]!]),
    );
    expect((await user.post(`/sources/${source.id}`, fields, `/claims/${claim.id}`)).status).toBe(303);
    expect(await findSourceById(db.engine.db, source.id)).toMatchObject({ title: 'My title', stance: 'refutes', version: 4 });
  });

  it('removes a source (recorded in the history), refusing a stale version with the conflict page', async () => {
    const claim = claims[2]!;
    const source = await addSource(db.ctx, reviewer.actor, claim.id, {
      url: 'https://example.org/gone',
      title: 'Going away',
      stance: 'context',
    });
    const stale = await user.post(`/sources/${source.id}/delete`, { version: source.version + 1 }, `/claims/${claim.id}`);
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('Remove it anyway');
    const missing = await user.post(`/sources/${source.id}/delete`, {}, `/claims/${claim.id}`);
    expect(missing.status).toBe(400);
    expect(missing.text).toMatch(new RegExp(`id="source-${source.id}-delete-version-error">.*is required`));
    const res = await user.post(`/sources/${source.id}/delete`, { version: source.version }, `/claims/${claim.id}`);
    expect(res.status).toBe(303);
    expect(await findSourceById(db.engine.db, source.id)).toBeUndefined();
    const page = await follow(app, user, res);
    expect(page.text).toContain('<strong>Rita Reviewer</strong> removed a source');
    expect((await user.post('/sources/999999/delete', { version: 1 }, `/claims/${claim.id}`)).status).toBe(404);
  });

  it('adds a note and lets its author edit it; another user gets 403 and an empty note is refused', async () => {
    const claim = claims[3]!;
    const res = await user.post(`/claims/${claim.id}/notes`, { body: 'Asked the ministry for the figure.' }, `/claims/${claim.id}`);
    expect(res.status).toBe(303);
    const [note] = await findNotesByClaimIds(db.engine.db, [claim.id]);
    expect(note).toMatchObject({ body: 'Asked the ministry for the figure.', authorName: 'Rita Reviewer' });
    expect(res.headers.location).toBe(`/claims/${claim.id}#note-${note!.id}`);

    const empty = await user.post(`/claims/${claim.id}/notes`, { body: '   ' }, `/claims/${claim.id}`);
    expect(empty.status).toBe(400);
    expect(empty.text).toMatch(/id="note-new-body-error">.*is required/);

    const edited = await user.post(
      `/notes/${note!.id}`,
      { version: note!.version, body: 'The ministry answered: 1990.' },
      `/claims/${claim.id}`,
    );
    expect(edited.status).toBe(303);
    const page = await follow(app, user, edited);
    expect(flashes(page.text)).toEqual([{ kind: 'success', message: 'Saved your note.' }]);
    expect(page.text).toContain('changed the text from <q>Asked the ministry for the figure.</q> to <q>The ministry answered: 1990.</q>');

    const other = browser(app, (await signIn(db.ctx, 'editor')).cookie);
    expect((await other.post(`/notes/${note!.id}`, { version: 2, body: 'Not mine' }, `/claims/${claim.id}`)).status).toBe(403);
    expect(page.text).toContain(`action="/notes/${note!.id}"`);
    expect((await other.get(`/claims/${claim.id}`)).text).not.toContain(`action="/notes/${note!.id}"`);
  });

  it('shows the note conflict page when the note was saved in between', async () => {
    const claim = claims[4]!;
    const note = await addNote(db.ctx, reviewer.actor, claim.id, 'First draft');
    await editNote(db.ctx, reviewer.actor, note.id, 'Second draft from another tab', note.version);
    const res = await user.post(`/notes/${note.id}`, { version: note.version, body: 'Third draft' }, `/claims/${claim.id}`);
    expect(res.status).toBe(409);
    expect(res.text).toContain('This note changed while you were editing it');
    expect(res.text).toContain('Second draft from another tab');
    expect(res.text).toContain(`<input type="hidden" name="version" value="${note.version + 1}">`);
    const invalid = await user.post(`/notes/${note.id}`, { version: 'two', body: 'x' }, `/claims/${claim.id}`);
    expect(invalid.status).toBe(400);
    expect(invalid.text).toMatch(new RegExp(`id="note-${note.id}-version-error">.*Version must be an integer`));
    expect(invalid.text).toMatch(/<details class="edit-details" open>[\s\S]*?>x<\/textarea>/);
  });
});
