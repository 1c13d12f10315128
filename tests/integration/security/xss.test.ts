import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { createClaim, updateClaim } from '../../../src/claims/claim.service.js';
import { importDocument } from '../../../src/documents/document.service.js';
import { addNote } from '../../../src/notes/note.service.js';
import { addSource } from '../../../src/sources/source.service.js';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildUser, signIn } from '../../helpers/factories.js';
import { csrfFrom, formBody, securityChecksums } from './helpers.js';
import { inlineCode, pagePaths } from './pages.js';
import { listRoutes } from './route-table.js';

// Each payload names where it was planted, so a failure says which field leaked.
const payload = (where: string) => `<script>alert("${where}")</script><img src=x onerror=alert("${where}")><svg onload=alert("${where}")>`;
const leaked = /<script>alert|<img src=x onerror|<svg onload/;
const exportFormats = ['html', 'redline', 'md', 'corrected', 'csv', 'json', 'claimreview'];

describe(`XSS payloads render inert on every page and in every export (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let documentId: number;
  let claimId: number;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    admin = await signIn(db.ctx, 'admin', payload('admin name'));
    const editor = await buildUser(db.ctx, 'editor', payload('editor name'));
    const text = `In 2003, ${payload('quote')} the coalition sent 140,000 troops to Iraq, according to the Pentagon.`;
    const { document } = await importDocument(db.ctx, editor, {
      title: payload('title'),
      text,
      language: 'en',
      sourceUrl: `https://example.org/?q='onmouseover='alert(1)`,
    });
    documentId = document.id;
    const claim = await createClaim(db.ctx, editor, document.id, { kind: 'quote', quote: payload('quote') });
    claimId = claim.id;
    await addSource(db.ctx, editor, claim.id, {
      url: "https://example.org/a?b='onmouseover='alert(2)",
      title: payload('source title'),
      publisher: payload('publisher'),
      excerpt: payload('excerpt'),
      stance: 'refutes',
    });
    await addNote(db.ctx, editor, claim.id, payload('note'));
    const reviewing = await updateClaim(db.ctx, editor, claim.id, {
      version: claim.version,
      status: 'in_review',
      assigneeId: editor.id,
      correction: payload('correction'),
      explanation: payload('explanation'),
    });
    await updateClaim(db.ctx, editor, claim.id, { version: reviewing.claim.version, status: 'resolved', verdict: 'inaccurate' });
    const note = await request(app)
      .put(`/api/v1/documents/${document.id}/correction-note`)
      .set('Authorization', admin.bearer)
      .send({ note: payload('correction note'), version: document.version });
    expect(note.status, note.text).toBe(200);
  });
  afterAll(() => db.close());

  it('escapes every planted payload on every page the app serves', async () => {
    const paths = pagePaths(listRoutes(app), { documentId, claimId, userId: admin.actor.id, invitationToken: 'x'.repeat(43) });
    const checked: string[] = [];
    for (const path of paths) {
      const res = await request(app).get(path).set('Cookie', admin.cookie);
      if (!res.headers['content-type']?.startsWith('text/html')) continue;
      expect(res.text, path).not.toMatch(leaked);
      expect(inlineCode(res.text), path).toEqual([]);
      checked.push(path);
    }
    const page = await request(app).get(`/claims/${claimId}`).set('Cookie', admin.cookie);
    expect(page.text).toContain('&lt;script&gt;alert(&#34;correction&#34;)&lt;/script&gt;');
    expect(checked).toEqual(
      expect.arrayContaining([
        '/',
        '/documents',
        `/documents/${documentId}`,
        '/claims',
        `/claims/${claimId}`,
        `/documents/${documentId}/report`,
        '/admin/users',
        '/admin/audit',
        '/account',
      ]),
    );
  });

  it.each(exportFormats)('keeps the payloads inert in the %s export', async (format) => {
    const res = await request(app).get(`/documents/${documentId}/report?format=${format}&includeOpen=true`).set('Cookie', admin.cookie);
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    const type = String(res.headers['content-type']);
    if (type.startsWith('text/html')) {
      expect(res.text).not.toMatch(leaked);
      expect(inlineCode(res.text).filter((f) => !f.startsWith('<style>'))).toEqual([]);
      expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
      expect(res.headers['content-security-policy']).not.toMatch(/script-src(?![^;]*'none')/);
    } else if (format === 'md') {
      expect(res.text).not.toMatch(/(?<!\\)<(script|img|svg)/);
    } else {
      // Not a page: JSON and CSV are served as what they are, and nosniff stops a browser guessing HTML.
      expect(type).not.toMatch(/html/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(res.text.length).toBeGreaterThan(100);
  });

  it('refuses javascript: and other non-http URLs for sources and documents, writing nothing', async () => {
    const before = await securityChecksums(db.engine.db);
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      'https://example.org/"><script>',
    ]) {
      const api = await request(app)
        .post(`/api/v1/claims/${claimId}/sources`)
        .set('Authorization', admin.bearer)
        .send({ url, stance: 'supports' });
      expect(api.status, url).toBe(400);
      expect(api.body.error.fields.map((f: { field: string }) => f.field)).toContain('url');
      const { token, cookie } = await csrfFrom(app, `/claims/${claimId}`, admin.cookie);
      const form = await request(app)
        .post(`/claims/${claimId}/sources`)
        .set('Cookie', cookie)
        .type('form')
        .send(formBody({ _csrf: token, url, stance: 'supports' }));
      expect(form.status, url).toBe(400);
      if (!url.startsWith('https:')) {
        const doc = await request(app)
          .post('/api/v1/documents')
          .set('Authorization', admin.bearer)
          .send({ title: 'x', text: 'In 2004 the council spent 3.2 million pesos.', sourceUrl: url });
        expect(doc.status, url).toBe(400);
      }
    }
    expect(await securityChecksums(db.engine.db)).toEqual(before);
  });
});
