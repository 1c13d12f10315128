/**
 * A throwaway benchmark workspace on one engine: a fresh database on the Postgres server
 * (`claimdesk_bench_<pid>`: two runs at once never drop each other's) or a fresh PGlite data directory, migrated, and the environment a
 * `claimdesk serve` child needs to open the same data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig, type Config } from '../src/config.js';
import { openEngine, type Engine } from '../src/db/engine.js';
import { migrate } from '../src/db/migrate.js';

export type EngineName = 'postgres' | 'pglite';

export interface BenchWorkspace {
  engine: Engine;
  config: Readonly<Config>;
  secret: string;
  /** Environment for `claimdesk serve` on this workspace (production mode, no demo). */
  serverEnv: Record<string, string>;
  /** The server backends connected to this workspace's database (Postgres server only). */
  databasePids?: () => Promise<number[]>;
  /** Closes the bench's own connection (PGlite allows one process at a time). */
  closeEngine(): Promise<void>;
  /** Closes the engine and deletes the database or directory. */
  destroy(): Promise<void>;
}

const SECRET = 'claimdesk-bench-session-secret-0123456789abcdef';

async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(
  adminUrl: string,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Creates and migrates an empty workspace on `name`. `adminUrl` is any database on the server. */
export async function createWorkspace(
  name: EngineName,
  adminUrl: string,
  dbName = `claimdesk_bench_${process.pid}`,
): Promise<BenchWorkspace> {
  let databaseUrl: string | undefined;
  let dataDir = join(tmpdir(), 'claimdesk-bench-unused');
  if (name === 'postgres') {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await adminQuery(adminUrl, `CREATE DATABASE ${dbName}`);
    const u = new URL(adminUrl);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'claimdesk-bench-'));
  }
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    DEMO: '0',
    LOG_LEVEL: 'warn',
    SESSION_SECRET: SECRET,
    DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  // The bench's own connection has no statement timeout: seeding runs statements of many seconds.
  const config = loadConfig({ ...env, NODE_ENV: 'test', DB_STATEMENT_TIMEOUT_MS: '0' });
  const engine = await openEngine(config);
  await migrate(engine);
  return {
    engine,
    config,
    secret: SECRET,
    serverEnv: env,
    ...(name === 'postgres'
      ? {
          databasePids: async () =>
            (
              await adminQuery<{ pid: number }>(
                adminUrl,
                "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'",
                [dbName],
              )
            ).map((r) => r.pid),
        }
      : {}),
    closeEngine: () => engine.close(),
    async destroy() {
      await engine.close().catch(() => {});
      if (name === 'postgres') await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      else rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Statistics and visibility maps as a settled production database would have them. */
export async function vacuumAnalyze(engine: Engine): Promise<void> {
  await sql`VACUUM (ANALYZE)`.execute(engine.db);
}

/** The server's version string, e.g. "PostgreSQL 15.20" (PGlite reports the Postgres it embeds). */
export async function serverVersion(engine: Engine): Promise<string> {
  const { rows } = await sql<{ v: string }>`SELECT split_part(version(), ' on ', 1) AS v`.execute(engine.db);
  return rows[0]?.v ?? '?';
}
