import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { updateClaim } from '../../src/claims/claim.service.js';
import { findClaimById } from '../../src/claims/claim.repository.js';
import { testApp } from '../helpers/app.js';
import { listen, openBrowser, screenshot, type TestBrowser } from '../helpers/browser.js';
import { engineName, openTestDb, type TestDb } from '../helpers/db.js';
import { buildDocument, buildUser } from '../helpers/factories.js';

const flashText = (page: Page) =>
  page
    .locator('.flash')
    .allInnerTexts()
    .then((t) => t.join(' | '));

describe(`the review desk with JavaScript turned off (${engineName})`, () => {
  let db: TestDb;
  let server: Awaited<ReturnType<typeof listen>>;
  let chrome: TestBrowser;
  let documentId: number;
  beforeAll(async () => {
    db = await openTestDb();
    server = await listen(testApp(db));
    chrome = await openBrowser({ javaScriptEnabled: false });
    documentId = (await buildDocument(db.ctx)).document.id;
    const editor = await buildUser(db.ctx, 'editor', 'Noel Script');
    const { page } = chrome;
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Email').fill(editor.email);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/`);
  });
  afterAll(async () => {
    await chrome?.close();
    await server?.close();
    await db?.close();
  });

  it('adds a claim with the form, adds a source (after a refused one) and resolves the claim, all by plain form posts', async () => {
    const { page } = chrome;
    await page.goto(`${server.url}/documents/${documentId}`);
    await page.locator('#quote').fill('ang nasirang hukbong panghimpapawid');
    await page.locator('#kind').selectOption('event');
    await page.locator('[data-add-claim-form] button[type="submit"]').click();
    expect(await flashText(page)).toMatch(/Added claim #\d+ \(event\)/);
    await page.locator('.claim-link', { hasText: 'ang nasirang hukbong panghimpapawid' }).click();
    expect(await page.locator('h1').innerText()).toMatch(/^Claim #\d+$/);
    const claimId = Number(/\/claims\/(\d+)/.exec(page.url())?.[1]);
    expect(await page.locator('.review-advice').count()).toBe(0); // claim-review.js did not run

    // <details> opens without scripts; a refused source keeps what was typed.
    await page.getByLabel('URL').fill('not a link');
    await page.getByLabel(/^Title/).fill('Air force losses, 1991');
    await page.getByLabel('Stance').selectOption('supports');
    await page.getByRole('button', { name: 'Add source' }).click();
    expect(await page.locator('#source-new-url-error').innerText()).toContain('must be a full http(s) URL');
    expect(await page.getByLabel(/^Title/).inputValue()).toBe('Air force losses, 1991');
    await page.getByLabel('URL').fill('https://example.org/air-force-1991');
    await page.getByRole('button', { name: 'Add source' }).click();
    expect(await flashText(page)).toContain('Added the source “Air force losses, 1991” (Supports)');

    await page.getByLabel('Status').selectOption('resolved');
    await page.locator('#verdict').selectOption('accurate');
    await page.getByLabel(/^Explanation/).fill('Matches the 1991 damage assessments.');
    await page.getByRole('button', { name: 'Save review' }).click();
    expect(await flashText(page)).toContain(`Claim #${claimId} resolved as Accurate.`);
    expect(await findClaimById(db.engine.db, claimId)).toMatchObject({
      status: 'resolved',
      verdict: 'accurate',
      explanation: 'Matches the 1991 damage assessments.',
    });
  });

  it('shows the edit conflict and applies the change again with one click', async () => {
    const { page } = chrome;
    const claim = await db.engine.db.selectFrom('claims').select('id').where('status', '=', 'open').orderBy('id').executeTakeFirstOrThrow();
    await page.goto(`${server.url}/claims/${claim.id}`);
    const seen = (await findClaimById(db.engine.db, claim.id))!;
    await updateClaim(db.ctx, { id: null, name: 'Another tab', role: 'admin' }, claim.id, {
      version: seen.version,
      status: 'in_review',
      explanation: 'Their explanation',
    });

    await page.getByLabel(/^Explanation/).fill('My explanation');
    await page.getByRole('button', { name: 'Save review' }).click();
    expect(await page.locator('h1').innerText()).toBe(`Claim #${claim.id} changed while you were editing`);
    // Only what this user changed is theirs to re-apply; the other tab's status change stays.
    expect(await page.locator('tr.differs th').allInnerTexts()).toEqual([expect.stringContaining('Explanation')]);
    expect(await screenshot(page, 'conflict')).toBeGreaterThan(10_000);
    await page.getByRole('button', { name: 'Apply my change again' }).click();
    expect(await flashText(page)).toContain(`Saved claim #${claim.id}`);
    expect(await findClaimById(db.engine.db, claim.id)).toMatchObject({
      status: 'in_review',
      explanation: 'My explanation',
      version: seen.version + 2,
    });
  });
});
