import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../helpers/app.js';
import { axeViolations, listen, openBrowser } from '../../helpers/browser.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';
import type { Claim } from '../../../src/claims/claim.js';

const text =
  'Apollo 11 landed on the Moon on July 20, 1968. Neil Armstrong said the goverment of the Untied States had planned it for years.';

describe(`writing and publishing a correction in Chromium (${engineName})`, () => {
  let db: TestDb;
  let server: Awaited<ReturnType<typeof listen>>;
  let claims: Claim[];
  let documentId: number;
  let cookie: string;
  beforeAll(async () => {
    db = await openTestDb();
    ({
      document: { id: documentId },
      claims,
    } = await buildDocument(db.ctx, { title: 'Apollo 11', text, language: 'en', sourceUrl: 'https://news.example/apollo' }));
    cookie = (await signIn(db.ctx, 'editor', 'Eda Editor')).cookie.split('=')[1]!;
    server = await listen(testApp(db));
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('writes a correction with a live preview, uses a suggestion, publishes, and reads it on /corrections', async () => {
    const chrome = await openBrowser({ javaScriptEnabled: true });
    await chrome.context.addCookies([{ name: 'claimdesk_session', value: cookie, url: server.url }]);
    try {
      const { page } = chrome;
      const date = claims.find((c) => c.quote === 'on July 20, 1968')!;
      await page.goto(`${server.url}/claims/${date.id}`);
      expect(await page.getByRole('button', { name: 'Preview' }).isVisible()).toBe(false); // the live preview replaces it
      await page.getByLabel('Proposed correction').fill('on July 20, 1969');
      expect(await page.getByTestId('correction-preview').innerText()).toBe(
        'Apollo 11 landed on the Moon on July 20, 1968on July 20, 1969.',
      );
      expect(await page.locator('#correction-preview ins').innerText()).toBe('on July 20, 1969');
      await page.getByLabel('Status').selectOption('resolved');
      await page.getByLabel('Final verdict').selectOption('inaccurate');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Save review' }).click();
      await page.waitForURL(`${server.url}/claims/${date.id}`);
      expect(await page.getByRole('status').first().innerText()).toContain('resolved as Inaccurate');

      const spelling = claims.find((c) => c.quote === 'Untied States')!;
      await page.goto(`${server.url}/claims/${spelling.id}`);
      await page.getByRole('button', { name: 'Use suggestion: “United States”' }).click();
      expect(page.url()).toBe(`${server.url}/claims/${spelling.id}`); // filled in place, no reload
      expect(await page.getByLabel('Proposed correction').inputValue()).toBe('United States');
      expect(await page.locator('#correction-preview ins').innerText()).toBe('United States');
      await page.getByLabel('Status').selectOption('resolved');
      await page.getByLabel('Final verdict').selectOption('typo');
      await page.getByRole('button', { name: 'Save review' }).click();
      await page.waitForURL(`${server.url}/claims/${spelling.id}`);

      await page.goto(`${server.url}/documents/${documentId}/report`);
      await page.getByRole('button', { name: 'Publish corrections' }).click();
      await page.waitForURL(`${server.url}/documents/${documentId}/report`);
      expect(await page.getByRole('status').first().innerText()).toContain('Correction published (revision 1)');

      await page.goto(`${server.url}/corrections`);
      const entry = page.locator('article.correction-entry');
      expect(await entry.count()).toBe(1);
      expect(await entry.getByRole('heading').innerText()).toBe('Correction: Apollo 11');
      expect(await entry.innerText()).toContain('Correction: An earlier version of this article misstated a date: “on July 20, 1968.”');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await chrome.close();
    }
  });
});
