import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveChromium } from '../helpers/chromium.js';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-resolver-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in binary that answers `--version` like Chromium does. */
function fakeChromium(name: string, version = 'Chromium 999.0.0.0'): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\necho "${version}"\n`);
  chmodSync(path, 0o755);
  return path;
}
const missing = join(dir, 'no-such-chromium');
const neverUnpack = () => Promise.reject(new Error('unpack must not be called'));

describe('which Chromium the browser tests drive', () => {
  it('uses CHROMIUM_PATH first, even when a system Chromium exists', async () => {
    const configured = fakeChromium('configured', 'Chromium 1.2.3');
    const choice = await resolveChromium({
      env: { CHROMIUM_PATH: configured },
      systemPath: fakeChromium('system'),
      unpackPackaged: neverUnpack,
    });
    expect(choice).toEqual({ path: configured, source: 'CHROMIUM_PATH', version: 'Chromium 1.2.3' });
  });

  it('fails naming CHROMIUM_PATH when it points at nothing, instead of falling back', async () => {
    await expect(
      resolveChromium({ env: { CHROMIUM_PATH: missing }, systemPath: fakeChromium('system2'), unpackPackaged: neverUnpack }),
    ).rejects.toThrow(`CHROMIUM_PATH (${missing}) does not exist`);
  });

  it('fails naming the binary when it exists but does not run', async () => {
    const notABrowser = join(dir, 'not-executable');
    writeFileSync(notABrowser, 'text');
    await expect(resolveChromium({ env: { CHROMIUM_PATH: notABrowser }, unpackPackaged: neverUnpack })).rejects.toThrow(
      `CHROMIUM_PATH (${notABrowser}) does not run`,
    );
  });

  it('uses the system Chromium when CHROMIUM_PATH is unset', async () => {
    const system = fakeChromium('system3');
    expect(await resolveChromium({ env: {}, systemPath: system, unpackPackaged: neverUnpack })).toMatchObject({
      path: system,
      source: 'system',
    });
  });

  it('falls back to the packaged Chromium, and says why the run fails when that cannot be unpacked', async () => {
    const packaged = fakeChromium('packaged');
    expect(await resolveChromium({ env: {}, systemPath: missing, unpackPackaged: async () => packaged })).toMatchObject({
      path: packaged,
      source: 'packaged',
    });
    await expect(
      resolveChromium({ env: {}, systemPath: missing, unpackPackaged: () => Promise.reject(new Error('ENOSPC')) }),
    ).rejects.toThrow(
      /No Chromium for the browser tests: CHROMIUM_PATH is not set, .* does not exist, and the packaged Chromium \(@sparticuz\/chromium\) could not be unpacked: ENOSPC\. Run `npm ci`/,
    );
  });

  it('unpacks again over a truncated binary left by an interrupted run', async () => {
    const truncated = join(dir, 'truncated');
    writeFileSync(truncated, '#!/bin/sh\nexit 3\n');
    chmodSync(truncated, 0o755);
    const good = fakeChromium('unpacked-again');
    const unpacks: string[] = [truncated, good];
    const choice = await resolveChromium({ env: {}, systemPath: missing, unpackPackaged: async () => unpacks.shift()! });
    expect(choice).toMatchObject({ path: good, source: 'packaged' });
    expect(unpacks).toEqual([]);
  });

  it('unpacks the real packaged Chromium from node_modules, and it runs', async () => {
    const choice = await resolveChromium({ env: {}, systemPath: missing });
    expect(choice.source).toBe('packaged');
    expect(choice.version).toMatch(/^Chromium \d+\./);
  }, 120_000);
});
