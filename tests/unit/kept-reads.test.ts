import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Kept reads are declared in one registry (keptReads, src/db/read-cache.ts) and read through by
// the pages and the sign-in middleware only: a service or repository that kept a copy would be a
// cache nobody sees when the registry is read.
const srcDir = resolve(new URL('../../src/', import.meta.url).pathname);
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

describe('kept reads', () => {
  it('are read through only by pages and the sign-in middleware, never by a service or repository', () => {
    const readers = files(srcDir)
      .filter((f) => /\bcachedRead\s*\(/.test(readFileSync(f, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '')))
      .map((f) => relative(srcDir, f))
      .filter((f) => f !== 'db/read-cache.ts');
    expect(readers.length).toBeGreaterThan(0);
    for (const f of readers) expect(f, `${f} reads through the cache`).toMatch(/^pages\/|^users\/actor\.middleware\.ts$/);
    expect(readers.filter((f) => /\.(service|repository)\.ts$/.test(f))).toEqual([]);
  });
});
