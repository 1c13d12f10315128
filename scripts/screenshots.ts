// Regenerates docs/screenshots/reader.png, claim.png, queue.png and queue-narrow.png from the reviewed demo, in the tests'
// Chromium: `node bin/run-ts.js scripts/screenshots.ts`. Uses a throwaway embedded database.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withReviewedDemo } from './demo-browser.js';

const outDir = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

await withReviewedDemo({}, async ({ engine, document, url, chrome }) => {
  // A resolved claim with a correction and sources makes the fullest claim page.
  const claim = await engine.db
    .selectFrom('claims as c')
    .select('c.id')
    .where('c.document_id', '=', document.id)
    .where('c.verdict', '=', 'inaccurate')
    .where('c.correction', 'is not', null)
    .where(({ exists, selectFrom }) => exists(selectFrom('claim_sources as s').select('s.id').whereRef('s.claim_id', '=', 'c.id')))
    .orderBy('c.start_offset')
    .executeTakeFirstOrThrow();
  mkdirSync(outDir, { recursive: true });
  for (const [name, path] of [
    ['reader', `/documents/${document.id}`],
    ['claim', `/claims/${claim.id}`],
  ] as const) {
    await chrome.page.goto(`${url}${path}`);
    await chrome.page.screenshot({ path: join(outDir, `${name}.png`) });
    console.log(`wrote docs/screenshots/${name}.png (${path})`);
  }
  // The queue at the laptop size its density is measured at (tests/e2e/queue-density.test.ts), then as a phone's cards.
  for (const [name, width, height] of [
    ['queue', 1366, 900],
    ['queue-narrow', 390, 844],
  ] as const) {
    await chrome.page.setViewportSize({ width, height });
    await chrome.page.goto(`${url}/claims`);
    await chrome.page.screenshot({ path: join(outDir, `${name}.png`) });
    console.log(`wrote docs/screenshots/${name}.png (/claims at ${width}×${height})`);
  }
});
