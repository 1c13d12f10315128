import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';

// No spaces, so it also passes the `next` check (a same-site path of printable characters).
const payload = (where: string) => `/"><script>alert("${where}")</script><img/src=x/onerror=alert("${where}")>`;
const escaped = (where: string) => `/&#34;&gt;&lt;script&gt;alert(&#34;${where}&#34;)&lt;/script&gt;`;
const leaked = /<script>alert|<img\/src=x\/onerror/;

/**
 * Every query parameter a page reflects, sent with a payload that breaks out of an attribute
 * (issue 20: the XSS test visited pages without query strings, so `<%-` on the search box passed).
 */
describe(`reflected query parameters render inert (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let admin: string;
  let documentId: number;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    ({ cookie: admin } = await signIn(db.ctx, 'admin'));
    ({
      document: { id: documentId },
    } = await buildDocument(db.ctx, {
      title: 'Reflected',
      text: 'Sinabi ng pangulo na umabot sa 40 porsiyento ang pagtaas noong 2003.\n',
    }));
  });
  afterAll(() => db.close());
  const page = (path: string) => request(app).get(path).set('Cookie', admin);

  it('echoes the queue search box escaped, with the typed text kept', async () => {
    const res = await page(`/claims?q=${encodeURIComponent(payload('q'))}`);
    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(leaked);
    expect(res.text).toContain(`name="q" type="search" maxlength="200" value="${escaped('q')}`);
  });

  it.each(['status', 'verdict', 'kind', 'sort', 'assignee', 'documentId', 'page'])(
    'keeps a payload in the queue filter %s inert',
    async (param) => {
      for (const path of [
        `/claims?${param}=${encodeURIComponent(payload(param))}`,
        `/claims?q=x&${param}=${encodeURIComponent(payload(param))}`,
      ]) {
        const res = await page(path);
        expect(res.status, path).toBeLessThan(500);
        expect(res.text, path).not.toMatch(leaked);
      }
    },
  );

  it.each(['document', 'from', 'to', 'verdict', 'includeOpen', 'format'])(
    'keeps a payload in the workspace report filter %s inert',
    async (param) => {
      const res = await page(`/reports?${param}=${encodeURIComponent(payload(param))}`);
      expect(res.status).toBeLessThan(500);
      expect(res.text).not.toMatch(leaked);
    },
  );

  it.each(['includeOpen', 'format'])('keeps a payload in the document report parameter %s inert', async (param) => {
    const res = await page(`/documents/${documentId}/report?${param}=${encodeURIComponent(payload(param))}`);
    expect(res.status).toBeLessThan(500);
    expect(res.text).not.toMatch(leaked);
  });

  it('carries `next` through the sign-in form escaped', async () => {
    const res = await request(app).get(`/login?next=${encodeURIComponent(payload('next'))}`);
    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(leaked);
    expect(res.text).toContain(`name="next" value="${escaped('next')}`);
  });

  it('echoes the audit log search escaped in its box', async () => {
    const res = await page(`/admin/audit?q=${encodeURIComponent(payload('audit'))}`);
    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(leaked);
    expect(res.text).toContain(`value="${escaped('audit')}`);
    const paged = await page(`/admin/audit?page=${encodeURIComponent(payload('page'))}`);
    expect(paged.status).toBeLessThan(500);
    expect(paged.text).not.toMatch(leaked);
  });
});
