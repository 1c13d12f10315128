import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Makes DATA_DIR private to the owner: the directory and every directory under it 700, every file
 * 600. PGlite's WebAssembly file system creates its files 0666 whatever the umask, and they hold
 * the password hashes and the audit log. Run before PGlite opens (so the directory is never
 * open to others) and again once it has (for what initdb or recovery created). Returns how many
 * entries were tightened, for the start-up log. Symbolic links are left alone (never followed).
 */
export function secureDataDir(dataDir: string): number {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return tighten(dataDir, true);
}

function tighten(path: string, isDir: boolean): number {
  let changed = 0;
  const mode = lstatSync(path).mode & 0o777;
  const wanted = isDir ? 0o700 : 0o600;
  if ((mode & 0o077) !== 0) {
    chmodSync(path, mode & wanted);
    changed++;
  }
  if (!isDir) return changed;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isDirectory()) changed += tighten(join(path, entry.name), true);
    else if (entry.isFile()) changed += tighten(join(path, entry.name), false);
  }
  return changed;
}
