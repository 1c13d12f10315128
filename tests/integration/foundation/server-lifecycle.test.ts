import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../../src/db/engine.js';
import { engineName, openTestDb, testConfig } from '../../helpers/db.js';
import { runCli, startServer } from '../../helpers/processes.js';

describe(`claimdesk serve (${engineName})`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'claimdesk-serve-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('loads the demo on first start, keeps everything across Ctrl-C and restart, never duplicates it', async () => {
    let databaseUrl: string | undefined;
    let cleanup = async () => {};
    if (engineName === 'postgres') {
      const db = await openTestDb();
      databaseUrl = db.databaseUrl!;
      await db.engine.close();
      cleanup = db.drop;
    }
    const env = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl, DEMO: '1', SESSION_SECRET: 's'.repeat(40) };

    const first = await startServer(env);
    const setup = await fetch(`${first.url}/`, { redirect: 'manual' });
    expect(setup.status).toBe(303);
    expect(setup.headers.get('location')).toBe('/setup');
    expect(first.output()).toContain('/setup');
    expect(await first.stop('SIGINT')).toBe(0);
    expect(first.output()).toContain('database closed');

    const second = await startServer(env);
    expect(await second.stop('SIGTERM')).toBe(0);

    const user = await runCli(['user', 'add', '--email', 'ed@example.test', '--role', 'editor'], { env });
    expect(user.code).toBe(0);
    expect(user.stdout).toMatch(/Password \(shown once\): \S{12,}/);

    const engine = await openEngine({ ...testConfig(), dataDir, databaseUrl: databaseUrl ?? null });
    const docs = await engine.db.selectFrom('documents').select(['title', 'language']).execute();
    const claims = await engine.db
      .selectFrom('claims')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await engine.close();
    expect(docs).toEqual([{ title: 'Digmaan sa Iraq (Tagalog encyclopedia excerpt)', language: 'tl' }]);
    expect(Number(claims.n)).toBeGreaterThan(20);
    await cleanup();
  });
});
