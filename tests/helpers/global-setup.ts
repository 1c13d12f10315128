import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { dumpPglite, openEngine } from '../../src/db/engine.js';
import { migrate } from '../../src/db/migrate.js';
import { resolveChromium } from './chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    templateDatabaseUrl: string | null;
  }
}

/**
 * Finds the browser, then migrates once per run: a PGlite data directory dumped to a file (each test file loads it in
 * memory, no initdb per file), and, with TEST_DATABASE_URL, a template database on the server
 * that each test file clones with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject) {
  // Browser tests run in this project's workers: unpack the packaged Chromium once, here, so two
  // workers never race to write it, and stop the run at once with the reason if there is none.
  const browser = await resolveChromium();
  console.log(`browser tests: ${browser.version} (${browser.source}, ${browser.path})`);

  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-test-'));
  const engine = await openEngine({
    databaseUrl: null,
    dataDir: dir,
    dbPoolMax: 1,
    dbStatementTimeoutMs: 0,
    dbConnectTimeoutMs: 1000,
    pgliteSnapshot: undefined,
  });
  await migrate(engine);
  const dump = await dumpPglite(engine);
  await engine.close();
  const snapshot = join(dir, 'snapshot.tar');
  writeFileSync(snapshot, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteSnapshot', snapshot);

  const serverUrl = process.env.TEST_DATABASE_URL;
  let template: string | null = null;
  if (serverUrl) {
    template = `claimdesk_tpl_${process.pid}_${Date.now()}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${template}`);
    const url = withDatabase(serverUrl, template);
    const server = await openEngine({ databaseUrl: url, dataDir: dir, dbPoolMax: 2, dbStatementTimeoutMs: 0, dbConnectTimeoutMs: 3000 });
    await migrate(server);
    await server.close();
  }
  project.provide('templateDatabaseUrl', template ? withDatabase(serverUrl!, template) : null);

  return async () => {
    if (serverUrl && template) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    rmSync(dir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
