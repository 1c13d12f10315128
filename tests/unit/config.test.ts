import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('the performance settings', () => {
  const base = { NODE_ENV: 'test', DATA_DIR: '/tmp/claimdesk-unused' };

  it('keeps 16 MB of rendered pages and runs PGlite compact, unless told otherwise', () => {
    const config = loadConfig(base);
    expect([config.pageCacheMb, config.pgliteCode]).toEqual([16, 'compact']);
    const tuned = loadConfig({ ...base, PAGE_CACHE_MB: '0', PGLITE_CODE: 'fast' });
    expect([tuned.pageCacheMb, tuned.pgliteCode]).toEqual([0, 'fast']);
  });

  it('names a wrong value instead of guessing', () => {
    expect(() => loadConfig({ ...base, PAGE_CACHE_MB: '-1' })).toThrow(/PAGE_CACHE_MB/);
    expect(() => loadConfig({ ...base, PAGE_CACHE_MB: '16MB' })).toThrow(/PAGE_CACHE_MB/);
    expect(() => loadConfig({ ...base, PGLITE_CODE: 'turbo' })).toThrow(/PGLITE_CODE/);
  });
});
