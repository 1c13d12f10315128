import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite is a single-process database with no lock of its own: a second process opening the
 * same directory (a CLI command while `claimdesk serve` runs) could corrupt it. A pid file
 * refuses that; a pid file left by a killed process is taken over.
 * @returns a function that releases the lock
 */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'claimdesk.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid && pid !== process.pid && isRunning(pid)) {
        throw new Error(
          `The embedded database in ${dataDir} is in use by process ${pid} (is claimdesk serve running?). ` +
            'Stop it first, or run claimdesk against a PostgreSQL server with DATABASE_URL.',
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
