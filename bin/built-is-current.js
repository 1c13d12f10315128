// Whether dist/ (scripts/build.mjs) is newer than every file in src/, so running it runs the
// code as it is now. A plain JS module: bin/claimdesk.js asks before any TypeScript can load.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** `root` is the checkout: it holds src/ and, once built, dist/.built. */
export function builtIsCurrent(root) {
  let built;
  try {
    built = statSync(join(root, 'dist', '.built')).mtimeMs;
  } catch {
    return false;
  }
  for (const entry of readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && statSync(join(entry.parentPath, entry.name)).mtimeMs > built) return false;
  }
  return true;
}
