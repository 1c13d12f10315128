// The setup both screenshot scripts share: the reviewed demo in a throwaway embedded database, an
// editor signed in, the app listening on a free port, and the tests' Chromium (tests/helpers/chromium.ts) holding the session.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openEngine, type Engine } from '../src/db/engine.js';
import { migrate } from '../src/db/migrate.js';
import type { Document } from '../src/documents/document.js';
import { seedDemo } from '../src/demo/seed.js';
import { createSession } from '../src/users/session.service.js';
import { cliActor } from '../src/users/permissions.js';
import { createUser } from '../src/users/user.service.js';
import { listen, openBrowser } from '../tests/helpers/browser.js';

export interface DemoBrowser {
  engine: Engine;
  document: Document;
  url: string;
  chrome: Awaited<ReturnType<typeof openBrowser>>;
}

/** Runs `fn` against the reviewed demo as a signed-in editor, then tears everything down. */
export async function withReviewedDemo(env: Record<string, string>, fn: (demo: DemoBrowser) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'claimdesk-screenshots-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DEMO: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'screenshots-only-secret-'.padEnd(48, 'x'),
    ...env,
  });
  const engine = await openEngine({ ...config, databaseUrl: null });
  try {
    await migrate(engine);
    const ctx = { db: engine.db, config };
    const document = (await seedDemo(ctx, { reviewed: true }))!;
    const editor = await createUser(ctx, cliActor, {
      email: 'maria@example.org',
      displayName: 'Maria Reyes',
      role: 'editor',
      password: 'screenshots only',
    });
    const session = await createSession(ctx, editor.id, { ip: null, userAgent: 'screenshots' });
    const server = await listen(createApp({ db: engine.db, config, secret: config.sessionSecret! }));
    const chrome = await openBrowser();
    try {
      await chrome.context.addCookies([{ name: 'claimdesk_session', value: session, url: server.url }]);
      await fn({ engine, document, url: server.url, chrome });
    } finally {
      await chrome.close();
      await server.close();
    }
  } finally {
    await engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
