import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/workspace.js';
import { testConfig } from '../../helpers/db.js';
import { runCli } from '../../helpers/processes.js';

/** Every entry under `dir` that group or others may read, write or enter. */
function looseEntries(dir: string): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & 0o077) !== 0) out.push(`${path} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
  return out;
}

// The embedded workspace's files, whichever engine the suite runs on: DATA_DIR is PGlite's.
describe('DATA_DIR and backups are private to their owner', () => {
  const root = mkdtempSync(join(tmpdir(), 'claimdesk-modes-'));
  const dataDir = join(root, 'data');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates DATA_DIR 700 with PGlite files 600, tightens loosened ones at the next start, and writes --with-secrets backups 600', async () => {
    const config = testConfig({ dataDir, databaseUrl: null, demo: 'off' });
    const previous = process.umask(0o022);
    try {
      let engine = await openWorkspace(config);
      await engine.close();
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(looseEntries(dataDir)).toEqual([]);

      // Someone (a restore, a copy, an old version) left files readable by others: start-up tightens them.
      chmodSync(dataDir, 0o755);
      chmodSync(join(dataDir, 'global', 'pg_control'), 0o666);
      chmodSync(join(dataDir, 'base'), 0o777);
      engine = await openWorkspace(config);
      await engine.close();
      expect(looseEntries(dataDir)).toEqual([]);

      const output = join(root, 'backup.json');
      const backup = await runCli(['backup', '--with-secrets', '--output', output], {
        env: { DATA_DIR: dataDir, DATABASE_URL: undefined, DEMO: '0' },
      });
      expect(backup.code, backup.stderr).toBe(0);
      expect(statSync(output).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  }, 120_000);
});
