import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../helpers/app.js';
import { listen, openBrowser } from '../../helpers/browser.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';
import type { Claim } from '../../../src/claims/claim.js';

// A finding's suggestion goes through the one shared "Use suggestion" button: filled in place
// with JavaScript, and by reloading the page with ?useSuggestion=… without it. Nothing is saved.
describe(`a finding's "Use suggestion" in Chromium (${engineName})`, () => {
  let db: TestDb;
  let server: Awaited<ReturnType<typeof listen>>;
  let claim: Claim;
  let cookie: string;
  beforeAll(async () => {
    db = await openTestDb();
    const { claims } = await buildDocument(db.ctx, {
      title: 'Thatcher',
      text: 'In 1995, Prime Minister Margaret Thatcher met leaders.',
      language: 'en',
    });
    claim = claims.find((c) => c.kind === 'attribution' && c.findings.length > 0)!;
    cookie = (await signIn(db.ctx, 'editor', 'Eda Editor')).cookie.split('=')[1]!;
    server = await listen(testApp(db));
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`fills the correction ${javaScriptEnabled ? 'in place with JavaScript' : 'by reloading the page without JavaScript'}`, async () => {
      const chrome = await openBrowser({ javaScriptEnabled });
      await chrome.context.addCookies([{ name: 'claimdesk_session', value: cookie, url: server.url }]);
      try {
        const { page } = chrome;
        await page.goto(`${server.url}/claims/${claim.id}`);
        expect(await page.getByTestId('findings').innerText()).toContain('John Major was.');
        await page.getByRole('button', { name: 'Use suggestion: “John Major”' }).click();
        if (javaScriptEnabled) expect(page.url()).toBe(`${server.url}/claims/${claim.id}`);
        else await page.waitForURL(`${server.url}/claims/${claim.id}?useSuggestion=John+Major#review`);
        expect(await page.getByLabel('Proposed correction').inputValue()).toBe('John Major');
      } finally {
        await chrome.close();
      }
    });
  }
});
