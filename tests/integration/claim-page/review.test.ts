import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { findClaimById } from '../../../src/claims/claim.repository.js';
import type { Claim } from '../../../src/claims/claim.js';
import { findEventsByClaimId } from '../../../src/history/event.repository.js';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';
import { flashes, follow } from './support.js';

describe(`claim review form (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let claims: Claim[];
  let editor: ReturnType<typeof browser>;
  let reviewer: ReturnType<typeof browser>;
  let reviewerId: number;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    ({ claims } = await buildDocument(db.ctx));
    editor = browser(app, (await signIn(db.ctx, 'editor', 'Ed Itor')).cookie);
    const r = await signIn(db.ctx, 'reviewer', 'Rita Reviewer');
    reviewer = browser(app, r.cookie);
    reviewerId = r.actor.id;
  });
  afterAll(() => db.close());
  const current = async (id: number) => (await findClaimById(db.engine.db, id))!;

  it('lets a reviewer research: in review, a proposed verdict and correction, then redirects with a flash', async () => {
    const claim = claims[0]!;
    const res = await reviewer.post(
      `/claims/${claim.id}`,
      { version: claim.version, status: 'in_review', proposedVerdict: 'inaccurate', correction: 'noong 1990', explanation: '' },
      `/claims/${claim.id}`,
    );
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/claims/${claim.id}`);
    expect(await current(claim.id)).toMatchObject({
      status: 'in_review',
      proposedVerdict: 'inaccurate',
      correction: 'noong 1990',
      verdict: null,
      version: claim.version + 1,
    });
    const page = await follow(app, reviewer, res);
    expect(flashes(page.text)).toEqual([{ kind: 'success', message: `Saved claim #${claim.id} (In review).` }]);
  });

  it('refuses a reviewer resolving, re-rendering the form with the input kept and the message by the field; nothing is written', async () => {
    const claim = await current(claims[0]!.id);
    const before = await tableChecksums(db.engine.db);
    const res = await reviewer.post(
      `/claims/${claim.id}`,
      { version: claim.version, status: 'resolved', correction: 'Typed but refused', proposedVerdict: 'typo' },
      `/claims/${claim.id}`,
    );
    expect(res.status).toBe(400);
    expect(res.text).toMatch(
      /<p class="field-error" id="status-error">.*cannot move a claim from in_review to resolved; an editor decides/,
    );
    expect(res.text).toContain('>Typed but refused</textarea>');
    expect(res.text).toMatch(/<option value="typo" selected>/);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });

  it('lets an editor resolve as inaccurate without a correction, with a warning flash', async () => {
    const claim = claims[1]!;
    const res = await editor.post(
      `/claims/${claim.id}`,
      { version: claim.version, status: 'resolved', verdict: 'inaccurate', correction: '', explanation: 'The date is wrong.' },
      `/claims/${claim.id}`,
    );
    expect(res.status).toBe(303);
    const page = await follow(app, editor, res);
    expect(flashes(page.text)).toEqual([
      { kind: 'success', message: `Claim #${claim.id} resolved as Inaccurate.` },
      { kind: 'warning', message: 'A verdict of “Inaccurate” usually needs a proposed correction.' },
      {
        kind: 'warning',
        message: 'A verdict of “Inaccurate” should cite a source that refutes the claim or gives its context; add one under Sources.',
      },
    ]);
    expect(await current(claim.id)).toMatchObject({
      status: 'resolved',
      verdict: 'inaccurate',
      correction: null,
      resolvedByName: 'Ed Itor',
    });
  });

  it('requires a verdict to resolve: 400 with the message next to the verdict and the typed text kept', async () => {
    const claim = claims[2]!;
    const res = await editor.post(
      `/claims/${claim.id}`,
      { version: claim.version, status: 'resolved', verdict: '', explanation: 'My reasoning' },
      `/claims/${claim.id}`,
    );
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/id="verdict-error">.*is required to resolve a claim/);
    expect(res.text).toMatch(/<select id="verdict" name="verdict" aria-invalid="true" aria-describedby="verdict-error"/);
    expect(res.text).toContain('>My reasoning</textarea>');
    expect(await current(claim.id)).toMatchObject({ status: 'open', explanation: null, version: claim.version });
  });

  it('names the field of malformed input (unknown status, bad assignee, junk version)', async () => {
    const claim = claims[2]!;
    const bad = await editor.post(`/claims/${claim.id}`, { version: claim.version, status: 'finished' }, `/claims/${claim.id}`);
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/id="status-error">.*must be one of: open, in_review, resolved, dismissed/);
    const viewer = await signIn(db.ctx, 'viewer');
    const assignee = await editor.post(
      `/claims/${claim.id}`,
      { version: claim.version, status: 'open', assigneeId: viewer.actor.id },
      `/claims/${claim.id}`,
    );
    expect(assignee.status).toBe(400);
    expect(assignee.text).toMatch(/id="assigneeId-error">.*must be someone who can research claims, not a viewer/);
    const version = await editor.post(`/claims/${claim.id}`, { version: 'x', status: 'open' }, `/claims/${claim.id}`);
    expect(version.status).toBe(400);
    expect(version.text).toContain('Version: must be an integer');
    expect(await current(claim.id)).toMatchObject({ version: claim.version });
  });

  it('lets a reviewer correct the kind, recorded in the history', async () => {
    const claim = await current(claims[7]!.id);
    const kind = claim.kind === 'event' ? 'other' : 'event';
    const res = await reviewer.post(`/claims/${claim.id}`, { version: claim.version, status: claim.status, kind }, `/claims/${claim.id}`);
    expect(res.status).toBe(303);
    expect(await current(claim.id)).toMatchObject({ kind });
    expect((await follow(app, reviewer, res)).text).toMatch(/changed the kind from <q>\w+<\/q> to <q>(Event|Other)<\/q>/);
  });

  it('reopens a resolved claim even with the old verdict still selected, clears emptied fields and records it', async () => {
    const claim = await current(claims[1]!.id);
    const res = await editor.post(
      `/claims/${claim.id}`,
      { version: claim.version, status: 'in_review', verdict: 'inaccurate', explanation: '', assigneeId: reviewerId },
      `/claims/${claim.id}`,
    );
    expect(res.status).toBe(303);
    expect(await current(claim.id)).toMatchObject({
      status: 'in_review',
      verdict: null,
      explanation: null,
      assigneeId: reviewerId,
      resolvedById: null,
    });
    const page = await follow(app, editor, res);
    expect(page.text).toContain('<strong>Ed Itor</strong> reopened the claim');
    expect(page.text).toContain('changed the assignee from <q>nothing</q> to <q>Rita Reviewer</q>');
    const events = await findEventsByClaimId(db.engine.db, claim.id);
    expect(events.at(-1)).toMatchObject({
      action: 'claim.updated',
      before: { status: 'resolved', verdict: 'inaccurate' },
      after: { status: 'in_review', verdict: null },
    });
  });

  it('dismisses a claim for an editor, refuses a reviewer (403) and a stale version (409)', async () => {
    const claim = await current(claims[4]!.id);
    const refused = await reviewer.post(`/claims/${claim.id}/dismiss`, { version: claim.version }, `/claims/${claim.id}`);
    expect(refused.status).toBe(403);
    const stale = await editor.post(`/claims/${claim.id}/dismiss`, { version: claim.version + 5 }, `/claims/${claim.id}`);
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('Dismiss it anyway');
    const missing = await editor.post(`/claims/${claim.id}/dismiss`, {}, `/claims/${claim.id}`);
    expect(missing.status).toBe(400);
    expect(missing.text).toMatch(/id="dismiss-version-error">.*is required/);
    const res = await editor.post(`/claims/${claim.id}/dismiss`, { version: claim.version }, `/claims/${claim.id}`);
    expect(res.status).toBe(303);
    expect(flashes((await follow(app, editor, res)).text)[0]!.message).toContain(`Dismissed claim #${claim.id}`);
    expect(await current(claim.id)).toMatchObject({ status: 'dismissed', version: claim.version + 1 });
  });

  it('refuses a viewer any change with 403, and a form without its CSRF token', async () => {
    const claim = await current(claims[5]!.id);
    const viewer = browser(app, (await signIn(db.ctx, 'viewer')).cookie);
    expect((await viewer.post(`/claims/${claim.id}`, { version: claim.version, status: 'in_review' }, `/claims/${claim.id}`)).status).toBe(
      403,
    );
    const noToken = await editor.agent
      .post(`/claims/${claim.id}`)
      .set('Cookie', editor.cookie)
      .type('form')
      .send({ version: claim.version, status: 'in_review' });
    expect(noToken.status).toBe(403);
    expect(await current(claim.id)).toMatchObject({ status: 'open', version: claim.version });
  });
});
