// Regenerates docs/screenshots/reader.png and claim.png from the reviewed demo, in Debian's
// Chromium: `node bin/run-ts.js scripts/screenshots.ts`. Uses a throwaway embedded database.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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

const outDir = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'claimdesk-screenshots-'));
const config = loadConfig({ NODE_ENV: 'test', DEMO: '0', DATA_DIR: dataDir, SESSION_SECRET: 'screenshots-only-secret-'.padEnd(48, 'x'), LOG_LEVEL: 'silent' });
const engine = await openEngine({ ...config, databaseUrl: null });
try {
  await migrate(engine);
  const ctx = { db: engine.db, config };
  const document = (await seedDemo(ctx, { reviewed: true }))!;
  const editor = await createUser(ctx, cliActor, { email: 'maria@example.org', displayName: 'Maria Reyes', role: 'editor', password: 'screenshots only' });
  const session = await createSession(ctx, editor.id, { ip: null, userAgent: 'screenshots' });
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

  const server = await listen(createApp({ db: engine.db, config, secret: config.sessionSecret! }));
  const chrome = await openBrowser();
  try {
    await chrome.context.addCookies([{ name: 'claimdesk_session', value: session, url: server.url }]);
    mkdirSync(outDir, { recursive: true });
    for (const [name, path] of [['reader', `/documents/${document.id}`], ['claim', `/claims/${claim.id}`]] as const) {
      await chrome.page.goto(`${server.url}${path}`);
      await chrome.page.screenshot({ path: join(outDir, `${name}.png`) });
      console.log(`wrote docs/screenshots/${name}.png (${path})`);
    }
  } finally {
    await chrome.close();
    await server.close();
  }
} finally {
  await engine.close();
  rmSync(dataDir, { recursive: true, force: true });
}
