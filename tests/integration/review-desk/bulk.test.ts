import request from 'supertest';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import type { Claim } from '../../../src/claims/claim.js';
import { bulkUpdateClaims } from '../../../src/claims/bulk.service.js';
import { findClaimById, findClaimsByDocumentId } from '../../../src/claims/claim.repository.js';
import { updateClaim } from '../../../src/claims/claim.service.js';
import { findEventsByClaimId } from '../../../src/history/event.repository.js';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';
import { follow } from './follow.js';

describe(`bulk actions (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let editor: Awaited<ReturnType<typeof signIn>>;
  let reviewer: Awaited<ReturnType<typeof signIn>>;
  let claims: Claim[];
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    editor = await signIn(db.ctx, 'editor', 'Editor Reyes');
    reviewer = await signIn(db.ctx, 'reviewer', 'Reviewer Cruz');
    claims = (await buildDocument(db.ctx)).claims;
  });
  afterAll(() => db.close());

  const ids = (from: number, to: number) => claims.slice(from, to).map((c) => c.id);
  const current = (id: number) => findClaimById(db.engine.db, id).then((c) => c!);
  /** Posts the queue's bulk form as a browser would: one `claimIds` per ticked box. */
  function postBulk(
    who: Awaited<ReturnType<typeof signIn>>,
    claimIds: number[],
    fields: Record<string, string>,
    returnTo = '/claims?status=open',
  ) {
    const user = browser(app, who.cookie);
    return user
      .csrf('/claims')
      .then((token) =>
        request(app)
          .post('/claims/bulk')
          .set('Cookie', user.cookie)
          .type('form')
          .send(
            [
              ...claimIds.map((id) => `claimIds=${id}`),
              ...Object.entries({ ...fields, returnTo, _csrf: token }).map(([k, v]) => `${k}=${encodeURIComponent(v)}`),
            ].join('&'),
          ),
      )
      .then((res) => ({ res, user }));
  }

  it('assigns the selected claims in one go, one history event each, and says how many', async () => {
    const { res, user } = await postBulk(editor, ids(0, 3), { action: 'assign', assigneeId: String(reviewer.actor.id) });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/claims?status=open');
    expect((await follow(user, res)).text).toContain('3 claims assigned to Reviewer Cruz.');
    for (const id of ids(0, 3)) {
      const claim = await current(id);
      expect(claim).toMatchObject({ assigneeId: reviewer.actor.id, version: 2 });
      expect((await findEventsByClaimId(db.engine.db, id)).at(-1)).toMatchObject({
        action: 'claim.updated',
        actorId: editor.actor.id,
        before: { assigneeId: null },
        after: { assigneeId: reviewer.actor.id },
      });
    }
    const again = await postBulk(editor, ids(1, 5), { action: 'assign', assigneeId: String(reviewer.actor.id) });
    expect((await follow(again.user, again.res)).text).toContain('2 claims assigned to Reviewer Cruz (2 already were).');
    expect((await findEventsByClaimId(db.engine.db, ids(1, 2)[0]!)).filter((e) => e.action === 'claim.updated')).toHaveLength(1);
    const unchanged = await postBulk(editor, ids(0, 1), { action: 'assign', assigneeId: String(reviewer.actor.id) });
    expect((await follow(unchanged.user, unchanged.res)).text).toContain(
      'Nothing changed: the selected claim was already assigned to Reviewer Cruz.',
    );
  });

  it('unassigns with “Nobody”', async () => {
    const { res, user } = await postBulk(editor, ids(3, 5), { action: 'assign', assigneeId: 'none' });
    expect((await follow(user, res)).text).toContain('2 claims unassigned.');
    expect((await current(ids(3, 4)[0]!)).assigneeId).toBeNull();
  });

  it('lets a reviewer move claims between open and in review', async () => {
    const { res, user } = await postBulk(reviewer, ids(0, 4), { action: 'status', status: 'in_review' });
    expect((await follow(user, res)).text).toContain('4 claims set to In review.');
    expect((await current(ids(0, 1)[0]!)).status).toBe('in_review');
  });

  it.each([
    ['assign', { action: 'assign', assigneeId: '1' }],
    ['dismiss', { action: 'dismiss' }],
    ['set status dismissed', { action: 'status', status: 'dismissed' }],
  ])('refuses a reviewer who tries to %s, writing nothing', async (_name, fields) => {
    const before = await tableChecksums(db.engine.db);
    const { res } = await postBulk(reviewer, ids(5, 8), fields);
    expect(res.status).toBe(403);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });

  it.each([
    ['no claims selected', [], { action: 'status', status: 'open' }, 'claimIds-error', 'Selection: is required'],
    ['resolving in bulk', [26], { action: 'status', status: 'resolved' }, 'status-error', 'must be one of: open, in_review, dismissed'],
    ['a status action without a status', [26], { action: 'status' }, 'status-error', 'is required: choose the status to set'],
    ['an assignment without a person', [26], { action: 'assign' }, 'assigneeId-error', 'is required: choose a person'],
    ['an unknown action', [26], { action: 'delete' }, 'claimIds-error', 'must be one of: assign, status, dismiss'],
    [
      'a claim that no longer exists',
      [999999],
      { action: 'dismiss', reason: 'Duplicate', confirm: 'true' },
      'claimIds-error',
      '#999999 no longer exists',
    ],
  ])(
    're-renders the queue for %s, with the message next to the field and the selection kept',
    async (_name, claimIdsIndex, fields, errorId, message) => {
      const before = await tableChecksums(db.engine.db);
      const selected = claimIdsIndex.map((i) => (i === 999999 ? i : claims[i]!.id));
      const { res } = await postBulk(editor, selected, fields);
      expect(res.status).toBe(400);
      expect(res.text).toContain(`id="${errorId}"`);
      expect(res.text).toContain(message);
      if (selected[0] && selected[0] !== 999999) expect(res.text).toMatch(new RegExp(`value="${selected[0]}" form="bulk-form" checked`));
      expect(res.text).toContain('value="/claims?status=open"');
      expect(await tableChecksums(db.engine.db)).toEqual(before);
    },
  );

  it('refuses more than 500 claims at once', async () => {
    const res = await request(app)
      .post('/api/v1/claims/bulk')
      .set('Authorization', editor.bearer)
      .send({ claimIds: Array.from({ length: 501 }, (_, i) => i + 1), action: 'dismiss' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('claimIds: must have at most 500 items');
  });

  it('applies the review rules to every claim and refuses the whole request if one breaks them', async () => {
    const resolved = claims[6]!;
    await updateClaim(db.ctx, editor.actor, resolved.id, { version: resolved.version, status: 'resolved', verdict: 'accurate' });
    const before = await tableChecksums(db.engine.db);
    const res = await request(app)
      .post('/api/v1/claims/bulk')
      .set('Authorization', reviewer.bearer)
      .send({ claimIds: [claims[5]!.id, resolved.id], action: 'status', status: 'open' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      { field: 'status', message: `claim #${resolved.id}: a reviewer cannot move a claim from resolved to open; an editor decides` },
    ]);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });

  it('dismisses a resolved claim for an editor, clearing its verdict in the record', async () => {
    const resolved = claims[6]!;
    const res = await request(app)
      .post('/api/v1/claims/bulk')
      .set('Authorization', editor.bearer)
      .send({ claimIds: [resolved.id, claims[7]!.id], action: 'dismiss' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ action: 'dismiss', changed: 2, unchanged: 0, message: '2 claims dismissed.' });
    expect(res.body.claims).toEqual([
      { id: resolved.id, version: 3 },
      { id: claims[7]!.id, version: 2 },
    ]);
    expect(await current(resolved.id)).toMatchObject({ status: 'dismissed', verdict: null, resolvedAt: null });
    expect((await findEventsByClaimId(db.engine.db, resolved.id)).at(-1)).toMatchObject({
      before: { status: 'resolved', verdict: 'accurate' },
      after: { status: 'dismissed', verdict: null },
    });
  });

  it('works on the current versions: concurrent bulk requests both apply, each bumping the version once', async () => {
    const shared = ids(10, 15);
    const start = await Promise.all(shared.map(current));
    await Promise.all([
      bulkUpdateClaims(db.ctx, editor.actor, { claimIds: [...shared].reverse(), action: 'assign', assigneeId: reviewer.actor.id }),
      bulkUpdateClaims(db.ctx, editor.actor, { claimIds: shared, action: 'status', status: 'in_review' }),
    ]);
    for (const [i, id] of shared.entries()) {
      expect(await current(id)).toMatchObject({ assigneeId: reviewer.actor.id, status: 'in_review', version: start[i]!.version + 2 });
    }
  });

  it('writes nothing when the history cannot be written', async () => {
    await sql`ALTER TABLE claim_events ADD CONSTRAINT test_no_updates CHECK (action <> 'claim.updated') NOT VALID`.execute(db.engine.db);
    const before = await tableChecksums(db.engine.db);
    await expect(bulkUpdateClaims(db.ctx, editor.actor, { claimIds: ids(20, 25), action: 'dismiss' })).rejects.toThrow(/test_no_updates/);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
    await sql`ALTER TABLE claim_events DROP CONSTRAINT test_no_updates`.execute(db.engine.db);
  });

  it('validates the API body and sends unsafe return paths back to the queue', async () => {
    const bad = await request(app)
      .post('/api/v1/claims/bulk')
      .set('Authorization', editor.bearer)
      .send({ claimIds: '1,2', action: 'dismiss', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual(
      expect.arrayContaining([
        { field: 'claimIds', message: 'must be an array' },
        { field: 'extra', message: 'is not an allowed field' },
      ]),
    );
    const { res } = await postBulk(editor, ids(30, 31), { action: 'status', status: 'open' }, 'https://evil.example/claims');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/claims');
    const all = await findClaimsByDocumentId(db.engine.db, claims[0]!.documentId);
    expect(
      all
        .filter((c) => c.status === 'dismissed')
        .map((c) => c.id)
        .sort(),
    ).toEqual([claims[6]!.id, claims[7]!.id].sort());
  });

  it("dismissing from the form asks for a reason and a confirmation, then keeps the reason in each claim's history", async () => {
    const chosen = ids(30, 33);
    const before = await tableChecksums(db.engine.db);
    const { res } = await postBulk(editor, chosen, { action: 'dismiss' });
    expect(res.status).toBe(400);
    expect(res.text).toContain(
      '<a href="#bulk-reason">The reason for dismissing is required: say why the selected claims are dismissed.</a>',
    );
    expect(res.text).toContain('<a href="#bulk-confirm">The confirmation box must be ticked to dismiss the selected claims.</a>');
    expect(res.text).toContain('id="reason-error"');
    expect(await tableChecksums(db.engine.db)).toEqual(before);

    const { res: done, user } = await postBulk(editor, chosen, {
      action: 'dismiss',
      reason: 'Opinion, not a checkable claim',
      confirm: 'true',
    });
    expect(done.status).toBe(303);
    expect((await follow(user, done)).text).toContain('3 claims dismissed.');
    for (const id of chosen) {
      expect(await current(id)).toMatchObject({ status: 'dismissed' });
      expect((await findEventsByClaimId(db.engine.db, id)).at(-1)).toMatchObject({
        after: { status: 'dismissed', reason: 'Opinion, not a checkable claim' },
      });
    }
  });
});
