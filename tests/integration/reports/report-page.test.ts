import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateClaim } from '../../../src/claims/claim.service.js';
import { testApp, browser } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, buildUser, claimFor, signIn } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';
import { buildReviewedSeed } from './reviewed-seed.js';

describe(`the report page (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let documentId: number;
  let viewer: ReturnType<typeof browser>;
  let editor: ReturnType<typeof browser>;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    ({
      document: { id: documentId },
    } = await buildReviewedSeed(db.ctx));
    viewer = browser(app, (await signIn(db.ctx, 'viewer')).cookie);
    editor = browser(app, (await signIn(db.ctx, 'editor')).cookie);
  });
  afterAll(() => db.close());

  it('shows every role the finished report: summary, note, the claims in text order, downloads and a print button', async () => {
    const res = await viewer.get(`/documents/${documentId}/report`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.text;
    expect(html).toContain('<h1>Correction report: <span lang="tl">Digmaan sa Iraq</span></h1>');
    expect(html).toMatch(/<dt>Errors by verdict<\/dt><dd>32: 9 inaccurate, 2 misleading, 7 needs context, 14 typo<\/dd>/);
    expect(html).toContain('<mark>American President George H. W. Bush</mark>');
    expect(html).toContain('<div class="report-note" lang="tl"><p>Pagtutuwid: Mali ang ');
    expect(html.match(/<li class="report-claim"/g)).toHaveLength(32);
    for (const format of ['html', 'md', 'csv', 'json', 'claimreview', 'corrected', 'redline'])
      expect(html).toContain(`href="/documents/${documentId}/report?format=${format}"`);
    // The print button needs the script, so it starts hidden; no inline script or style anywhere.
    expect(html).toMatch(/<button type="button" class="button primary no-print" data-report-print hidden>Print \/ Save as PDF<\/button>/);
    expect(html).toContain('<script type="module" src="/static/js/report-print.js"></script>');
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>|\sstyle=|<style/);
    expect(html).not.toContain('Edit the correction note');
    expect((await editor.get(`/documents/${documentId}/report`)).text).toContain(`href="/documents/${documentId}/report/note"`);
  });

  it('links the report and every download from the document page', async () => {
    const html = (await viewer.get(`/documents/${documentId}`)).text;
    expect(html).toContain(`<a class="button" href="/documents/${documentId}/report">Correction report</a>`);
    for (const format of ['html', 'md', 'csv', 'json', 'claimreview', 'corrected', 'redline'])
      expect(html).toContain(`href="/documents/${documentId}/report?format=${format}" download>`);
  });

  it('lists the undecided claims too when asked, marked as not decided, and keeps the choice in the download links', async () => {
    const res = await viewer.get(`/documents/${documentId}/report?includeOpen=true`);
    const open = res.text.match(/<span class="open-badge">Open — not decided yet<\/span>/g) ?? [];
    const unreviewed = Number(/Still unreviewed<\/dt><dd>(\d+) claims/.exec(res.text)![1]);
    expect(open.length).toBe(unreviewed);
    expect(res.text.match(/<li class="report-claim"/g)).toHaveLength(32 + unreviewed);
    expect(res.text).toContain('<input type="checkbox" id="includeOpen" name="includeOpen" value="true" checked>');
    expect(res.text).toContain(`href="/documents/${documentId}/report?format=csv&amp;includeOpen=true"`);
    expect(res.text).toContain(`href="/documents/${documentId}/report?format=corrected"`);
  });

  it('says plainly when nothing has been decided yet', async () => {
    const { document } = await buildDocument(db.ctx, {
      title: 'Fresh',
      text: 'Noong 2003, umabot sa 140,000 ang mga sundalo.',
      language: 'tl',
    });
    const html = (await viewer.get(`/documents/${document.id}/report`)).text;
    expect(html).toContain('<p class="empty">No resolved claims need action.</p>');
    expect(html).toContain('No resolved errors yet, so there is nothing to correct.');
    expect(html).toMatch(/<dt>Review period<\/dt><dd>no claim resolved yet<\/dd>/);
    const md = (await viewer.get(`/documents/${document.id}/report?format=md`)).text;
    expect(md).toContain('No resolved claims need action.');
    expect(md).not.toContain('## Correction note');
  });

  it('downloads a format from the page with its filename, type and no caching', async () => {
    const res = await viewer.get(`/documents/${documentId}/report?format=md`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=claimdesk-\d+-digmaan-sa-iraq-report\.md$/);
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it.each([
    ['an unknown format', '?format=pdf', 400, /format.*must be one of: html, md, csv, json, claimreview, newsarticle, corrected, redline/],
    ['a flag that is not a boolean', '?includeOpen=maybe', 400, /includeOpen.*must be a boolean/],
    ['an unknown parameter', '?colour=red', 400, /colour.*is not an allowed field/],
  ])('refuses %s with a 400 page naming the field', async (_name, query, status, message) => {
    const res = await viewer.get(`/documents/${documentId}/report${query}`);
    expect(res.status).toBe(status);
    expect(res.text).toMatch(message);
  });

  it('answers 404 for a document that does not exist and sends the signed-out to sign in', async () => {
    expect((await viewer.get('/documents/999999/report')).status).toBe(404);
    expect((await viewer.get('/documents/abc/report?format=md')).status).toBe(404);
    const anonymous = await request(app).get(`/documents/${documentId}/report`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/login\?next=/);
    expect((await request(app).get(`/api/v1/documents/${documentId}/report`)).status).toBe(401);
  });

  it('refuses overlapping corrections with a 409 naming both claims, and writes nothing', async () => {
    const { document } = await buildDocument(db.ctx, {
      title: 'Overlap',
      text: 'Sinabi ng United Sates na binuhay ang reolusyon 678 noong 2002.',
      language: 'tl',
    });
    const boss = await buildUser(db.ctx, 'editor');
    const outer = await claimFor(db.ctx, boss, document.id, { kind: 'reference', quote: 'binuhay ang reolusyon 678' });
    const inner = await claimFor(db.ctx, boss, document.id, { kind: 'spelling', quote: 'reolusyon' });
    await updateClaim(db.ctx, boss, outer.id, {
      version: outer.version,
      status: 'resolved',
      verdict: 'inaccurate',
      correction: 'muling binuhay ang resolusyon 678',
    });
    await updateClaim(db.ctx, boss, inner.id, { version: inner.version, status: 'resolved', verdict: 'typo', correction: 'resolusyon' });
    const { bearer } = await signIn(db.ctx, 'reviewer');
    const before = await tableChecksums(db.engine.db);
    const page = await viewer.get(`/documents/${document.id}/report?format=redline`);
    expect(page.status).toBe(409);
    expect(page.text).toContain(
      `Claims #${outer.id} (“binuhay ang reolusyon 678”) and #${inner.id} (“reolusyon”) have overlapping corrections`,
    );
    const api = await request(app).get(`/api/v1/documents/${document.id}/report?format=corrected`).set('Authorization', bearer);
    expect(api.status).toBe(409);
    expect(api.body.error).toMatchObject({ code: 'conflict', claims: [outer.id, inner.id] });
    expect(await tableChecksums(db.engine.db)).toEqual(before);
    // The other formats still work: the report lists both claims.
    expect((await viewer.get(`/documents/${document.id}/report?format=md`)).text).toContain('<mark>reolusyon</mark>');
  });
});
