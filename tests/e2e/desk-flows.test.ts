import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { testApp } from '../helpers/app.js';
import { listen, openBrowser, selectInArticle, type TestBrowser } from '../helpers/browser.js';
import { engineName, openTestDb, type TestDb } from '../helpers/db.js';
import { buildDocument, buildUser, seedText } from '../helpers/factories.js';
import { listDocumentClaims } from '../../src/claims/claim.service.js';
import type { SignedInActor } from '../../src/request-context.js';

/** The password buildUser gives every user. */
const PASSWORD = 'correct horse battery';

async function signInAs(page: Page, base: string, email: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname !== '/login');
}

const flashText = (page: Page) =>
  page
    .locator('.flash')
    .allInnerTexts()
    .then((t) => t.join(' | '));
/** What has focus, described well enough to tell the error summary from a field or the body. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return el.hasAttribute('data-error-summary') ? 'error-summary' : `#${el.id}`;
  });
const documentTitles = (page: Page) => page.locator('main table a[href^="/documents/"]').allInnerTexts();

/**
 * The browser half of issue 14's document and review-desk fixes, each walked as a user would in
 * a real Chromium: every assertion is on something only the feature puts on the page.
 */
describe(`documents and the review desk in Chromium (${engineName})`, () => {
  let db: TestDb;
  let server: Awaited<ReturnType<typeof listen>>;
  let chrome: TestBrowser;
  let editor: SignedInActor;
  const url = (path: string) => `${server.url}${path}`;
  beforeAll(async () => {
    db = await openTestDb();
    server = await listen(testApp(db));
    chrome = await openBrowser();
    editor = await buildUser(db.ctx, 'editor', 'Edna Editor');
    await signInAs(chrome.page, server.url, editor.email);
  });
  afterAll(async () => {
    await chrome?.close();
    await server?.close();
    await db?.close();
  });

  it('archives a document from its reader, then restores it from the archived list', async () => {
    const { page } = chrome;
    const doc = await buildDocument(db.ctx, { title: 'Balitang itatabi' });
    await page.goto(url(`/documents/${doc.document.id}`));
    await page.getByRole('button', { name: 'Archive document' }).click();
    await page.waitForLoadState('load');
    await page.goto(url('/documents'));
    expect(await documentTitles(page)).not.toContain('Balitang itatabi');
    await page.goto(url('/documents/archived'));
    expect(await page.getByTestId('archived-table').innerText()).toContain('Balitang itatabi');
    await page.getByRole('button', { name: 'Restore Balitang itatabi' }).click();
    await page.waitForLoadState('load');
    await page.goto(url('/documents/archived'));
    expect(await page.locator('main').innerText()).not.toContain('Balitang itatabi');
    await page.goto(url('/documents'));
    expect(await documentTitles(page)).toContain('Balitang itatabi');
  }, 120_000);

  it('deletes a document through a confirmation page that names what will be lost', async () => {
    const { page } = chrome;
    const doc = await buildDocument(db.ctx, { title: 'Balitang buburahin' });
    const claims = await listDocumentClaims(db.ctx, editor, doc.document.id);
    expect(claims.length).toBeGreaterThan(1);
    await page.goto(url(`/documents/${doc.document.id}`));
    await page.getByRole('link', { name: 'Delete document…' }).click();
    await page.waitForURL(url(`/documents/${doc.document.id}/delete`));
    expect(await page.locator('h1').innerText()).toBe('Delete “Balitang buburahin”?');
    expect(await page.getByTestId('deletion-contents').innerText()).toContain(`${claims.length} claims and their review history`);
    await page.getByRole('button', { name: 'Delete the document' }).click();
    await page.waitForURL((u) => u.pathname !== `/documents/${doc.document.id}/delete`);
    expect(await documentTitles(page)).not.toContain('Balitang buburahin');
    const gone = await page.goto(url(`/documents/${doc.document.id}`));
    expect(gone?.status()).toBe(404);
  }, 120_000);

  it('shows a long text in parts, and adds a claim selected in part 2 at its place in the whole text', async () => {
    const { page } = chrome;
    // 27 lines of four claims each: 108 claims, more than a list page, so two parts; part 2 from line 26.
    const line = (i: number) =>
      `Talata ${i + 1}: ayon sa tagapagsalita ng lungsod, ${1000 + i} pamilya ang lumikas noong Marso ${1990 + i}.\n`;
    const text = Array.from({ length: 27 }, (_, i) => line(i)).join('');
    const doc = await buildDocument(db.ctx, { title: 'Mahabang ulat sa browser', text });
    await page.goto(url(`/documents/${doc.document.id}`));
    const pager = page.getByRole('navigation', { name: 'Parts of the text' });
    expect(await pager.innerText()).toMatch(/Part 1 of 2/);
    await pager.getByRole('link', { name: 'Next part' }).click();
    await expect.poll(() => pager.innerText()).toMatch(/Part 2 of 2/);
    expect(await page.getByTestId('article-text').innerText()).toMatch(/^Talata 26:/);

    // The passage is on every line; selected on line 26 it is the 26th occurrence in the document.
    await selectInArticle(page, 'pamilya ang lumikas');
    await page.locator('[data-selection-add]').click();
    await page.locator('#kind').selectOption('event');
    await page.locator('[data-add-claim-form] button[type="submit"]').click();
    await expect.poll(() => flashText(page)).toMatch(/Added claim/);
    const added = (await listDocumentClaims(db.ctx, editor, doc.document.id)).filter((c) => c.quote === 'pamilya ang lumikas');
    expect(added.map((c) => c.start)).toEqual([text.indexOf('pamilya ang lumikas', text.indexOf('Talata 26:'))]);
  });

  it('refuses a duplicate import with a link to the existing document, and "Import anyway" imports it', async () => {
    const { page } = chrome;
    // Both copies are pasted, as a user importing the same article twice would: a textarea sends
    // CRLF line ends, so the first copy goes through the same form.
    const text = `${seedText()}\n\nIsang talata para sa pagsubok ng kopya.`;
    await page.goto(url('/documents/new'));
    await page.getByLabel('Title').fill('Orihinal na balita');
    await page.getByLabel('Language').selectOption('tl');
    await page.locator('#text').fill(text);
    await page.getByRole('button', { name: 'Import and find claims' }).click();
    await expect.poll(() => page.locator('h1').innerText(), { timeout: 60_000 }).toBe('Orihinal na balita');
    const existingPath = new URL(page.url()).pathname;
    await page.goto(url('/documents/new'));
    await page.getByLabel('Title').fill('Kopya ng balita');
    await page.getByLabel('Language').selectOption('tl');
    await page.locator('#text').fill(text);
    await page.getByRole('button', { name: 'Import and find claims' }).click();
    await page.waitForLoadState('load');
    const link = page.getByRole('link', { name: 'Open the existing document' });
    expect(await link.getAttribute('href')).toBe(existingPath);
    expect(new URL(page.url()).pathname).toBe('/documents');
    await page.getByRole('button', { name: 'Import anyway' }).click();
    await expect.poll(() => page.locator('h1').innerText(), { timeout: 60_000 }).toBe('Kopya ng balita');
    const copyPath = new URL(page.url()).pathname;
    expect(copyPath).toMatch(/^\/documents\/\d+$/);
    expect(copyPath).not.toBe(existingPath);
  }, 120_000);

  it('puts a focused error summary on a refused review, whose link moves focus to the verdict field', async () => {
    const { page } = chrome;
    const doc = await buildDocument(db.ctx, { title: 'Balitang susuriin' });
    const [claim] = await listDocumentClaims(db.ctx, editor, doc.document.id);
    await page.goto(url(`/claims/${claim!.id}`));
    expect(await focused(page)).not.toBe('error-summary');
    await page.locator('#status').selectOption('resolved');
    await page.locator('#verdict').selectOption('');
    await page.getByRole('button', { name: 'Save review' }).click();
    await page.waitForLoadState('load');
    const summary = page.locator('[data-error-summary]');
    expect(await summary.getAttribute('role')).toBe('alert');
    await expect.poll(() => focused(page)).toBe('error-summary');
    const toVerdict = summary.locator('a[href="#verdict"]');
    expect(await toVerdict.innerText()).toMatch(/verdict/i);
    await toVerdict.click();
    await expect.poll(() => focused(page)).toBe('#verdict');
    // The field keeps its own message next to it.
    expect(await page.locator('#verdict').getAttribute('aria-invalid')).toBe('true');
  }, 120_000);

  it("asks for a confirmation and a reason before a bulk dismissal, and writes the reason into each claim's history", async () => {
    const { page } = chrome;
    await buildDocument(db.ctx, { title: 'Balitang ibabasura' });
    await page.goto(url('/claims?status=open'));
    const boxes = page.locator('input[name="claimIds"]');
    const ids = [await boxes.nth(0).getAttribute('value'), await boxes.nth(1).getAttribute('value')];
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole('button', { name: 'Dismiss selected' }).click();
    await page.waitForLoadState('load');
    // Refused: nothing dismissed yet, and the summary names both missing pieces.
    const summary = page.locator('[data-error-summary]');
    expect(await summary.locator('a[href="#bulk-reason"]').count()).toBe(1);
    expect(await summary.locator('a[href="#bulk-confirm"]').count()).toBe(1);
    for (const id of ids) {
      const res = await page.request.get(url(`/claims/${id}`));
      expect(await res.text()).not.toContain('Duplicates the wire story');
    }
    const selected = await page
      .locator('input[name="claimIds"]:checked')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(selected.sort()).toEqual([...ids].sort());
    await page.getByLabel('Reason for dismissing').fill('Duplicates the wire story already checked');
    await page.getByLabel('Yes, dismiss the selected claims').check();
    await page.getByRole('button', { name: 'Dismiss selected' }).click();
    await expect.poll(() => flashText(page)).toMatch(/2/);
    for (const id of ids) {
      await page.goto(url(`/claims/${id}`));
      expect(await page.locator('.claim-badges').innerText()).toMatch(/Dismissed/);
      expect(await page.locator('#history').innerText()).toContain('Duplicates the wire story already checked');
    }
  }, 120_000);
});
