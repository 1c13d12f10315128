import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findClaimById, findClaimsByDocumentId } from '../../../src/claims/claim.repository.js';
import { maySetStatus } from '../../../src/claims/claim.policy.js';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { changeUser } from '../../../src/users/user.service.js';
import { buildDocument, signIn } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';

/**
 * Rules a mutation audit found unguarded (issue 20): each test here fails when the rule it names
 * is switched off, and passes through the public API so it survives the rules moving module.
 */
describe(`claim rules the API must keep (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let editor: string;
  let reviewer: string;
  let documentId: number;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    ({ bearer: editor } = await signIn(db.ctx, 'editor'));
    ({ bearer: reviewer } = await signIn(db.ctx, 'reviewer'));
    ({
      document: { id: documentId },
    } = await buildDocument(db.ctx));
  });
  afterAll(() => db.close());
  const patch = (who: string, id: number, body: object) => request(app).patch(`/api/v1/claims/${id}`).set('Authorization', who).send(body);
  const post = (who: string, path: string, body: object) => request(app).post(path).set('Authorization', who).send(body);
  const claimAt = async (index: number) => (await findClaimsByDocumentId(db.engine.db, documentId))[index]!;

  it('refuses a reviewer overwriting the final verdict of a resolved claim, keeping the editor’s verdict', async () => {
    const claim = await claimAt(3);
    const resolved = await patch(editor, claim.id, { version: claim.version, status: 'resolved', verdict: 'accurate' });
    expect(resolved.status).toBe(200);
    const before = await tableChecksums(db.engine.db);
    const res = await patch(reviewer, claim.id, { version: resolved.body.claim.version, verdict: 'inaccurate' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ field: 'verdict', message: expect.stringContaining('cannot set the final verdict') }]);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
    expect((await findClaimById(db.engine.db, claim.id))!).toMatchObject({ status: 'resolved', verdict: 'accurate' });
  });

  it('refuses a merge based on a version someone else has since changed (409), and merges nothing', async () => {
    const claim = await claimAt(6);
    const seen = claim.version;
    expect((await patch(editor, claim.id, { version: seen, explanation: 'changed by a colleague' })).status).toBe(200);
    const before = await tableChecksums(db.engine.db);
    const neighbour = await claimAt(7);
    const res = await post(editor, `/api/v1/claims/${claim.id}/merge`, {
      with: 'next',
      version: seen,
      withId: neighbour.id,
      withVersion: neighbour.version,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.current).toMatchObject({ id: claim.id, version: seen + 1, explanation: 'changed by a colleague' });
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });

  it('refuses a split based on a version someone else has since changed (409), and splits nothing', async () => {
    const claim = (await findClaimsByDocumentId(db.engine.db, documentId)).find((c, i) => i >= 8 && c.quote.includes(' '))!;
    const space = claim.quote.indexOf(' ');
    expect(space).toBeGreaterThan(0);
    const seen = claim.version;
    expect((await patch(editor, claim.id, { version: seen, explanation: 'changed by a colleague' })).status).toBe(200);
    const before = await tableChecksums(db.engine.db);
    const res = await post(editor, `/api/v1/claims/${claim.id}/split`, { at: claim.start + space + 1, version: seen });
    expect(res.status).toBe(409);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });

  it('refuses a claim added by hand whose span holds only white space (400 on start), creating nothing', async () => {
    const { document } = await buildDocument(db.ctx, {
      title: 'Two spaces',
      text: 'Sinabi ng pangulo  na umabot sa 40 porsiyento ang pagtaas.\n',
    });
    const gap = document.text.indexOf('  ');
    const before = await tableChecksums(db.engine.db);
    const res = await post(editor, `/api/v1/documents/${document.id}/claims`, { kind: 'statistic', start: gap, end: gap + 2 });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ field: 'start', message: 'the span holds only white space' }]);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });

  it('warns about a verdict without a correction whenever a review field changes, and not on an assignment', async () => {
    const claim = await claimAt(10);
    let version = claim.version;
    const step = async (who: string, body: object) => {
      const res = await patch(who, claim.id, { version, ...body });
      expect(res.status, JSON.stringify(body)).toBe(200);
      version = res.body.claim.version;
      // The evidence advice (a verdict with no refuting or context source) is tested with the corrections.
      return (res.body.warnings as string[]).filter((w) => !w.includes('should cite a source'));
    };
    const proposed = 'A proposed verdict of “Inaccurate” usually needs a proposed correction.';
    expect(await step(reviewer, { proposedVerdict: 'inaccurate' })).toEqual([proposed]);
    expect(await step(reviewer, { correction: 'The right figure' })).toEqual([]);
    expect(await step(reviewer, { correction: null })).toEqual([proposed]);
    expect(await step(reviewer, { status: 'in_review' })).toEqual([proposed]);
    expect(await step(editor, { assigneeId: null })).toEqual([]);
    expect(await step(editor, { status: 'resolved', verdict: 'inaccurate' })).toEqual([
      'A verdict of “Inaccurate” usually needs a proposed correction.',
    ]);
    expect(await step(editor, { verdict: 'misleading' })).toEqual(['A verdict of “Misleading” usually needs a proposed correction.']);
    expect(await step(editor, { verdict: 'needs_context' })).toEqual([
      'Consider proposing a correction or the context to add for a claim that needs context.',
    ]);
    expect(await step(editor, { verdict: 'accurate' })).toEqual([]);
    expect(await step(editor, { verdict: 'unverifiable' })).toEqual([]);
  });

  it('lets a reviewer send the whole claim back with its unchanged (empty) final verdict', async () => {
    const claim = await claimAt(11);
    const res = await patch(reviewer, claim.id, {
      version: claim.version,
      verdict: null,
      proposedVerdict: 'accurate',
      status: 'in_review',
    });
    expect(res.status).toBe(200);
    expect(res.body.claim).toMatchObject({ status: 'in_review', verdict: null, proposedVerdict: 'accurate' });
  });

  it('refuses a final verdict on a claim that is not being resolved (400 on verdict)', async () => {
    const claim = await claimAt(12);
    const res = await patch(editor, claim.id, { version: claim.version, status: 'in_review', verdict: 'accurate' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ field: 'verdict', message: 'can only be set when the claim is resolved' }]);
  });

  it('refuses a reviewer reopening a dismissed claim (400 on status), an editor decides', async () => {
    const claim = await claimAt(14);
    const dismissed = await patch(editor, claim.id, { version: claim.version, status: 'dismissed' });
    expect(dismissed.status).toBe(200);
    const res = await patch(reviewer, claim.id, { version: dismissed.body.claim.version, status: 'open' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      { field: 'status', message: 'a reviewer cannot move a claim from dismissed to open; an editor decides' },
    ]);
    expect((await findClaimById(db.engine.db, claim.id))!.status).toBe('dismissed');
  });

  it('names the role and the permission when it refuses an action (403)', async () => {
    const { bearer: viewer } = await signIn(db.ctx, 'viewer');
    const claim = await claimAt(16);
    const res = await patch(viewer, claim.id, { version: claim.version, explanation: 'no' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/^Your role \(viewer\) cannot do that \(claim\.\w+\)\.$/);
  });
  it('gives claims only to active users who research them: refuses a disabled one, an unknown id and a viewer (400 on assigneeId)', async () => {
    const admin = await signIn(db.ctx, 'admin');
    const gone = await signIn(db.ctx, 'reviewer');
    await changeUser(db.ctx, admin.actor, gone.actor.id, { disabled: true });
    const { actor: viewer } = await signIn(db.ctx, 'viewer');
    const { actor: researcher } = await signIn(db.ctx, 'reviewer');
    const claim = await claimAt(17);
    const before = await tableChecksums(db.engine.db);
    for (const [assigneeId, message] of [
      [gone.actor.id, 'must be an active user'],
      [2_000_000_000, 'must be an active user'],
      [viewer.id, 'must be someone who can research claims, not a viewer'],
    ] as const) {
      const res = await patch(editor, claim.id, { version: claim.version, assigneeId });
      expect({ assigneeId, status: res.status, fields: res.body.error.fields }).toEqual({
        assigneeId,
        status: 400,
        fields: [{ field: 'assigneeId', message }],
      });
      const bulk = await post(editor, '/api/v1/claims/bulk', { action: 'assign', claimIds: [claim.id], assigneeId });
      expect({ assigneeId, status: bulk.status }).toEqual({ assigneeId, status: 400 });
    }
    expect(await tableChecksums(db.engine.db)).toEqual(before);
    // The pickers offer the same people: the researcher, not the disabled reviewer or the viewer
    // (the queue's lists every account and leaves the choice to the policy).
    for (const path of [`/claims/${claim.id}`, '/claims']) {
      const page = await request(app).get(path).set('Cookie', admin.cookie);
      const offered = [...page.text.matchAll(/<option value="(\d+)"/g)].map((m) => Number(m[1]));
      expect({
        path,
        researcher: offered.includes(researcher.id),
        disabled: offered.includes(gone.actor.id),
        viewer: offered.includes(viewer.id),
      }).toEqual({
        path,
        researcher: true,
        disabled: false,
        viewer: false,
      });
    }
    const res = await patch(editor, claim.id, { version: claim.version, assigneeId: researcher.id });
    expect(res.status).toBe(200);
    expect(res.body.claim.assignee).toMatchObject({ id: researcher.id });
  });

  it('leaves every review field of a decided claim to an editor, while a reviewer still researches undecided ones', async () => {
    const claim = await claimAt(18);
    expect((await patch(reviewer, claim.id, { version: claim.version, status: 'in_review', proposedVerdict: 'inaccurate' })).status).toBe(
      200,
    );
    const back = await patch(reviewer, claim.id, { version: claim.version + 1, status: 'open', explanation: 'back to the pile' });
    expect(back.status).toBe(200);
    const resolved = await patch(editor, claim.id, {
      version: back.body.claim.version,
      status: 'resolved',
      verdict: 'inaccurate',
      correction: 'noong 1990',
    });
    expect(resolved.status).toBe(200);
    const version = resolved.body.claim.version;
    const before = await tableChecksums(db.engine.db);
    for (const [field, value] of [
      ['proposedVerdict', 'accurate'],
      ['correction', 'other'],
      ['explanation', 'other'],
      ['kind', 'other'],
    ] as const) {
      const res = await patch(reviewer, claim.id, { version, [field]: value });
      expect({ field, status: res.status, fields: res.body.error.fields }).toEqual({
        field,
        status: 400,
        fields: [
          {
            field,
            message: 'a reviewer cannot change the review of a resolved claim; an editor decided it. Add a note, or propose reopening it',
          },
        ],
      });
    }
    // Sending the values it already has changes nothing and is not a change of review.
    expect((await patch(reviewer, claim.id, { version, proposedVerdict: 'inaccurate', correction: 'noong 1990' })).status).toBe(200);
    const reopen = await patch(reviewer, claim.id, { version, status: 'in_review' });
    expect(reopen.status).toBe(400);
    expect(reopen.body.error.fields).toEqual([
      { field: 'status', message: 'a reviewer cannot move a claim from resolved to in_review; an editor decides' },
    ]);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
    expect((await patch(editor, claim.id, { version, correction: 'noong 1991' })).status).toBe(200);
  });
  // The policy itself, asked directly: routes ask for the permission first (403), so only this
  // shows the policy's own check holds where a caller forgets to (defence in depth).
  it('refuses a viewer or a signed-out visitor any status, even the one the claim already has', () => {
    const viewer = { id: 1, name: 'Vi', role: 'viewer' } as const;
    const reviewer = { id: 2, name: 'Re', role: 'reviewer' } as const;
    for (const status of ['open', 'in_review', 'resolved', 'dismissed'] as const) {
      expect({ status, viewer: maySetStatus(viewer, { status }, status), anonymous: maySetStatus(null, { status }, status) }).toEqual({
        status,
        viewer: false,
        anonymous: false,
      });
      expect(maySetStatus(reviewer, { status }, status)).toBe(true);
    }
    expect(maySetStatus(reviewer, { status: 'open' }, 'in_review')).toBe(true);
    expect(maySetStatus(viewer, { status: 'open' }, 'in_review')).toBe(false);
  });
});
