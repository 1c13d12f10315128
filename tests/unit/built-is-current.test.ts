import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS, loaded by bin/claimdesk.js before TypeScript can be
import { builtIsCurrent } from '../../bin/built-is-current.js';

describe('bin/claimdesk.js runs dist/ only while it is current', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  function checkout() {
    const root = mkdtempSync(join(tmpdir(), 'claimdesk-built-'));
    dirs.push(root);
    mkdirSync(join(root, 'src', 'http'), { recursive: true });
    writeFileSync(join(root, 'src', 'http', 'app.ts'), 'export {};\n');
    return root;
  }
  const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

  it('is not current before a build', () => {
    expect(builtIsCurrent(checkout())).toBe(false);
  });

  it('is current after a build, and not once a source file changes', () => {
    const root = checkout();
    at(join(root, 'src', 'http', 'app.ts'), 1_000);
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', '.built'), 'now\n');
    at(join(root, 'dist', '.built'), 2_000);
    expect(builtIsCurrent(root)).toBe(true);
    at(join(root, 'src', 'http', 'app.ts'), 3_000);
    expect(builtIsCurrent(root)).toBe(false);
    writeFileSync(join(root, 'src', 'new-data.json'), '{}');
    at(join(root, 'src', 'http', 'app.ts'), 1_000);
    expect(builtIsCurrent(root)).toBe(false); // a new file is newer than the build too
  });
});
