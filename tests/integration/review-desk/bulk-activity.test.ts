import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import type { Claim } from '../../../src/claims/claim.js';
import { bulkUpdateClaims } from '../../../src/claims/bulk.service.js';
import { updateClaim } from '../../../src/claims/claim.service.js';
import { findRecentActivity } from '../../../src/dashboard/dashboard.repository.js';
import { findEventsByClaimId } from '../../../src/history/event.repository.js';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';

// Issue 14, point 7: a bulk action is one line of the activity feed ("assigned 12 claims to Jun
// Reyes") that opens to the claims it changed, while each claim's own history keeps its event.
describe(`bulk actions in the activity feed (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let editor: Awaited<ReturnType<typeof signIn>>;
  let jun: Awaited<ReturnType<typeof signIn>>;
  let claims: Claim[];
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    editor = await signIn(db.ctx, 'editor', 'Maria <Santos>');
    jun = await signIn(db.ctx, 'reviewer', 'Jun Reyes');
    claims = (await buildDocument(db.ctx, { title: 'Digmaan <sa> Iraq' })).claims;
  });
  afterAll(() => db.close());

  const feed = async () => /data-testid="recent-activity"[\s\S]*?<\/section>/.exec((await browser(app, editor.cookie).get('/')).text)![0];
  /** The feed's lines, newest first (the import's own `claim.created` events come after ours). */
  const lines = (html: string) => html.split(/(?=<li(?: data-testid="bulk-activity")?><strong>)/).slice(1);

  /** Posts the queue's bulk form as a browser would: one `claimIds` per ticked box. */
  async function postBulk(claimIds: number[], fields: Record<string, string>) {
    const user = browser(app, editor.cookie);
    const token = await user.csrf('/claims');
    const body = [
      ...claimIds.map((id) => `claimIds=${id}`),
      ...Object.entries({ ...fields, returnTo: '/claims', _csrf: token }).map(([k, v]) => `${k}=${encodeURIComponent(v)}`),
    ].join('&');
    return request(app).post('/claims/bulk').set('Cookie', user.cookie).type('form').send(body);
  }

  it('shows a bulk assignment as one line naming how many claims and to whom, which opens to each claim', async () => {
    expect(claims.length).toBeGreaterThanOrEqual(5);
    const chosen = claims.slice(0, 5);
    const res = await postBulk(
      chosen.map((c) => c.id),
      { action: 'assign', assigneeId: String(jun.actor.id) },
    );
    expect(res.status).toBe(303);

    const html = await feed();
    expect(lines(html)[0]).toContain(
      '<li data-testid="bulk-activity"><strong>Maria &lt;Santos&gt;</strong> assigned 5 claims to Jun Reyes',
    );
    expect(lines(html).filter((l) => l.includes('bulk-activity'))).toHaveLength(1);
    expect(html).toContain('<summary>The 5 claims</summary>');
    for (const c of chosen) expect(html).toContain(`<a href="/claims/${c.id}">#${c.id} `);
    expect(html).toMatch(/in <a href="\/documents\/\d+">Digmaan &lt;sa&gt; Iraq<\/a>/);
    expect(html).not.toContain('assigned it to');
    // Each claim's own history still has its event.
    for (const c of chosen)
      expect((await findEventsByClaimId(db.engine.db, c.id)).at(-1)).toMatchObject({
        action: 'claim.updated',
        after: { assigneeId: jun.actor.id },
      });
  });

  it('keeps single edits as lines of their own, and a bulk dismissal with its reason as one line', async () => {
    const single = claims[5]!;
    await updateClaim(db.ctx, editor.actor, single.id, { version: single.version, status: 'in_review' });
    const dismissed = claims.slice(6, 9);
    const res = await postBulk(
      dismissed.map((c) => c.id),
      { action: 'dismiss', reason: 'Opinion <not> a claim', confirm: 'true' },
    );
    expect(res.status).toBe(303);

    const html = await feed();
    const [first, second, third] = lines(html);
    expect(first).toContain(
      '<li data-testid="bulk-activity"><strong>Maria &lt;Santos&gt;</strong> dismissed 3 claims (reason: “Opinion &lt;not&gt; a claim”)',
    );
    expect(second).toContain(`set status to In review on <a href="/claims/${single.id}">`);
    expect(third).toContain('assigned 5 claims to Jun Reyes');
    expect(html).toContain('<summary>The 3 claims</summary>');
  });

  it("counts a bulk action as one item of the feed's limit, and two bulk actions as two", async () => {
    // The same change to the same claims again by another request is a second action.
    await bulkUpdateClaims(db.ctx, editor.actor, { claimIds: claims.slice(0, 2).map((c) => c.id), action: 'assign', assigneeId: null });
    const items = await findRecentActivity(db.engine.db, 3);
    expect(items.map((i) => i.count)).toEqual([2, 3, 1]);
    expect(items[0]!.claims.map((c) => c.claimId)).toEqual(claims.slice(0, 2).map((c) => c.id));
    const four = await findRecentActivity(db.engine.db, 4);
    expect(four.map((i) => i.count)).toEqual([2, 3, 1, 5]);
    expect(four.every((i) => i.count === 1 || i.claims.length === i.count)).toBe(true);
  });
});
