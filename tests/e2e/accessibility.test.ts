import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { testApp } from '../helpers/app.js';
import { listen, openBrowser, type TestBrowser } from '../helpers/browser.js';
import { engineName, openTestDb, type TestDb } from '../helpers/db.js';
import { buildDocument, buildUser } from '../helpers/factories.js';
import { listDocumentClaims, updateClaim } from '../../src/claims/claim.service.js';
import { findClaimById } from '../../src/claims/claim.repository.js';
import type { SignedInActor } from '../../src/request-context.js';

const PASSWORD = 'correct horse battery';

/** Every rule axe-core runs by default (WCAG 2.x A and AA plus its best practices), not a chosen few. */
async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')})`,
  );
}

async function signInAs(page: Page, base: string, who: SignedInActor | null) {
  await page.context().clearCookies();
  if (!who) return;
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname !== '/login');
}

/**
 * axe-core on every kind of page, each seen by the role that uses it. /setup is left out: it
 * answers only before the first account exists, and every other page here needs accounts (the
 * set-up page is checked in the review-desk walk, which starts from an empty install).
 */
describe(`axe finds nothing on any page (${engineName})`, () => {
  let db: TestDb;
  let server: Awaited<ReturnType<typeof listen>>;
  let chrome: TestBrowser;
  beforeAll(async () => {
    db = await openTestDb();
    server = await listen(testApp(db));
    chrome = await openBrowser();
  });
  afterAll(async () => {
    await chrome?.close();
    await server?.close();
    await db?.close();
  });

  it('checks every page type signed in as the role that uses it', async () => {
    const { page } = chrome;
    const url = (path: string) => `${server.url}${path}`;
    const admin = await buildUser(db.ctx, 'admin', 'Ada Admin');
    const editor = await buildUser(db.ctx, 'editor', 'Edna Editor');
    const doc = await buildDocument(db.ctx, { title: 'Digmaan sa Iraq' });
    const archived = await buildDocument(db.ctx, { title: 'Lumang balita' });
    const claims = await listDocumentClaims(db.ctx, editor, doc.document.id);
    const claimId = claims[0]!.id;
    const found: Record<string, string[]> = {};
    const check = async (name: string, path: string) => {
      const response = await page.goto(url(path));
      expect(response?.status(), name).toBe(200);
      found[name] = await violations(page);
    };

    await signInAs(page, server.url, null);
    await check('login', '/login');

    await signInAs(page, server.url, editor);
    await page.goto(url(`/documents/${archived.document.id}`));
    await page.getByRole('button', { name: 'Archive document' }).click();
    await page.waitForLoadState('load');
    await check('documents', '/documents');
    await check('archived', '/documents/archived');
    await check('import', '/documents/new');
    await check('reader', `/documents/${doc.document.id}`);
    await check('delete confirmation', `/documents/${doc.document.id}/delete`);
    await check('claim', `/claims/${claimId}`);
    await check('queue', '/claims');
    await check('dashboard', '/');
    await check('report', `/documents/${doc.document.id}/report`);
    await check('reports', '/reports');
    await check('corrections log', '/corrections');
    await check('shortcuts', '/help/shortcuts');

    // The conflict page: a save against a version another tab has since changed.
    await page.goto(url(`/claims/${claimId}`));
    const seen = (await findClaimById(db.engine.db, claimId))!;
    await updateClaim(db.ctx, admin, claimId, { version: seen.version, status: 'in_review', explanation: 'Their explanation' });
    await page.getByLabel(/^Explanation/).fill('My explanation');
    await page.getByRole('button', { name: 'Save review' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('h1').innerText()).toBe(`Claim #${claimId} changed while you were editing`);
    found.conflict = await violations(page);

    // A refused form: the error summary and the inline messages.
    await page.goto(url(`/claims/${claimId}`));
    await page.locator('#status').selectOption('resolved');
    await page.locator('#verdict').selectOption('');
    await page.getByRole('button', { name: 'Save review' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('[data-error-summary]').count()).toBe(1);
    found['refused review'] = await violations(page);

    await signInAs(page, server.url, admin);
    await check('admin users', '/admin/users');
    await check('audit', '/admin/audit');
    await check('account', '/account');

    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
  }, 300_000);
});
