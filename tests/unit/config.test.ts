import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('the performance settings', () => {
  const base = { NODE_ENV: 'test', DATA_DIR: '/tmp/claimdesk-unused' };

  it('runs PGlite compact and bounds heap growth at 50%, unless told otherwise', () => {
    const config = loadConfig(base);
    expect([config.pgliteCode, config.heapGrowingPercent]).toEqual(['compact', 50]);
    const tuned = loadConfig({ ...base, PGLITE_CODE: 'fast', HEAP_GROWING_PERCENT: '0' });
    expect([tuned.pgliteCode, tuned.heapGrowingPercent]).toEqual(['fast', 0]);
  });

  it('names a wrong value instead of guessing', () => {
    expect(() => loadConfig({ ...base, PGLITE_CODE: 'turbo' })).toThrow(/PGLITE_CODE/);
    expect(() => loadConfig({ ...base, HEAP_GROWING_PERCENT: '50%' })).toThrow(/HEAP_GROWING_PERCENT/);
    expect(() => loadConfig({ ...base, HEAP_GROWING_PERCENT: '1000' })).toThrow(/HEAP_GROWING_PERCENT/);
  });
});

describe('the password hash cost', () => {
  it('is scrypt 2^15 unless lowered, and production refuses less', () => {
    expect(loadConfig({ NODE_ENV: 'test', DATA_DIR: '/tmp/x' }).passwordHashCost).toBe(15);
    expect(loadConfig({ NODE_ENV: 'test', DATA_DIR: '/tmp/x', PASSWORD_HASH_COST: '10' }).passwordHashCost).toBe(10);
    expect(loadConfig({ NODE_ENV: 'production', DATA_DIR: '/tmp/x', PASSWORD_HASH_COST: '17' }).passwordHashCost).toBe(17);
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: '/tmp/x', PASSWORD_HASH_COST: '12' })).toThrow(
      /PASSWORD_HASH_COST below 15 is for tests/,
    );
    expect(() => loadConfig({ NODE_ENV: 'test', DATA_DIR: '/tmp/x', PASSWORD_HASH_COST: '9' })).toThrow(/PASSWORD_HASH_COST/);
    expect(() => loadConfig({ NODE_ENV: 'test', DATA_DIR: '/tmp/x', PASSWORD_HASH_COST: '21' })).toThrow(/PASSWORD_HASH_COST/);
  });
});
