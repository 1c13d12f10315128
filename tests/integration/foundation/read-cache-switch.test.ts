import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../helpers/processes.js';

/**
 * READ_CACHE=off runs a process with no copies at all (the review mix's "no cache", and the setting
 * behind a pool that cannot LISTEN, docs/SCALING.md): every request reads the database, and the
 * health check says so. PGlite only: the switch is the same on either engine.
 */
describe('the read cache switch (claimdesk serve)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'claimdesk-read-cache-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps nothing with READ_CACHE=off, and says so on /healthz', async () => {
    const server = await startServer({ DATA_DIR: dataDir, DEMO: 'off', READ_CACHE: 'off' });
    try {
      const health = (await (await fetch(`${server.url}/healthz`)).json()) as { readCache: string };
      expect(health.readCache).toBe('off');
      // The app still answers pages: the sign-in page reads through the absent cache.
      expect((await fetch(`${server.url}/login`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
