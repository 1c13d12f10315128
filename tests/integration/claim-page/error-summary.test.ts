import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import type { Claim } from '../../../src/claims/claim.js';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, buildUser, signIn } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';
import { decode } from './support.js';

/** The error summary's box and its lines (link target, text), as the page renders them. */
function summaryOf(html: string) {
  const box = /<div class="error-summary"([^>]*)>([\s\S]*?)<\/div>/.exec(html);
  if (!box) return null;
  const items = [...box[2]!.matchAll(/<li>(?:<a href="([^"]*)">)?([^<]*)/g)].map((m) => ({
    href: m[1] ?? null,
    text: decode(m[2]!).trim(),
  }));
  return { attributes: box[1]!, items };
}

describe(`error summary on refused forms (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let claims: Claim[];
  let editor: ReturnType<typeof browser>;
  let admin: ReturnType<typeof browser>;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    ({ claims } = await buildDocument(db.ctx));
    editor = browser(app, (await signIn(db.ctx, 'editor', 'Ed Itor')).cookie);
    admin = browser(app, (await signIn(db.ctx, 'admin', 'Ada Admin')).cookie);
  });
  afterAll(() => db.close());

  it('resolving without a verdict returns 400 with a focusable role="alert" summary first in main, linking to the verdict field, and keeps the inline message', async () => {
    const claim = claims[0]!;
    const before = await tableChecksums(db.engine.db);
    const res = await editor.post(
      `/claims/${claim.id}`,
      { version: claim.version, status: 'resolved', verdict: '', explanation: 'Kept text' },
      `/claims/${claim.id}`,
    );
    expect(res.status).toBe(400);
    const summary = summaryOf(res.text)!;
    expect(summary.attributes).toContain('role="alert"');
    expect(summary.attributes).toContain('tabindex="-1"');
    expect(summary.attributes).toContain('data-error-summary');
    expect(summary.items).toEqual([{ href: '#verdict', text: 'Verdict is required to resolve a claim.' }]);
    // The summary opens the main content, and its link has a field to land on.
    expect(res.text).toMatch(/<main id="main" tabindex="-1">\s*<div class="error-summary"/);
    expect(res.text).toMatch(/<select id="verdict" name="verdict"/);
    expect(res.text).toMatch(/<p class="field-error" id="verdict-error">.*is required to resolve a claim/);
    expect(res.text).toContain('Kept text');
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });

  it('an invitation to a taken address (409) puts the message by the email field and in the summary', async () => {
    const taken = await buildUser(db.ctx, 'viewer', 'Vi Ewer');
    const res = await admin.post('/admin/users', { email: taken.email, displayName: 'Someone Else', role: 'reviewer' }, '/admin/users');
    expect(res.status).toBe(409);
    const summary = summaryOf(res.text)!;
    expect(summary.items).toHaveLength(1);
    expect(summary.items[0]!.href).toBe('#email');
    expect(summary.items[0]!.text).toMatch(/\.$/);
    expect(res.text).toContain('id="email-error"');
  });

  it('a sign-in with a wrong password (401) lists the form-level message without a link', async () => {
    const res = await browser(app, '').post('/login', { email: 'nobody@example.org', password: 'wrong password here' }, '/login');
    expect(res.status).toBe(401);
    const summary = summaryOf(res.text)!;
    expect(summary.items).toHaveLength(1);
    expect(summary.items[0]!.href).toBeNull();
  });

  it('a page that was not refused has no summary', async () => {
    const res = await editor.get(`/claims/${claims[1]!.id}`);
    expect(res.status).toBe(200);
    expect(summaryOf(res.text)).toBeNull();
  });
});
