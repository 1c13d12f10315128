import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import request from 'supertest';
import { findClaimById, findClaimsByDocumentId } from '../../../src/claims/claim.repository.js';
import { updateClaim } from '../../../src/claims/claim.service.js';
import type { Claim } from '../../../src/claims/claim.js';
import type { Document } from '../../../src/documents/document.js';
import { findEventsByClaimId } from '../../../src/history/event.repository.js';
import { findNotesByClaimIds } from '../../../src/notes/note.repository.js';
import { findSourcesByClaimIds } from '../../../src/sources/source.repository.js';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';
import { addEvidence, flashes, follow } from './support.js';

describe(`merge, split (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let document: Document;
  let claims: Claim[];
  let editor: Awaited<ReturnType<typeof signIn>>;
  let user: ReturnType<typeof browser>;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    ({ document, claims } = await buildDocument(db.ctx));
    editor = await signIn(db.ctx, 'editor', 'Ed Itor');
    user = browser(app, editor.cookie);
  });
  afterAll(() => db.close());
  const current = async (id: number) => findClaimById(db.engine.db, id);
  const api = (path: string, body: unknown) =>
    request(app)
      .post(path)
      .set('Authorization', editor.bearer)
      .send(body as object);

  it('merges with the next claim: one claim spanning both with the sources and notes of both, the other removed, one event with both before-states', async () => {
    const [a, b] = [claims[0]!, claims[1]!];
    await addEvidence(db.ctx, editor.actor, a.id, 1);
    await addEvidence(db.ctx, editor.actor, b.id, 2);
    const res = await user.post(
      `/claims/${a.id}/merge`,
      { with: 'next', version: a.version, withId: b.id, withVersion: b.version },
      `/claims/${a.id}`,
    );
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/claims/${a.id}`);
    const merged = (await current(a.id))!;
    expect(merged).toMatchObject({
      start: a.start,
      end: b.end,
      quote: document.text.slice(a.start, b.end),
      version: a.version + 1,
      kind: a.kind,
    });
    expect(await current(b.id)).toBeUndefined();
    expect(await findSourcesByClaimIds(db.engine.db, [a.id])).toHaveLength(3);
    expect(await findNotesByClaimIds(db.engine.db, [a.id])).toHaveLength(3);
    const merges = (await findEventsByClaimId(db.engine.db, a.id)).filter((e) => e.action === 'claim.merged');
    expect(merges).toHaveLength(1);
    expect(merges[0]).toMatchObject({
      actorId: editor.actor.id,
      before: {
        survivor: { id: a.id, quote: a.quote, start: a.start, end: a.end },
        absorbed: { id: b.id, quote: b.quote, status: 'open' },
      },
      after: { quote: merged.quote, absorbedId: b.id, movedSources: 2, movedNotes: 2 },
    });
    expect((merges[0]!.before!.absorbed as { history: unknown[] }).history.length).toBeGreaterThanOrEqual(5);
    const page = await follow(app, user, res);
    expect(flashes(page.text)[0]!.message).toContain(`Merged claim #${b.id} into this one`);
    expect(page.text).toContain('merged in the neighbouring claim; 2 source(s) and 2 note(s) moved here');
  });

  it('merges with the previous claim through the API and names `with` when there is no such claim', async () => {
    const all = await findClaimsByDocumentId(db.engine.db, document.id);
    const [prev, claim] = [all[1]!, all[2]!];
    const res = await api(`/api/v1/claims/${claim.id}/merge`, {
      with: 'prev',
      version: claim.version,
      withId: prev.id,
      withVersion: prev.version,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      absorbedId: prev.id,
      claim: { id: claim.id, start: prev.start, end: Math.max(claim.end, prev.end), version: claim.version + 1 },
    });
    expect(res.headers.etag).toBe(`"${claim.version + 1}"`);

    const first = (await findClaimsByDocumentId(db.engine.db, document.id))[0]!;
    const none = await api(`/api/v1/claims/${first.id}/merge`, { with: 'prev', version: first.version, withId: first.id, withVersion: 1 });
    expect(none.status).toBe(400);
    expect(none.body.error.fields).toEqual([{ field: 'with', message: 'there is no previous claim in this document to merge with' }]);
    const malformed = await api(`/api/v1/claims/${first.id}/merge`, {
      with: 'sideways',
      version: '1',
      extra: true,
      withId: first.id,
      withVersion: 1,
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['extra', 'version', 'with']);
    const page = await user.post(
      `/claims/${first.id}/merge`,
      { with: 'prev', version: first.version, withId: first.id, withVersion: 1 },
      `/claims/${first.id}`,
    );
    expect(page.status).toBe(400);
    expect(page.text).toMatch(/id="merge-with-error">.*there is no previous claim/);
  });

  it('writes nothing when any part of a merge fails', async () => {
    const all = await findClaimsByDocumentId(db.engine.db, document.id);
    const claim = all[4]!;
    const next = all[5]!;
    await sql`ALTER TABLE claim_events ADD CONSTRAINT test_no_merge CHECK (action <> 'claim.merged') NOT VALID`.execute(db.engine.db);
    const before = await tableChecksums(db.engine.db);
    const res = await api(`/api/v1/claims/${claim.id}/merge`, {
      with: 'next',
      version: claim.version,
      withId: next.id,
      withVersion: next.version,
    });
    await sql`ALTER TABLE claim_events DROP CONSTRAINT test_no_merge`.execute(db.engine.db);
    expect(res.status).toBe(400);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });

  it('refuses merges and splits from a reviewer (403) and from a stale version (409 with the conflict page)', async () => {
    const [claim, next] = (await findClaimsByDocumentId(db.engine.db, document.id)).slice(5, 7) as [Claim, Claim];
    const neighbour = { withId: next.id, withVersion: next.version };
    const reviewer = browser(app, (await signIn(db.ctx, 'reviewer')).cookie);
    const before = await tableChecksums(db.engine.db);
    expect(
      (await reviewer.post(`/claims/${claim.id}/merge`, { with: 'next', version: claim.version, ...neighbour }, `/claims/${claim.id}`))
        .status,
    ).toBe(403);
    expect(
      (await reviewer.post(`/claims/${claim.id}/split`, { at: claim.start + 1, version: claim.version }, `/claims/${claim.id}`)).status,
    ).toBe(403);
    const stale = await user.post(
      `/claims/${claim.id}/merge`,
      { with: 'next', version: claim.version + 1, ...neighbour },
      `/claims/${claim.id}`,
    );
    expect(stale.status).toBe(409);
    expect(stale.text).toContain(`Claim #${claim.id} changed before you could merge it`);
    expect(stale.text).toContain(`<input type="hidden" name="with" value="next">`);
    expect(stale.text).toContain('Merge it anyway');
    const staleSplit = await user.post(
      `/claims/${claim.id}/split`,
      { at: claim.start + 1, version: claim.version + 1 },
      `/claims/${claim.id}`,
    );
    expect(staleSplit.status).toBe(409);
    expect(staleSplit.text).toContain(`<input type="hidden" name="at" value="${claim.start + 1}">`);
    const staleApi = await api(`/api/v1/claims/${claim.id}/merge`, { with: 'next', version: claim.version + 1, ...neighbour });
    expect(staleApi.status).toBe(409);
    expect(staleApi.body.error.current).toMatchObject({ id: claim.id, version: claim.version });
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });

  it('refuses a merge when the neighbour moved since the page was opened (409), through the API and the form', async () => {
    const [claim, next] = (await findClaimsByDocumentId(db.engine.db, document.id)).slice(7, 9) as [Claim, Claim];
    // Someone else edits the neighbour after the editor opened the page: its version moves on.
    await updateClaim(db.ctx, editor.actor, next.id, { version: next.version, explanation: 'Checked against the 2003 briefing.' });
    const before = await tableChecksums(db.engine.db);
    const api409 = await api(`/api/v1/claims/${claim.id}/merge`, {
      with: 'next',
      version: claim.version,
      withId: next.id,
      withVersion: next.version,
    });
    expect(api409.status).toBe(409);
    expect(api409.body.error).toMatchObject({ neighbourId: next.id, neighbourVersion: next.version + 1 });
    const form409 = await user.post(
      `/claims/${claim.id}/merge`,
      { with: 'next', version: claim.version, withId: next.id, withVersion: next.version },
      `/claims/${claim.id}`,
    );
    expect(form409.status).toBe(409);
    expect(form409.text).toContain('The next claim changed since you opened this page');
    // Naming another claim than the one now next to it is refused the same way.
    const other = await api(`/api/v1/claims/${claim.id}/merge`, {
      with: 'next',
      version: claim.version,
      withId: claim.id,
      withVersion: next.version + 1,
    });
    expect(other.status).toBe(409);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });

  it('splits at a chosen word boundary: the claim keeps the first part and its evidence, a new claim gets the rest, both record it', async () => {
    const claim = (await findClaimsByDocumentId(db.engine.db, document.id)).find((c) => /\S\s+\S/.test(c.quote) && c.status === 'open')!;
    await addEvidence(db.ctx, editor.actor, claim.id, 1);
    const evidence = (await findSourcesByClaimIds(db.engine.db, [claim.id])).length;
    const page = await user.get(`/claims/${claim.id}`);
    const at = Number(/<select id="split-at" name="at"\s*>\s*<option value="(\d+)"/.exec(page.text)?.[1]);
    expect(at).toBeGreaterThan(claim.start);
    const res = await user.post(`/claims/${claim.id}/split`, { at, version: claim.version }, `/claims/${claim.id}`);
    expect(res.status).toBe(303);
    const first = (await current(claim.id))!;
    expect(first).toMatchObject({ start: claim.start, quote: document.text.slice(claim.start, at).trimEnd(), version: claim.version + 1 });
    const createdId = Number(/is now claim #(\d+)/.exec(flashes((await follow(app, user, res)).text)[0]!.message)?.[1]);
    const created = (await current(createdId))!;
    expect(created).toMatchObject({
      start: at,
      end: claim.end,
      quote: document.text.slice(at, claim.end),
      kind: claim.kind,
      status: 'open',
      documentId: document.id,
    });
    expect(await findSourcesByClaimIds(db.engine.db, [claim.id])).toHaveLength(evidence);
    expect(await findSourcesByClaimIds(db.engine.db, [createdId])).toHaveLength(0);
    expect((await findEventsByClaimId(db.engine.db, claim.id)).at(-1)).toMatchObject({
      action: 'claim.split',
      before: { quote: claim.quote },
      after: { quote: first.quote, newClaimId: createdId },
    });
    expect(await findEventsByClaimId(db.engine.db, createdId)).toMatchObject([
      { action: 'claim.split', after: { splitFrom: claim.id, quote: created.quote } },
    ]);
    expect((await user.get(`/claims/${createdId}`)).text).toContain('split this passage off another claim');
  });

  it('splits at a character offset through the API and refuses offsets outside the span or between spaces', async () => {
    const claim = (await findClaimsByDocumentId(db.engine.db, document.id)).find(
      (c) => c.quote.length > 6 && !/\s/.test(c.quote.slice(2, 4)) && c.status === 'open',
    )!;
    const res = await api(`/api/v1/claims/${claim.id}/split`, { at: claim.start + 3, version: claim.version });
    expect(res.status).toBe(201);
    expect(res.body.claim).toMatchObject({ id: claim.id, end: claim.start + 3, quote: claim.quote.slice(0, 3) });
    expect(res.body.created).toMatchObject({ start: claim.start + 3, end: claim.end });
    expect(res.headers.location).toBe(`/api/v1/claims/${res.body.created.id}`);

    const after = (await current(claim.id))!;
    const outside = await api(`/api/v1/claims/${claim.id}/split`, { at: after.end, version: after.version });
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields[0]).toMatchObject({
      field: 'at',
      message: `must be inside the claim, between ${after.start + 1} and ${after.end - 1}`,
    });
    const formError = await user.post(`/claims/${claim.id}/split`, { at: after.start, version: after.version }, `/claims/${claim.id}`);
    expect(formError.status).toBe(400);
    expect(formError.text).toMatch(/id="split-at-error">.*must be inside the claim/);
    expect((await api(`/api/v1/claims/${claim.id}/split`, { at: 'middle', version: after.version })).status).toBe(400);
  });
});
