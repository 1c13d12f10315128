import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../src/db/engine.js';
import { migrate } from '../../../src/db/migrate.js';
import { toHttpError } from '../../../src/http/error-handler.js';
import { adminQuery } from '../../helpers/global-setup.js';
import { openTestDb, testConfig, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';
import { startServer, type RunningServer } from '../../helpers/processes.js';
import { postgresBin, startCluster, startProxy, type OutageTarget } from './pg-target.js';

// A cluster of its own when the PostgreSQL binaries are here (they are in CI); otherwise a proxy
// in front of the suite's server. With neither there is no server to take down.
const canRun = !!process.env.TEST_DATABASE_URL || postgresBin() !== null;

describe.skipIf(!canRun)('a database outage in server mode', () => {
  let target: OutageTarget;
  let clone: TestDb | null = null;
  beforeAll(async () => {
    const cluster = await startCluster();
    if (cluster) target = cluster;
    else {
      clone = await openTestDb();
      await clone.engine.close();
      target = await startProxy(clone.databaseUrl!);
    }
  });
  afterAll(async () => {
    await target.destroy();
    await clone?.drop();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(15_000) });

  it('answers 503 with Retry-After while Postgres is down, and serves again when it is back, without a restart', async () => {
    const config = testConfig({ databaseUrl: target.url, dbConnectTimeoutMs: 1000 });
    let engine: Engine = await openEngine(config);
    await migrate(engine);
    const { cookie, bearer } = await signIn({ db: engine.db, config }, 'editor');
    const { claims } = await buildDocument({ db: engine.db, config });
    await engine.close();
    const env = {
      DATABASE_URL: target.url,
      DEMO: '0',
      SESSION_SECRET: 's'.repeat(40),
      DB_CONNECT_TIMEOUT_MS: '1000',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'claimdesk-outage-')),
    };
    const app: RunningServer = await startServer(env);
    try {
      expect((await get(`${app.url}/documents`, { cookie })).status).toBe(200);

      await target.down();
      const health = await get(`${app.url}/healthz`);
      expect(health.status).toBe(503);
      expect(health.headers.get('retry-after')).toBe('5');
      expect(await health.json()).toMatchObject({ status: 'unavailable', database: 'down' });
      // A signed-in page fails in loadActor, before any route: a plain page, not a crash.
      const page = await get(`${app.url}/documents`, { cookie, accept: 'text/html' });
      expect(page.status).toBe(503);
      expect(page.headers.get('retry-after')).toBe('5');
      expect(await page.text()).toMatch(/Database unavailable[\s\S]*try again in\s+5\s+seconds/);
      const api = await get(`${app.url}/api/v1/documents`, { authorization: bearer });
      expect(api.status).toBe(503);
      expect((await api.json()).error.code).toBe('database_unavailable');
      const write = await fetch(`${app.url}/api/v1/claims/${claims[0]!.id}`, {
        method: 'PATCH',
        headers: { authorization: bearer, 'content-type': 'application/json' },
        body: JSON.stringify({ version: 1, explanation: 'during the outage' }),
      });
      expect(write.status).toBe(503);
      expect((await get(`${app.url}/login`)).status).toBe(503);
      expect(app.child.exitCode).toBeNull();

      await target.up();
      let healthy = false;
      for (let i = 0; i < 100 && !healthy; i++) {
        healthy = (await get(`${app.url}/healthz`)).status === 200;
        if (!healthy) await new Promise((r) => setTimeout(r, 200));
      }
      expect(healthy).toBe(true);
      expect((await get(`${app.url}/documents`, { cookie })).status).toBe(200);
      const retried = await fetch(`${app.url}/api/v1/claims/${claims[0]!.id}`, {
        method: 'PATCH',
        headers: { authorization: bearer, 'content-type': 'application/json' },
        body: JSON.stringify({ version: 1, explanation: 'after the outage' }),
      });
      expect(retried.status).toBe(200);
      expect(app.output()).toMatch(/database unreachable/);
      expect(app.output()).toMatch(/database reachable again after/);
    } finally {
      expect(await app.stop('SIGTERM')).toBe(0);
    }
    engine = await openEngine(config);
    const claim = await engine.db
      .selectFrom('claims')
      .select(['explanation', 'version'])
      .where('id', '=', claims[0]!.id)
      .executeTakeFirstOrThrow();
    await engine.close();
    expect(claim).toEqual({ explanation: 'after the outage', version: 2 });
  });

  it('survives a connection killed while a request holds it, and the pool replaces it', async () => {
    const engine = await openEngine(testConfig({ databaseUrl: target.url, dbPoolMax: 2 }));
    try {
      const failure = await engine.db.connection().execute(async (conn) => {
        const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(conn);
        // Without an 'error' listener on checked-out clients this crashes the whole process.
        await adminQuery(target.url, `SELECT pg_terminate_backend(${rows[0]!.pid})`);
        await new Promise((r) => setTimeout(r, 200));
        return sql`SELECT 1`.execute(conn).then(
          () => null,
          (err: unknown) => err,
        );
      });
      expect(failure).not.toBeNull();
      expect(toHttpError(failure)?.status).toBe(503);
      const { rows } = await sql<{ ok: number }>`SELECT 1 AS ok`.execute(engine.db);
      expect(rows).toEqual([{ ok: 1 }]);
    } finally {
      await engine.close();
    }
  });

  it('cancels a statement that runs past DB_STATEMENT_TIMEOUT_MS and answers 503', async () => {
    const engine = await openEngine(testConfig({ databaseUrl: target.url, dbStatementTimeoutMs: 200 }));
    try {
      const started = Date.now();
      const err = await sql`SELECT pg_sleep(5)`.execute(engine.db).then(
        () => null,
        (e: unknown) => e,
      );
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(toHttpError(err)).toMatchObject({ status: 503, code: 'timeout' });
    } finally {
      await engine.close();
    }
  });
});
