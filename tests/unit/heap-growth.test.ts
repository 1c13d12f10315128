import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const runTs = fileURLToPath(new URL('../../bin/run-ts.js', import.meta.url));
const probe = fileURLToPath(new URL('../fixtures/heap-growth-probe.ts', import.meta.url));

async function peakOldSpaceMb(env: Record<string, string>): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, [runTs, probe], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  return (JSON.parse(stdout) as { peakMb: number }).peakMb;
}

describe('heap growth (HEAP_GROWING_PERCENT)', () => {
  // A canary as much as a test: it fails if this Node's V8 stops honouring the flag set at run time.
  it('keeps the old generation near its live size by default, where V8 alone lets it grow much further', async () => {
    const [bounded, v8Default] = await Promise.all([peakOldSpaceMb({}), peakOldSpaceMb({ HEAP_GROWING_PERCENT: '0' })]);
    // About 74 MB against 140 MB on Node 20: the live set is ~30 MB.
    expect(bounded).toBeLessThan(v8Default * 0.7);
  });
});
