import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/workspace.js';
import { engineName, openTestDb, testConfig, type TestDb } from '../../helpers/db.js';
import { runCli } from '../../helpers/processes.js';
import { buildWorkspace } from './workspace-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-backup-cli-'));

/**
 * The commands as an operator runs them: `claimdesk backup > file`, `claimdesk restore file`,
 * each in its own process, on a data directory (PGlite) or a server database.
 */
describe(`claimdesk backup / restore commands (${engineName})`, () => {
  const sourceEnv: Record<string, string> = { DATA_DIR: join(dir, 'source'), DEMO: '0' };
  const targetEnv: Record<string, string> = { DATA_DIR: join(dir, 'target'), DEMO: '0' };
  const dbs: TestDb[] = [];
  beforeAll(async () => {
    if (engineName === 'postgres') {
      const [source, target] = [await openTestDb(), await openTestDb()];
      dbs.push(source, target);
      sourceEnv.DATABASE_URL = source.databaseUrl!;
      targetEnv.DATABASE_URL = target.databaseUrl!;
      await buildWorkspace(source.ctx);
      await Promise.all([source.engine.close(), target.engine.close()]);
    } else {
      const engine = await openWorkspace(testConfig({ dataDir: sourceEnv.DATA_DIR!, demo: 'off' }));
      await buildWorkspace({ db: engine.db, config: testConfig() });
      await engine.close();
    }
  });
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it('backs up to stdout with progress on stderr, restores into an empty workspace, and names what is wrong with a bad file', async () => {
    const backup = await runCli(['backup'], { env: sourceEnv });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stderr).toMatch(/backup: claims: [\d,]+ of [\d,]+ rows/);
    expect(backup.stderr).toMatch(/backup: done: .* claims/);
    const file = join(dir, 'workspace.json');
    writeFileSync(file, backup.stdout);

    const restore = await runCli(['restore', file], { env: targetEnv });
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stderr).toMatch(/is a valid backup/);
    expect(restore.stderr).toMatch(/restore: done: /);

    const again = await runCli(['backup', '--output', join(dir, 'again.json')], { env: targetEnv });
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(join(dir, 'again.json'), 'utf8')).toBe(backup.stdout);

    // A file that is not a backup is refused before the database is even looked at.
    writeFileSync(join(dir, 'notes.json'), '[1, 2, 3]\n');
    const junk = await runCli(['restore', join(dir, 'notes.json')], { env: targetEnv });
    expect(junk.code).toBe(1);
    expect(junk.stderr).toContain(`${join(dir, 'notes.json')}, line 1: this is not a claimdesk backup`);
  }, 180_000); // four processes, each starting the runtime and opening the database
});
