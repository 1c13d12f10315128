import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../../src/db/engine.js';
import { migrate } from '../../../src/db/migrate.js';
import { matchingIdle } from '../../../src/matching/background-matching.js';
import { importDocument } from '../../../src/documents/document.service.js';
import { engineName, openTestDb, testConfig, type TestDb } from '../../helpers/db.js';
import { seedText, signIn } from '../../helpers/factories.js';
import { startServer } from '../../helpers/processes.js';

const BULKS = 6;
const PER_BULK = 500;

describe(`SIGTERM during bulk actions (${engineName})`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'claimdesk-bulk-'));
  const env: Record<string, string> = { DATA_DIR: dataDir, DEMO: '0', SESSION_SECRET: 's'.repeat(40), SHUTDOWN_TIMEOUT_MS: '20000' };
  let db: TestDb | null = null;
  let bearer: string;
  let batches: number[][];
  beforeAll(async () => {
    if (engineName === 'postgres') {
      db = await openTestDb();
      env.DATABASE_URL = db.databaseUrl!;
      await db.engine.close();
    }
    const config = testConfig({ dataDir, databaseUrl: env.DATABASE_URL ?? null });
    const engine = await openEngine(config);
    await migrate(engine);
    const ctx = { db: engine.db, config };
    const editor = await signIn(ctx, 'editor');
    bearer = editor.bearer;
    const text = Array.from({ length: 76 }, (_, i) => seedText().replaceAll('2003', String(1900 + i))).join('\n\n');
    const { claims } = await importDocument(ctx, editor.actor, { title: 'Bulk', text, language: 'tl' });
    expect(claims.length).toBeGreaterThanOrEqual(BULKS * PER_BULK);
    batches = Array.from({ length: BULKS }, (_, i) => claims.slice(i * PER_BULK, (i + 1) * PER_BULK).map((c) => c.id));
    // Its claims are matched after the import (a long document): done before the served process opens the data.
    await matchingIdle();
    await engine.close();
  });
  afterAll(() => db?.drop());

  it('finishes the bulk actions in flight, refuses new ones, and leaves each one whole or absent', async () => {
    const app = await startServer(env);
    const send = (claimIds: number[]) =>
      fetch(`${app.url}/api/v1/claims/bulk`, {
        method: 'POST',
        headers: { authorization: bearer, 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'status', status: 'in_review', claimIds }),
        signal: AbortSignal.timeout(60_000),
      }).then(
        (r) => r.status,
        () => 0,
      );
    const pending = batches.slice(0, BULKS - 1).map(send);
    await new Promise((r) => setTimeout(r, 50));
    const code = app.stop('SIGTERM');
    // PGlite works on the main thread: the signal is handled once the current query yields.
    for (let i = 0; i < 600 && !app.output().includes('shutting down'); i++) await new Promise((r) => setTimeout(r, 50));
    // After SIGTERM: refused on a new connection, turned away with 503 on a kept-alive one.
    const late = await send(batches[BULKS - 1]!);
    const statuses = await Promise.all(pending);
    expect(await code).toBe(0);
    expect(app.output()).toMatch(/database closed/);
    expect([0, 503]).toContain(late);
    expect(statuses).toContain(200); // the bulk actions in flight at SIGTERM were finished, not cut

    const engine = await openEngine(testConfig({ dataDir, databaseUrl: env.DATABASE_URL ?? null }));
    try {
      for (const [i, ids] of batches.entries()) {
        const { rows } = await sql<{ changed: number; events: number }>`
          SELECT (SELECT count(*)::int FROM claims WHERE id IN (${sql.join(ids)}) AND status = 'in_review') AS changed,
                 (SELECT count(*)::int FROM claim_events WHERE claim_id IN (${sql.join(ids)}) AND action = 'claim.updated') AS events`.execute(
          engine.db,
        );
        const { changed, events } = rows[0]!;
        expect([0, PER_BULK], `bulk ${i}: ${changed} of ${PER_BULK} claims changed`).toContain(changed);
        expect(events).toBe(changed);
        // Whatever was acknowledged is there; whatever is there was acknowledged.
        expect(changed === PER_BULK).toBe((i < statuses.length ? statuses[i] : late) === 200);
      }
    } finally {
      await engine.close();
    }
    console.info(`[shutdown ${engineName}] bulk responses: ${statuses.join(', ')}; after SIGTERM: ${late || 'refused'}`);
  });
});
