import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { testApp } from '../helpers/app.js';
import { listen, openBrowser, type TestBrowser } from '../helpers/browser.js';
import { engineName, openTestDb, type TestDb } from '../helpers/db.js';
import { buildDocument, buildUser } from '../helpers/factories.js';
import { listDocumentClaims } from '../../src/claims/claim.service.js';

const PASSWORD = 'correct horse battery';
/** A title long enough to wrap to several lines in a table cell if it were not truncated. */
const longTitle = 'Digmaan sa Iraq: ang mahabang ulat tungkol sa hukbong panghimpapawid, mga pinuno at mga pahayag noong dekada';

/** Rows of the queue table whose box lies wholly inside the viewport, as the browser lays them out. */
const rowsInViewport = (page: Page) =>
  page.evaluate(() => {
    const rows = [...document.querySelectorAll('.queue-table tbody tr')];
    return rows.filter((r) => {
      const box = r.getBoundingClientRect();
      return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
    }).length;
  });

/**
 * Issue 14's queue density: at 1366×900 with the filters collapsed a dozen claims are on screen,
 * and below 600 px each claim is a card whose kind, status and document are within the screen.
 * Measured on the laid-out page, so a CSS or markup change that costs rows fails here.
 */
describe(`the claim queue's density in Chromium (${engineName})`, () => {
  let db: TestDb;
  let server: Awaited<ReturnType<typeof listen>>;
  let chrome: TestBrowser;
  const url = (path: string) => `${server.url}${path}`;
  beforeAll(async () => {
    db = await openTestDb();
    server = await listen(testApp(db));
    chrome = await openBrowser();
    const editor = await buildUser(db.ctx, 'editor', 'Edna Editor');
    const first = await buildDocument(db.ctx, { title: longTitle });
    await buildDocument(db.ctx, { title: `${longTitle} (ikalawa)` });
    expect((await listDocumentClaims(db.ctx, editor, first.document.id)).length).toBeGreaterThanOrEqual(7);
    const { page } = chrome;
    await page.goto(url('/login'));
    await page.getByLabel('Email').fill(editor.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname !== '/login');
  });
  afterAll(async () => {
    await chrome?.close();
    await server?.close();
    await db?.close();
  });

  it('shows at least 12 claim rows at 1366×900 under one-line filters that count the active ones', async () => {
    const { page } = chrome;
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(url('/claims?status=open&kind='));
    const summary = page.locator('[data-testid="queue-filters"] details > summary');
    expect(await summary.innerText()).toBe('Filters (1 active)');
    expect(await page.locator('[data-testid="queue-filters"] details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const summaryBox = await summary.boundingBox();
    expect(summaryBox!.height).toBeLessThan(40); // one line
    expect(await page.locator('.queue-table tbody tr').count()).toBeGreaterThanOrEqual(12);
    const visible = await rowsInViewport(page);
    console.log(`queue rows wholly visible at 1366×900: ${visible}`);
    expect(visible).toBeGreaterThanOrEqual(12);
    // One-line rows must not buy their height by pushing columns off to the side.
    expect(await page.locator('.table-scroll').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

    // The search box stays usable with the filters closed, and searching keeps the other filters.
    await page.getByLabel(/^Search/).fill('Iraq');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL((u) => u.searchParams.get('q') === 'Iraq');
    expect(new URL(page.url()).searchParams.get('status')).toBe('open');
    expect(await page.locator('[data-testid="queue-filters"] details > summary').innerText()).toBe('Filters (1 active)');

    // Opening the filters shows them; a second filter is counted.
    await page.goto(url('/claims'));
    expect(await page.locator('[data-testid="queue-filters"] details > summary').innerText()).toBe('Filters');
    await page.locator('[data-testid="queue-filters"] details > summary').click();
    await page.getByLabel('Status', { exact: true }).selectOption('open');
    await page.getByLabel('Kind', { exact: true }).selectOption('date');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL((u) => u.searchParams.get('kind') === 'date');
    expect(await page.locator('[data-testid="queue-filters"] details > summary').innerText()).toBe('Filters (2 active)');

    // A long document title is one truncated line, with the whole title in its title attribute.
    await page.goto(url('/claims'));
    const docLink = page.locator('.queue-table .doc-col a').first();
    expect(await docLink.getAttribute('title')).toMatch(new RegExp(`^${longTitle}`));
    const fits = await docLink.evaluate((a) => ({
      lines: Math.round(a.getBoundingClientRect().height / parseFloat(getComputedStyle(a).lineHeight)),
      clipped: a.scrollWidth > a.clientWidth,
    }));
    expect(fits).toEqual({ lines: 1, clipped: true });
  }, 120_000);

  it('shows each claim as a card with its kind, status and document on screen below 600 px', async () => {
    const { page } = chrome;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(url('/claims'));
    const cards = await page.evaluate(() =>
      [...document.querySelectorAll('.queue-table tbody tr')].slice(0, 5).map((row) => {
        const inside = (selector: string) => {
          const cell = row.querySelector(selector) as HTMLElement | null;
          if (!cell) return 'missing';
          const box = cell.getBoundingClientRect();
          return box.width > 0 && box.left >= 0 && box.right <= document.documentElement.clientWidth
            ? 'on screen'
            : `off screen (${Math.round(box.left)}–${Math.round(box.right)})`;
        };
        return {
          display: getComputedStyle(row).display,
          kind: inside('td[data-label="Kind"]'),
          status: inside('td[data-label="Status"]'),
          document: inside('td[data-label="Document"]'),
        };
      }),
    );
    expect(cards).toHaveLength(5);
    for (const card of cards) expect(card).toEqual({ display: 'block', kind: 'on screen', status: 'on screen', document: 'on screen' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  }, 120_000);
});
