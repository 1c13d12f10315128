// Regenerates docs/screenshots/report.png: the correction report of the reviewed demo, as an
// editor sees it, in the tests' Chromium (tests/helpers/chromium.ts). `node bin/run-ts.js scripts/report-screenshot.ts`.
// Uses a throwaway embedded database.
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withReviewedDemo } from './demo-browser.js';

const out = fileURLToPath(new URL('../docs/screenshots/report.png', import.meta.url));

await withReviewedDemo({ ORG_NAME: 'Tagalog Fact Desk', ORG_URL: 'https://factdesk.example/' }, async ({ document, url, chrome }) => {
  await chrome.page.setViewportSize({ width: 1280, height: 1700 });
  await chrome.page.goto(`${url}/documents/${document.id}/report`);
  await chrome.page.getByRole('button', { name: 'Print / Save as PDF' }).waitFor();
  mkdirSync(join(out, '..'), { recursive: true });
  await chrome.page.screenshot({ path: out });
  console.log(`wrote docs/screenshots/report.png (${Math.round(statSync(out).size / 1024)} KB)`);
});
