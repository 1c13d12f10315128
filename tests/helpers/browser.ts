import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Express } from 'express';
import { chromiumForThisProcess } from './chromium.js';

/** Flags for a headless Chromium on a machine with no network beyond loopback. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const artifactsDir = fileURLToPath(new URL('../artifacts/', import.meta.url));

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * A fresh Chromium with its own temporary profile (so no state leaks between runs). Which
 * binary is decided by tests/helpers/chromium.ts; when none can be had this throws, so a
 * browser test fails with the reason instead of being skipped.
 */
export async function openBrowser(options: { javaScriptEnabled?: boolean } = {}): Promise<TestBrowser> {
  const { path: executablePath } = await chromiumForThisProcess();
  const profile = mkdtempSync(join(tmpdir(), 'claimdesk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args: chromiumArgs,
    headless: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serves the app on a free port of 127.0.0.1, in this process. */
export async function listen(app: Express): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Saves a full-page screenshot under tests/artifacts/ and returns its size in bytes. */
export async function screenshot(page: Page, name: string): Promise<number> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return statSync(path).size;
}

/** axe-core violations of the labelling and landmark rules on the current page. */
export async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withRules([
      'label',
      'landmark-one-main',
      'region',
      'button-name',
      'link-name',
      'color-contrast',
      'aria-valid-attr-value',
      'duplicate-id-aria',
      'select-name',
    ])
    .analyze();
  return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/** Selects `passage` in the reader's article the way a mouse drag would (a DOM range over its text nodes). */
export async function selectInArticle(page: Page, passage: string): Promise<void> {
  await page.evaluate((wanted) => {
    const article = document.querySelector('[data-article]')!;
    const at = article.textContent!.indexOf(wanted);
    if (at === -1) throw new Error(`passage not in the article: ${wanted}`);
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent!.length;
      if (seen <= at && at < seen + length) range.setStart(node, at - seen);
      if (seen < at + wanted.length && at + wanted.length <= seen + length) range.setEnd(node, at + wanted.length - seen);
      seen += length;
    }
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, passage);
}
