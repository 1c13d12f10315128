import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { updateClaim } from '../../../src/claims/claim.service.js';
import { findClaimsByDocumentId } from '../../../src/claims/claim.repository.js';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, seedText, signIn } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';
import { follow } from './follow.js';

/** The article element's text with tags removed and entities decoded: what a browser's textContent gives. */
function articleText(html: string): string {
  const inner = /<article[^>]*data-article[^>]*>([\s\S]*?)<\/article>/.exec(html)?.[1] ?? '';
  return inner
    .replace(/<[^>]+>/g, '')
    .replace(/&#34;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe(`document reader (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let editor: Awaited<ReturnType<typeof signIn>>;
  let user: ReturnType<typeof browser>;
  let documentId: number;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    editor = await signIn(db.ctx, 'editor', 'Maria Santos');
    user = browser(app, editor.cookie);
    ({
      document: { id: documentId },
    } = await buildDocument(db.ctx, { title: 'Digmaan <sa> Iraq' }));
  });
  afterAll(() => db.close());

  it('shows the full text exactly, with every claim highlighted in place and linked to its page', async () => {
    const claims = await findClaimsByDocumentId(db.engine.db, documentId);
    const res = await user.get(`/documents/${documentId}`);
    expect(res.status).toBe(200);
    expect(articleText(res.text)).toBe(seedText());
    expect(res.text).toContain('Digmaan &lt;sa&gt; Iraq');
    for (const c of claims) {
      expect(res.text).toContain(`id="claim-${c.id}"`);
      expect(res.text).toContain(`href="/claims/${c.id}"`);
    }
    expect(res.text).toMatch(/<a href="#claim-\d+" class="hl st-open( hl-multi)?"/);
    expect(res.text).toContain('id="lg-st-open"');
    expect(res.text).toContain('data-testid="legend"');
    expect(res.text).not.toMatch(/style=/);
    expect(res.text).not.toMatch(/<script(?![^>]*src="\/static\/)/);
  });

  it('colours and describes claims by status and verdict, in words as well as styles', async () => {
    const [first] = await findClaimsByDocumentId(db.engine.db, documentId);
    await updateClaim(db.ctx, editor.actor, first!.id, {
      version: first!.version,
      status: 'resolved',
      verdict: 'inaccurate',
      correction: 'Ang tamang bilang ay 300,000.',
    });
    const res = await user.get(`/documents/${documentId}`);
    // The mark leads to the card, which says it in words; the mark points at the legend's words.
    expect(res.text).toMatch(
      new RegExp(
        `<a href="#claim-${first!.id}" class="hl st-resolved vd-inaccurate[^"]*"[^>]* aria-describedby="lg-st-resolved lg-vd-inaccurate`,
      ),
    );
    expect(res.text).toContain('<span id="lg-vd-inaccurate">Verdict: Inaccurate</span>');
    expect(res.text).toContain('<span class="visually-hidden">Verdict: </span>Inaccurate');
  });

  it('lists the claims in text order and filters the list by status, kind and verdict', async () => {
    const claims = await findClaimsByDocumentId(db.engine.db, documentId);
    const all = await user.get(`/documents/${documentId}`);
    const listed = [...all.text.matchAll(/<li data-nav-item data-claim-id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(listed).toEqual(claims.map((c) => c.id));

    const resolved = await user.get(`/documents/${documentId}?status=resolved&verdict=inaccurate`);
    expect(resolved.status).toBe(200);
    expect([...resolved.text.matchAll(/<li data-nav-item/g)]).toHaveLength(1);
    expect(resolved.text).toContain(`(1 of ${claims.length})`);
    const kind = claims.find((c) => c.kind === 'date')!;
    const dates = await user.get(`/documents/${documentId}?kind=date`);
    expect(dates.text).toContain(`data-claim-id="${kind.id}"`);
    expect([...dates.text.matchAll(/<li data-nav-item/g)]).toHaveLength(claims.filter((c) => c.kind === 'date').length);
  });

  it('refuses an unknown filter value with the message next to the filter', async () => {
    const res = await user.get(`/documents/${documentId}?status=finished`);
    expect(res.status).toBe(400);
    expect(res.text).toContain('id="status-error"');
    expect(res.text).toContain('must be one of: open, in_review, resolved, dismissed');
    const unknown = await user.get(`/documents/${documentId}?colour=red`);
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('<p>colour: is not an allowed field</p>');
  });

  it('answers 404 for a missing or malformed document', async () => {
    expect((await user.get('/documents/999999')).status).toBe(404);
    expect((await user.get('/documents/abc')).status).toBe(404);
  });

  it('lets a viewer read but not add claims or re-extract', async () => {
    const viewer = browser(app, (await signIn(db.ctx, 'viewer')).cookie);
    const res = await viewer.get(`/documents/${documentId}`);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('id="add-claim"');
    expect(res.text).not.toContain('Re-extract claims');
    const before = await tableChecksums(db.engine.db);
    const post = await viewer.post(
      `/documents/${documentId}/claims`,
      { quote: 'Iraq', occurrence: 1, kind: 'other' },
      `/documents/${documentId}`,
    );
    expect(post.status).toBe(403);
    expect((await viewer.post(`/documents/${documentId}/reextract`, {}, `/documents/${documentId}`)).status).toBe(403);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });

  it('lists documents with language, date, progress and errors found, and imports from the form', async () => {
    const list = await user.get('/documents');
    expect(list.status).toBe(200);
    expect(list.text).toContain('Digmaan &lt;sa&gt; Iraq');
    expect(list.text).toMatch(/1 of \d+ claims checked/);
    expect(list.text).toContain('1 error');
    const form = await user.get('/documents/new');
    expect(form.text).toContain('<label for="title">Title</label>');
    const res = await user.post(
      '/documents',
      { title: 'Maikling balita', text: 'Noong 2003, 140,000 sundalo ang pumasok sa Iraq.', language: 'tl' },
      '/documents/new',
    );
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/documents\/\d+$/);
    const page = await follow(user, res);
    expect(page.text).toMatch(/Imported “Maikling balita”: \d+ claims? found\./);
  });
});
