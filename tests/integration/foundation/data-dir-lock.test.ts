import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/processes.js';

describe('the embedded database directory lock', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'claimdesk-lock-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a second process while one holds the directory, and takes over a lock left by a dead one', async () => {
    mkdirSync(dataDir, { recursive: true });
    const holder = spawn('sleep', ['30']);
    writeFileSync(join(dataDir, 'claimdesk.pid'), `${holder.pid}\n`);
    const refused = await runCli(['migrate'], { env: { DATA_DIR: dataDir } });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(`is in use by process ${holder.pid}`);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(false);

    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.on('exit', resolve));
    const migrated = await runCli(['migrate'], { env: { DATA_DIR: dataDir } });
    expect(migrated.stderr).toBe('');
    expect(migrated.code).toBe(0);
    expect(existsSync(join(dataDir, 'claimdesk.pid'))).toBe(false); // released on close
  });
});
