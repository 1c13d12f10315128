import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, browser } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { signIn } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';
import { buildReviewedSeed } from './reviewed-seed.js';

const note = 'Pagtutuwid: Itinama ang pangalan ng pangulo.\n\nSalamat sa mga mambabasa.';

describe(`the correction note (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let id: number;
  let editor: Awaited<ReturnType<typeof signIn>>;
  const stored = async () =>
    db.engine.db.selectFrom('documents').select(['correction_note', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    ({
      document: { id },
    } = await buildReviewedSeed(db.ctx));
    editor = await signIn(db.ctx, 'editor', 'Maria Editor');
  });
  afterAll(() => db.close());

  it('opens the editor on the draft generated from the errors, in the document language', async () => {
    const res = await browser(app, editor.cookie).get(`/documents/${id}/report/note`);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(
      /<textarea id="note" name="note"[^>]*lang="tl"[^>]*>Pagtutuwid: Mali ang [^\n]* nakasaad sa naunang bersyon ng artikulong ito: “/,
    );
    // Typos are fixed silently unless the document lists them.
    expect(res.text).not.toContain('maling pagbaybay');
    expect(res.text).toContain('Paglilinaw: ');
    expect(res.text).toContain(`<input type="hidden" name="version" value="${(await stored()).version}">`);
  });

  it('saves an edited note with the document version, shows it in the report and records who did it', async () => {
    const { version } = await stored();
    const client = browser(app, editor.cookie);
    const res = await client.post(`/documents/${id}/report/note`, { note: `  ${note.replace(/\n/g, '\r\n')}  `, version });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/documents/${id}/report`);
    expect(await stored()).toEqual({ correction_note: note, version: version + 1 });
    const page = await client.get(`/documents/${id}/report`);
    expect(page.text).toContain(
      '<div class="report-note" lang="tl"><p>Pagtutuwid: Itinama ang pangalan ng pangulo.</p><p>Salamat sa mga mambabasa.</p></div>',
    );
    expect(page.text).not.toContain('Draft generated from the errors');
    const audit = await db.engine.db.selectFrom('audit_log').selectAll().where('action', '=', 'report.note_edited').execute();
    expect(audit).toMatchObject([{ actor_id: editor.actor.id, subject: `document ${id}` }]);
    const json = await request(app).get(`/api/v1/documents/${id}/report?format=json`).set('Authorization', editor.bearer);
    expect(JSON.parse(json.text).correctionNote).toEqual({ text: note, edited: true, language: 'tl' });
  });

  it('refuses a stale edit with 409, keeps the newer note and shows it next to the editor’s own text', async () => {
    const before = await tableChecksums(db.engine.db);
    const res = await browser(app, editor.cookie).post(`/documents/${id}/report/note`, { note: 'My older wording', version: 1 });
    expect(res.status).toBe(409);
    expect(res.text).toContain('changed by someone else since you opened it');
    expect(res.text).toContain('<h2 id="current-heading">The note as it is saved now</h2>');
    expect(res.text).toContain('<p>Salamat sa mga mambabasa.</p>');
    expect(res.text).toMatch(/<textarea[^>]*>My older wording<\/textarea>/);
    expect(res.text).toContain(`name="version" value="${(await stored()).version}"`);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
    expect((await stored()).correction_note).toBe(note);
  });

  it('refuses a note over the limit with the field named, and writes nothing', async () => {
    const { version } = await stored();
    const res = await browser(app, editor.cookie).post(`/documents/${id}/report/note`, { note: 'x'.repeat(20_001), version });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<p class="field-error" id="note-error">must be at most 20000 characters</p>');
    expect(await stored()).toEqual({ correction_note: note, version });
  });

  it('goes back to the generated note when the box is emptied', async () => {
    const { version } = await stored();
    const client = browser(app, editor.cookie);
    expect((await client.post(`/documents/${id}/report/note`, { note: '', version })).status).toBe(303);
    expect(await stored()).toEqual({ correction_note: null, version: version + 1 });
    expect((await client.get(`/documents/${id}/report`)).text).toContain('Draft generated from the errors below');
  });

  it.each(['reviewer', 'viewer'] as const)('lets a %s read the note but not edit it', async (role) => {
    const who = await signIn(db.ctx, role);
    const client = browser(app, who.cookie);
    expect((await client.get(`/documents/${id}/report/note`)).status).toBe(403);
    const before = await tableChecksums(db.engine.db);
    const form = await client.post(
      `/documents/${id}/report/note`,
      { note: 'Not mine to write', version: (await stored()).version },
      `/documents/${id}/report`,
    );
    expect(form.status).toBe(403);
    const api = await request(app)
      .put(`/api/v1/documents/${id}/correction-note`)
      .set('Authorization', who.bearer)
      .send({ note: 'No', version: (await stored()).version });
    expect(api.status).toBe(403);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
    expect((await request(app).get(`/api/v1/documents/${id}/correction-note`).set('Authorization', who.bearer)).status).toBe(200);
  });

  describe('over the API', () => {
    it('reads the stored note and the draft, with the version as ETag', async () => {
      const res = await request(app).get(`/api/v1/documents/${id}/correction-note`).set('Authorization', editor.bearer);
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe(`"${(await stored()).version}"`);
      expect(res.body.correctionNote).toMatchObject({
        documentId: id,
        stored: null,
        language: 'tl',
        draftLanguage: 'tl',
        draft: expect.stringMatching(/^Pagtutuwid: /),
      });
    });

    it('saves with If-Match, then refuses the same stale version with 409 and the current note', async () => {
      const { version } = await stored();
      const put = (body: object, ifMatch?: string) => {
        const r = request(app).put(`/api/v1/documents/${id}/correction-note`).set('Authorization', editor.bearer);
        return (ifMatch ? r.set('If-Match', ifMatch) : r).send(body);
      };
      const ok = await put({ note: 'Correction: fixed.' }, `"${version}"`);
      expect(ok.status).toBe(200);
      expect(ok.body.correctionNote).toMatchObject({ stored: 'Correction: fixed.', version: version + 1 });
      const stale = await put({ note: 'Late', version });
      expect(stale.status).toBe(409);
      expect(stale.body.error.current).toEqual({ note: 'Correction: fixed.', version: version + 1 });
      expect((await put({ version: version + 1 })).body.error.message).toBe('note: is required');
      expect((await put({ note: 'x', version: 0 })).body.error.message).toBe('version: must be at least 1');
      expect((await put({ note: 'x', version: version + 1, extra: 1 })).body.error.message).toBe('extra: is not an allowed field');
      expect(
        (
          await request(app)
            .put('/api/v1/documents/999999/correction-note')
            .set('Authorization', editor.bearer)
            .send({ note: null, version: 1 })
        ).status,
      ).toBe(404);
    });
  });
});
