import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import type { Ctx } from '../../src/context.js';
import { openEngine, type Engine } from '../../src/db/engine.js';
import { matchingIdle } from '../../src/matching/background-matching.js';
import { adminQuery, withDatabase } from './global-setup.js';
import { TEST_PASSWORD_HASH_COST } from './processes.js';

export const engineName = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

export function testConfig(overrides: Partial<Config> = {}): Readonly<Config> {
  const env = {
    NODE_ENV: 'test',
    DEMO: '0',
    SESSION_SECRET: 'test-secret-'.padEnd(40, 'x'),
    DATA_DIR: '/tmp/claimdesk-unused',
    PASSWORD_HASH_COST: TEST_PASSWORD_HASH_COST,
  };
  return { ...loadConfig(env), ...overrides };
}

export interface TestDb {
  engine: Engine;
  ctx: Ctx;
  config: Readonly<Config>;
  /** The server URL of this file's own database (postgres only). */
  databaseUrl: string | null;
  close(): Promise<void>;
  /** Drops this file's server database without closing the engine (for tests that closed it). */
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: PGlite loaded in memory from the run's snapshot,
 * or (with TEST_DATABASE_URL) a new database cloned from the run's template on the server.
 */
export async function openTestDb(overrides: Partial<Config> = {}): Promise<TestDb> {
  const template = inject('templateDatabaseUrl');
  let engine: Engine;
  let databaseUrl: string | null = null;
  let drop = async () => {};
  if (template) {
    const server = process.env.TEST_DATABASE_URL!;
    const name = `claimdesk_t_${randomBytes(6).toString('hex')}`;
    const templateName = new URL(template).pathname.slice(1);
    await cloneTemplate(server, name, templateName);
    databaseUrl = withDatabase(server, name);
    engine = await openEngine({ ...testConfig(), databaseUrl, dbPoolMax: 10 });
    drop = () => adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    const snapshot = new Blob([readFileSync(inject('pgliteSnapshot'))]);
    engine = await openEngine({ ...testConfig(), databaseUrl: null, pgliteSnapshot: snapshot });
  }
  const config = testConfig({ databaseUrl, ...overrides });
  return {
    engine,
    ctx: { db: engine.db, config },
    config,
    databaseUrl,
    async close() {
      // A long import's matching runs after it (src/matching/background-matching.ts): let it end first.
      await matchingIdle();
      await engine.close();
      await drop();
    },
    drop,
  };
}

/** Parallel test files clone the same template; Postgres lets only one copy run at a time, so wait our turn. */
async function cloneTemplate(server: string, name: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await adminQuery(server, `CREATE DATABASE ${name} TEMPLATE ${template}`);
    } catch (err) {
      if ((err as { code?: string }).code !== '55006' || attempt > 100) throw err;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 150));
    }
  }
}
