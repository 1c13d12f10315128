import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { updateClaim } from '../../../src/claims/claim.service.js';
import type { Claim } from '../../../src/claims/claim.js';
import { addNote } from '../../../src/notes/note.service.js';
import { addSource } from '../../../src/sources/source.service.js';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';
import { addEvidence, countingApp, esc } from './support.js';

describe(`claim page (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let claims: Claim[];
  let editor: Awaited<ReturnType<typeof signIn>>;
  let reviewer: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    ({ claims } = await buildDocument(db.ctx));
    editor = await signIn(db.ctx, 'editor', 'Ed Itor');
    reviewer = await signIn(db.ctx, 'reviewer', 'Rita Reviewer');
  });
  afterAll(() => db.close());

  it('shows the quote in its sentence with the sentences around it, why it was flagged, and the previous and next claim', async () => {
    const [prev, claim, next] = [claims[2]!, claims[3]!, claims[4]!];
    const res = await browser(app, editor.cookie).get(`/claims/${claim.id}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`<mark class="claim-quote">${esc(claim.quote)}</mark>`);
    expect(res.text).toMatch(/<span class="context-around">[^<]+<\/span>/);
    expect(res.text).toContain(`rel="prev" href="/claims/${prev.id}"`);
    expect(res.text).toContain(`rel="next" href="/claims/${next.id}"`);
    for (const reason of claim.reasons) expect(res.text).toContain(`<li>${esc(reason)}</li>`);
    expect(res.text).toContain(`${Math.round(claim.score * 100)} / 100`);
    expect(res.text).toContain('id="verdict"');

    const first = await browser(app, editor.cookie).get(`/claims/${claims[0]!.id}`);
    expect(first.text).toContain('No previous claim');
    expect(first.text).not.toContain('rel="prev"');
  });

  it('groups sources by stance, lists notes and tells the history in words', async () => {
    const claim = claims[5]!;
    await addSource(db.ctx, reviewer.actor, claim.id, {
      url: 'https://example.org/supports',
      title: 'A supporting census',
      stance: 'supports',
    });
    await addSource(db.ctx, reviewer.actor, claim.id, {
      url: 'https://example.org/refutes',
      title: 'The official record',
      publisher: 'Gazette',
      publishedOn: '2004-03-01',
      stance: 'refutes',
    });
    await addNote(db.ctx, reviewer.actor, claim.id, 'Checked <the> archive & found a mismatch.');
    await updateClaim(db.ctx, reviewer.actor, claim.id, { version: claim.version, status: 'in_review', proposedVerdict: 'inaccurate' });
    const res = await browser(app, editor.cookie).get(`/claims/${claim.id}`);
    expect(res.text).toContain('Sources <span class="count">(2)</span>');
    const refutes = res.text.indexOf('Refutes the claim (1)');
    const supports = res.text.indexOf('Supports the claim (1)');
    expect(refutes).toBeGreaterThan(0);
    expect(supports).toBeGreaterThan(refutes);
    expect(res.text).toContain('The official record');
    expect(res.text).toContain('Gazette · 1 Mar 2004');
    expect(res.text).toContain('Checked &lt;the&gt; archive &amp; found a mismatch.');
    expect(res.text).toContain('<strong>Rita Reviewer</strong> started reviewing');
    expect(res.text).toContain('changed the status from <q>Open</q> to <q>In review</q>');
    expect(res.text).toContain('changed the proposed verdict from <q>nothing</q> to <q>Inaccurate</q>');
    expect(res.text).toContain('<strong>Rita Reviewer</strong> added a source (Refutes)');
    expect(res.text).toContain('flagged the claim (automatic extraction)');
  });

  it('preselects the proposed verdict for an editor and offers the assignee picker; a reviewer gets the research controls only, with reasons', async () => {
    const claim = claims[5]!;
    const asEditor = await browser(app, editor.cookie).get(`/claims/${claim.id}`);
    const verdictSelect = /<select id="verdict" name="verdict"[^>]*>([\s\S]*?)<\/select>/.exec(asEditor.text)?.[1] ?? '';
    expect(verdictSelect).toMatch(/<option value="inaccurate" selected>/);
    expect(asEditor.text).toContain('<select id="assigneeId" name="assigneeId"');
    expect(asEditor.text).toContain('Rita Reviewer (reviewer)');

    const asReviewer = await browser(app, reviewer.cookie).get(`/claims/${claim.id}`);
    expect(asReviewer.text).toContain('<select id="verdict" name="proposedVerdict"');
    expect(asReviewer.text).toMatch(/<select id="final-verdict" name="verdict" disabled/);
    expect(asReviewer.text).toMatch(/<option value="resolved"\s+disabled>Resolved \(editors only\)/);
    expect(asReviewer.text).toContain('Only editors merge, split and dismiss claims.');
    expect(asReviewer.text).toMatch(/<button type="submit" class="danger" disabled aria-describedby="restructure-hint">Dismiss claim/);
    expect(asReviewer.text).not.toContain('name="assigneeId"');
    expect(asReviewer.text).toContain('Add a source');

    const viewer = await signIn(db.ctx, 'viewer');
    const asViewer = await browser(app, viewer.cookie).get(`/claims/${claim.id}`);
    expect(asViewer.status).toBe(200);
    expect(asViewer.text).toContain('<fieldset class="plain" disabled>');
    expect(asViewer.text).toContain('can read claims but not change them');
    expect(asViewer.text).not.toContain(`action="/claims/${claim.id}/sources"`);
    expect(asViewer.text).not.toContain(`action="/claims/${claim.id}/notes"`);
  });

  it('answers 404 for a claim that does not exist or a malformed id', async () => {
    const user = browser(app, editor.cookie);
    expect((await user.get('/claims/987654')).status).toBe(404);
    expect((await user.get('/claims/0')).status).toBe(404);
    expect((await user.get('/claims/12abc')).status).toBe(404);
    expect((await user.get('/claims/99999999999')).status).toBe(404);
  });

  it('runs the same number of queries for a claim with 1 source and note as for one with 20', async () => {
    const counting = countingApp(db);
    const [small, large] = [claims[7]!, claims[8]!];
    await addEvidence(db.ctx, reviewer.actor, small.id, 1);
    await addEvidence(db.ctx, reviewer.actor, large.id, 20);
    const user = browser(counting.app, editor.cookie);
    const measure = async (id: number) => {
      counting.reset();
      const res = await user.get(`/claims/${id}`);
      expect(res.status).toBe(200);
      return counting.count();
    };
    await measure(small.id); // a first request may refresh the session's last-seen time
    const one = await measure(small.id);
    const twenty = await measure(large.id);
    expect((await user.get(`/claims/${large.id}`)).text.match(/class="source-card/g)).toHaveLength(20);
    expect(twenty).toBe(one);
    // session + claim, document, neighbours, sources, notes, history, users, seen-before matches
    // (their sources are a tenth query only when there are matches)
    expect(one).toBeLessThanOrEqual(9);
  });
});
