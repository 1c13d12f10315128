import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { testApp } from '../helpers/app.js';
import { axeViolations, listen, openBrowser, screenshot, selectInArticle, type TestBrowser } from '../helpers/browser.js';
import { engineName, openTestDb, type TestDb } from '../helpers/db.js';

const seedFile = fileURLToPath(new URL('../fixtures/iraq_tl.txt', import.meta.url));

const flashText = (page: Page) =>
  page
    .locator('.flash')
    .allInnerTexts()
    .then((t) => t.join(' | '));

describe(`the review desk in Chromium (${engineName})`, () => {
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

  it('walks a whole review, from setting up claimdesk to the dashboard numbers changing', async () => {
    const { page } = chrome;
    const url = (path: string) => `${server.url}${path}`;
    const accessibility: Record<string, unknown[]> = {};

    // A new install sends the first visitor to set-up.
    await page.goto(url('/'));
    expect(new URL(page.url()).pathname).toBe('/setup');
    await page.getByLabel('Your name').fill('Ana Santos');
    await page.getByLabel('Email').fill('ana@example.test');
    await page.getByLabel(/^Password/).fill('a long enough password');
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Dashboard');
    const summaryBefore = await page.getByTestId('dashboard-summary').innerText();

    // Import by file upload, then read it.
    await page.goto(url('/documents/new'));
    await page.getByLabel('Title').fill('Digmaan sa Iraq');
    await page.getByLabel('Language').selectOption('tl');
    await page.locator('input[type="file"]').setInputFiles(seedFile);
    await page.getByRole('button', { name: 'Import and find claims' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Digmaan sa Iraq');
    expect(await flashText(page)).toMatch(/Imported “Digmaan sa Iraq”: \d+ claims found/);
    const readerPath = new URL(page.url()).pathname;
    expect(await screenshot(page, 'reader')).toBeGreaterThan(30_000);
    accessibility.reader = await axeViolations(page);

    // Add a claim by selecting its passage in the text.
    await selectInArticle(page, 'ang nasirang hukbong panghimpapawid');
    await page.locator('[data-selection-add]').click();
    expect(await page.locator('#quote').inputValue()).toBe('ang nasirang hukbong panghimpapawid');
    await page.locator('#kind').selectOption('event');
    await page.locator('[data-add-claim-form] button[type="submit"]').click();
    await expect.poll(() => flashText(page)).toMatch(/claim/i);
    await expect.poll(() => page.locator('.claim-link', { hasText: 'ang nasirang hukbong panghimpapawid' }).count()).toBe(1);

    // Open a flagged claim and research it: a refuting source, a note, then resolve it.
    await page.goto(url(readerPath));
    await page.locator('.claim-link', { hasText: '1900s' }).first().click();
    await expect.poll(() => page.locator('h1').innerText()).toMatch(/^Claim #\d+$/);
    const claimPath = new URL(page.url()).pathname;
    await page.getByLabel('URL').fill('https://www.un.org/en/sc/repertoire/89-92/Chapter%208/MIDDLE%20EAST/item%2015_Iraq-Kuwait_.pdf');
    await page.getByLabel(/^Title/).fill('Security Council on Iraq, 1990s');
    await page.getByLabel('Stance').selectOption('refutes');
    await page.getByRole('button', { name: 'Add source' }).click();
    await expect.poll(() => flashText(page)).toContain('Added the source “Security Council on Iraq, 1990s” (Refutes)');
    await page.getByLabel(/^Add a note/).fill('Checked with the archivist: the decade is the 1990s.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => flashText(page)).toContain('Added your note.');
    // The flash shows while the page is still loading; the shortcut is there once its script has run.
    await page.waitForLoadState('load');
    await page.keyboard.press('e');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('verdict');
    await page.getByLabel('Status').selectOption('resolved');
    expect(await page.locator('.review-advice').innerText()).toBe('Choose a final verdict to resolve the claim.');
    await page.locator('#verdict').selectOption('inaccurate');
    expect(await page.locator('.review-advice').innerText()).toBe('This verdict usually comes with a proposed correction.');
    await page.getByLabel(/^Proposed correction/).fill('noong dekada 1990');
    await page.getByRole('button', { name: 'Save review' }).click();
    await expect.poll(() => flashText(page)).toMatch(/resolved as Inaccurate/);
    expect(await page.locator('.claim-badges').innerText()).toContain('Verdict: Inaccurate');
    expect(await page.locator('.stance-heading').first().innerText()).toBe('Refutes the claim (1)');
    expect(await page.locator('#history').innerText()).toContain('Ana Santos resolved the claim');
    expect(await screenshot(page, 'claim')).toBeGreaterThan(30_000);
    accessibility.claim = await axeViolations(page);
    const nextPath = await page.locator('a[rel="next"]').getAttribute('href');
    await page.locator('h1').click();
    await page.keyboard.press('j');
    await page.waitForURL(`${server.url}${nextPath}`);
    await page.keyboard.press('k');
    await page.waitForURL(`${server.url}${claimPath}`);

    // Bulk-assign three claims from the queue.
    await page.goto(url('/claims'));
    expect(await page.locator('h1').innerText()).toBe('Claims');
    const boxes = page.locator('input[name="claimIds"]');
    for (let i = 1; i <= 3; i++) await boxes.nth(i).check();
    await page.getByLabel('Assign to').selectOption({ label: 'Ana Santos' });
    await page.getByRole('button', { name: 'Assign selected' }).click();
    await expect.poll(() => flashText(page)).toMatch(/3/);
    accessibility.queue = await axeViolations(page);

    // Search for a word of the note and find the claim.
    await page.getByLabel(/^Search/).fill('archivist');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.locator('.queue-table .claim-link').count()).toBe(1);
    expect(await page.locator('.queue-table .claim-link').getAttribute('href')).toBe(claimPath);

    // The dashboard has moved.
    await page.goto(url('/'));
    expect(await page.locator('h1').innerText()).toBe('Dashboard');
    const summaryAfter = await page.getByTestId('dashboard-summary').innerText();
    expect(summaryAfter).not.toBe(summaryBefore);
    expect(summaryAfter).toContain('1 resolved claim');
    expect(await page.getByTestId('my-assignments').locator('li').count()).toBe(3);
    expect(await screenshot(page, 'dashboard')).toBeGreaterThan(20_000);
    accessibility.dashboard = await axeViolations(page);

    expect(accessibility).toEqual({ reader: [], claim: [], queue: [], dashboard: [] });
  }, 180_000); // a whole task in a real browser; a busy 2-core machine needs more than the default minute
});
