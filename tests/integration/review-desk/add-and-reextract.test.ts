import request from 'supertest';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { findClaimsByDocumentId } from '../../../src/claims/claim.repository.js';
import { updateClaim } from '../../../src/claims/claim.service.js';
import { reextractDocument } from '../../../src/documents/reextract.service.js';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, seedText, signIn } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';
import { follow } from './follow.js';

describe(`adding claims and re-extracting (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let editor: Awaited<ReturnType<typeof signIn>>;
  let user: ReturnType<typeof browser>;
  let documentId: number;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    editor = await signIn(db.ctx, 'editor');
    user = browser(app, editor.cookie);
    ({
      document: { id: documentId },
    } = await buildDocument(db.ctx));
  });
  afterAll(() => db.close());
  const reader = () => `/documents/${documentId}`;

  it('adds a claim from the exact quoted passage and its occurrence, and shows it in place', async () => {
    const text = seedText();
    const quote = 'ang Iraq';
    const second = text.indexOf(quote, text.indexOf(quote) + 1);
    const res = await user.post(`${reader()}/claims`, { quote, occurrence: 2, kind: 'other' }, reader());
    expect(res.status).toBe(303);
    const created = (await findClaimsByDocumentId(db.engine.db, documentId)).find((c) => c.origin === 'manual')!;
    expect(created).toMatchObject({ start: second, end: second + quote.length, quote, kind: 'other' });
    expect(res.headers.location).toBe(`${reader()}?claim=${created.id}#claim-${created.id}`);
    const page = await follow(user, res);
    expect(page.text).toContain(`Added claim #${created.id} (other): “ang Iraq”.`);
    expect(page.text).toContain(`id="claim-${created.id}"`);
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM claim_events WHERE claim_id = ${created.id} AND action = 'claim.created'`.execute(db.engine.db);
    expect(rows[0]!.n).toBe(1);
  });

  it.each([
    ['a passage that is not in the text', { quote: 'wala ito sa teksto', kind: 'other' }, 400, 'quote', 'does not appear in the document'],
    [
      'a repeated passage without its occurrence',
      { quote: 'ng Iraq', kind: 'other' },
      400,
      'occurrence',
      'is required: the passage appears',
    ],
    ['an occurrence past the last one', { quote: 'ng Iraq', occurrence: 99, kind: 'other' }, 400, 'occurrence', 'must be between 1 and'],
    ['no kind', { quote: 'Shia Muslims' }, 400, 'kind', 'is required'],
    ['an unknown kind', { quote: 'Shia Muslims', kind: 'rumour' }, 400, 'kind', 'must be one of'],
    [
      'a passage that already is a claim of that kind',
      { quote: 'ang Iraq', occurrence: 2, kind: 'other' },
      409,
      'quote',
      'already a other claim',
    ],
  ])('refuses %s, keeping the input and writing nothing', async (_name, form, status, field, message) => {
    const before = await tableChecksums(db.engine.db);
    const res = await user.post(`${reader()}/claims`, form as Record<string, string>, reader());
    expect(res.status).toBe(status);
    expect(res.text).toContain(`id="${field}-error"`);
    expect(res.text).toContain(message);
    expect(res.text).toContain(`>${form.quote}</textarea>`);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });

  it('re-extracts without touching reviewed claims, adding only new candidates with their events', async () => {
    const claims = await findClaimsByDocumentId(db.engine.db, documentId);
    const extracted = claims.filter((c) => c.origin === 'extracted');
    // Review work on two claims, and one extracted claim deleted as if merged away long ago.
    const reviewed = extracted[0]!;
    await updateClaim(db.ctx, editor.actor, reviewed.id, {
      version: reviewed.version,
      status: 'resolved',
      verdict: 'inaccurate',
      correction: 'Itama ito.',
    });
    const dismissed = extracted[1]!;
    await updateClaim(db.ctx, editor.actor, dismissed.id, { version: dismissed.version, status: 'dismissed' });
    const removed = extracted[2]!;
    await db.engine.db.deleteFrom('claims').where('id', '=', removed.id).execute();
    const before = await findClaimsByDocumentId(db.engine.db, documentId);

    const res = await user.post(`${reader()}/reextract`, {}, reader());
    expect(res.status).toBe(303);
    expect((await follow(user, res)).text).toContain('Re-extraction added 1 new claim; existing claims are unchanged.');
    const after = await findClaimsByDocumentId(db.engine.db, documentId);
    expect(after).toHaveLength(before.length + 1);
    for (const old of before) expect(after.find((c) => c.id === old.id)).toEqual(old);
    const added = after.find((c) => !before.some((b) => b.id === c.id))!;
    expect(added).toMatchObject({
      start: removed.start,
      end: removed.end,
      kind: removed.kind,
      status: 'open',
      origin: 'extracted',
      sentenceIndex: removed.sentenceIndex,
    });
    const { rows } = await sql<{
      claim_id: number;
      actor_id: number;
    }>`SELECT claim_id, actor_id FROM claim_events WHERE claim_id = ${added.id}`.execute(db.engine.db);
    expect(rows).toEqual([{ claim_id: added.id, actor_id: editor.actor.id }]);
  });

  it('reports no new claims on a second run and writes nothing', async () => {
    const before = await tableChecksums(db.engine.db);
    const res = await user.post(`${reader()}/reextract`, {}, reader());
    expect((await follow(user, res)).text).toContain('Re-extraction found no new claims');
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });

  it('does not propose a candidate again where a reviewer resized a claim of that kind', async () => {
    const { document } = await buildDocument(db.ctx, { title: 'Resized' });
    const [claim] = await findClaimsByDocumentId(db.engine.db, document.id);
    // Shrink the claim by one character at the end, as a split or a hand edit would leave it.
    await db.engine.db
      .updateTable('claims')
      .set({ end_offset: claim!.end - 1, quote: claim!.quote.slice(0, -1) })
      .where('id', '=', claim!.id)
      .execute();
    expect((await reextractDocument(db.ctx, editor.actor, document.id)).created).toEqual([]);
  });

  it('offers the same through the API, which wants a JSON body and an editor', async () => {
    const res = await request(app).post(`/api/v1/documents/${documentId}/reextract`).set('Authorization', editor.bearer).send({});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ created: 0, claims: [] });
    const bad = await request(app)
      .post(`/api/v1/documents/${documentId}/reextract`)
      .set('Authorization', editor.bearer)
      .send({ force: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('force: is not an allowed field');
    const reviewer = await signIn(db.ctx, 'reviewer');
    expect(
      (await request(app).post(`/api/v1/documents/${documentId}/reextract`).set('Authorization', reviewer.bearer).send({})).status,
    ).toBe(403);
    expect((await request(app).post('/api/v1/documents/999999/reextract').set('Authorization', editor.bearer).send({})).status).toBe(404);
  });
});
