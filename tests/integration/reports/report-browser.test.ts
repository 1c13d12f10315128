import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../helpers/app.js';
import { axeViolations, listen, openBrowser, type TestBrowser } from '../../helpers/browser.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { signIn } from '../../helpers/factories.js';
import { buildReviewedSeed } from './reviewed-seed.js';

describe(`the correction report in Chromium (${engineName})`, () => {
  let db: TestDb;
  let server: Awaited<ReturnType<typeof listen>>;
  let documentId: number;
  let cookie: string;
  beforeAll(async () => {
    db = await openTestDb();
    ({
      document: { id: documentId },
    } = await buildReviewedSeed(db.ctx));
    cookie = (await signIn(db.ctx, 'editor', 'Maria Reyes')).cookie.split('=')[1]!;
    server = await listen(testApp(db));
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  async function browse(javaScriptEnabled: boolean): Promise<TestBrowser> {
    const chrome = await openBrowser({ javaScriptEnabled });
    await chrome.context.addCookies([{ name: 'claimdesk_session', value: cookie, url: server.url }]);
    return chrome;
  }

  it('takes an editor from the document to its report, edits the note, prints it to PDF, with no accessibility or CSP errors', async () => {
    const chrome = await browse(true);
    const cspErrors: string[] = [];
    chrome.page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    try {
      const { page } = chrome;
      await page.goto(`${server.url}/documents/${documentId}`);
      await page.getByRole('link', { name: 'Correction report', exact: true }).click();
      await page.waitForURL(`${server.url}/documents/${documentId}/report`);
      expect(await page.getByRole('button', { name: 'Print / Save as PDF' }).isVisible()).toBe(true);
      expect(await page.locator('li.report-claim').count()).toBe(32);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('link', { name: 'Edit the correction note' }).click();
      await page.getByLabel('Correction note').fill('Pagtutuwid: Si George W. Bush ang nagbigay ng talumpati noong 2002.');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Save the note' }).click();
      await page.waitForURL(`${server.url}/documents/${documentId}/report`);
      expect(await page.getByRole('status').innerText()).toContain('Correction note saved.');
      expect(await page.locator('.report-note').innerText()).toBe('Pagtutuwid: Si George W. Bush ang nagbigay ng talumpati noong 2002.');

      // The printed page keeps the report and drops the app around it.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      expect(await page.locator('.report-tools').isVisible()).toBe(false);
      expect(await page.locator('h1').isVisible()).toBe(true);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(20_000);
      expect(cspErrors).toEqual([]);
    } finally {
      await chrome.close();
    }
  });

  it('works without JavaScript: no dead print button, and the undecided claims toggle is a plain form', async () => {
    const chrome = await browse(false);
    try {
      const { page } = chrome;
      await page.goto(`${server.url}/documents/${documentId}/report`);
      expect(await page.getByRole('button', { name: 'Print / Save as PDF' }).isVisible()).toBe(false);
      await page.getByLabel('Include claims not decided yet').check();
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(/includeOpen=true/);
      expect(await page.locator('.open-badge').count()).toBeGreaterThan(0);
    } finally {
      await chrome.close();
    }
  });

  it('renders the downloaded redline and HTML report with their own stylesheet under their strict policy', async () => {
    const chrome = await browse(true);
    const cspErrors: string[] = [];
    chrome.page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    try {
      const { page } = chrome;
      // Each downloaded file is opened as a page with the policy it was served with: its embedded
      // stylesheet must apply (allowed by hash) and nothing else may load.
      const { bearer } = await signIn(db.ctx, 'viewer');
      for (const format of ['redline', 'html']) {
        const file = await page.request.get(`${server.url}/api/v1/documents/${documentId}/report?format=${format}`, {
          headers: { Authorization: bearer },
        });
        const headers = {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': file.headers()['content-security-policy']!,
        };
        const body = await file.body();
        await page.route(`${server.url}/preview-${format}`, (route) => route.fulfill({ status: 200, headers, body }));
      }
      await page.goto(`${server.url}/preview-redline`);
      const del = page.locator('.redline-text del').first();
      expect(await del.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('line-through');
      await page.goto(`${server.url}/preview-html`);
      expect(
        await page
          .locator('mark')
          .first()
          .evaluate((el) => getComputedStyle(el).backgroundColor),
      ).toBe('rgb(255, 241, 184)');
      expect(cspErrors).toEqual([]);
    } finally {
      await chrome.close();
    }
  });
});
