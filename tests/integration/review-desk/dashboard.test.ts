import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import request from 'supertest';
import { updateClaim } from '../../../src/claims/claim.service.js';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';

describe(`dashboard and help (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let editor: Awaited<ReturnType<typeof signIn>>;
  let reviewer: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    editor = await signIn(db.ctx, 'editor', 'Editor <Reyes>');
    reviewer = await signIn(db.ctx, 'reviewer', 'Reviewer Cruz');
  });
  afterAll(() => db.close());

  it('shows an empty workspace plainly', async () => {
    const res = await browser(app, editor.cookie).get('/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('0 claims');
    expect(res.text).toContain('Nothing is assigned to you right now.');
    expect(res.text).toContain('No documents with claims yet.');
    expect(res.text).toContain('Nothing has happened yet.');
  });

  it('charts claims by status and verdict, with the numbers in words and as a table', async () => {
    const { document, claims } = await buildDocument(db.ctx, { title: 'Digmaan <sa> Iraq' });
    const [a, b, c] = claims;
    await updateClaim(db.ctx, editor.actor, a!.id, {
      version: a!.version,
      status: 'resolved',
      verdict: 'inaccurate',
      correction: 'Tama: 1991.',
    });
    await updateClaim(db.ctx, editor.actor, b!.id, { version: b!.version, status: 'resolved', verdict: 'accurate' });
    await updateClaim(db.ctx, editor.actor, c!.id, { version: c!.version, assigneeId: reviewer.actor.id, status: 'in_review' });
    const res = await browser(app, editor.cookie).get('/');
    const open = claims.length - 3;
    expect(res.text).toContain(
      `<p class="visually-hidden" id="chart-status-summary">Open: ${open}, In review: 1, Resolved: 2, Dismissed: 0.</p>`,
    );
    expect(res.text).toContain(
      '<p class="visually-hidden" id="chart-verdict-summary">Accurate: 1, Inaccurate: 1, Misleading: 0, Needs context: 0, Unverifiable: 0, Typo: 0.</p>',
    );
    expect(res.text).toMatch(/<svg class="bar-chart"[^>]*role="img" aria-labelledby="chart-status-title chart-status-summary"/);
    expect(res.text).toContain('<tr><th scope="row">Inaccurate</th><td>1</td><td>50%</td></tr>');
    // errors found per document: one error (inaccurate); the title is escaped
    expect(res.text).toMatch(new RegExp(`<a href="/documents/${document.id}">Digmaan &lt;sa&gt; Iraq</a></td><td class="num">1</td>`));
  });

  it('lists my open assignments and the recent activity with names and links', async () => {
    const asReviewer = await browser(app, reviewer.cookie).get('/');
    expect(asReviewer.text).toMatch(/data-testid="my-assignments"[\s\S]*<li data-nav-item data-claim-id="\d+"><a href="\/claims\/\d+">/);
    expect(asReviewer.text).toContain('All 1 open assignment in the queue');
    const activity = /data-testid="recent-activity"[\s\S]*?<\/section>/.exec(asReviewer.text)![0];
    expect(activity).toContain(
      '<strong>Editor &lt;Reyes&gt;</strong> set status to In review, assigned it to Reviewer Cruz on <a href="/claims/',
    );
    expect(activity).toContain('gave the verdict Inaccurate');
    expect(activity).toMatch(/in <a href="\/documents\/\d+">Digmaan &lt;sa&gt; Iraq<\/a>/);
  });

  it('is behind sign-in; the shortcuts help page is not', async () => {
    const home = await request(app).get('/');
    expect(home.status).toBe(303);
    expect(home.headers.location).toBe('/login?next=%2F');
    const help = await request(app).get('/help/shortcuts');
    expect(help.status).toBe(200);
    expect(help.text).toContain('<td><kbd>j</kbd></td><td>Next claim</td>');
    expect(help.text).toContain('<td><kbd>/</kbd></td><td>Search claims</td>');
  });

  it('documents the shortcuts on the working pages and ships the shortcut list for the ? key', async () => {
    const user = browser(app, editor.cookie);
    for (const path of ['/', '/claims', '/documents/1']) {
      const res = await user.get(path);
      expect(res.text).toContain('data-testid="shortcut-hint"');
      expect(res.text).toContain('<dialog class="shortcuts-dialog" id="shortcuts-dialog"');
    }
    const js = await request(app).get('/static/js/app.js');
    expect(js.status).toBe(200);
    expect(js.text).toContain("'?': showShortcuts");
  });
});
