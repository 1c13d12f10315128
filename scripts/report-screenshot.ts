// Regenerates docs/screenshots/report.png: the correction report of the reviewed demo, as an
// editor sees it, in Debian's Chromium. `node bin/run-ts.js scripts/report-screenshot.ts`.
// Uses a throwaway embedded database.
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openEngine } from '../src/db/engine.js';
import { migrate } from '../src/db/migrate.js';
import { seedDemo } from '../src/demo/seed.js';
import { createSession } from '../src/users/session.service.js';
import { cliActor } from '../src/users/permissions.js';
import { createUser } from '../src/users/user.service.js';
import { listen, openBrowser } from '../tests/helpers/browser.js';

const out = fileURLToPath(new URL('../docs/screenshots/report.png', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'claimdesk-report-screenshot-'));
const config = loadConfig({
  NODE_ENV: 'test', DEMO: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', SESSION_SECRET: 'screenshots-only-secret-'.padEnd(48, 'x'),
  ORG_NAME: 'Tagalog Fact Desk', ORG_URL: 'https://factdesk.example/',
});
const engine = await openEngine({ ...config, databaseUrl: null });
try {
  await migrate(engine);
  const ctx = { db: engine.db, config };
  const document = (await seedDemo(ctx, { reviewed: true }))!;
  const editor = await createUser(ctx, cliActor, { email: 'maria@example.org', displayName: 'Maria Reyes', role: 'editor', password: 'screenshots only' });
  const session = await createSession(ctx, editor.id, { ip: null, userAgent: 'screenshots' });
  const server = await listen(createApp({ db: engine.db, config, secret: config.sessionSecret! }));
  const chrome = await openBrowser();
  try {
    await chrome.context.addCookies([{ name: 'claimdesk_session', value: session, url: server.url }]);
    await chrome.page.setViewportSize({ width: 1280, height: 1700 });
    await chrome.page.goto(`${server.url}/documents/${document.id}/report`);
    await chrome.page.getByRole('button', { name: 'Print / Save as PDF' }).waitFor();
    mkdirSync(join(out, '..'), { recursive: true });
    await chrome.page.screenshot({ path: out });
    console.log(`wrote docs/screenshots/report.png (${Math.round(statSync(out).size / 1024)} KB)`);
  } finally {
    await chrome.close();
    await server.close();
  }
} finally {
  await engine.close();
  rmSync(dataDir, { recursive: true, force: true });
}
