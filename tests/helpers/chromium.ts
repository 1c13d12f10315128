import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, rmSync } from 'node:fs';

/**
 * Which Chromium the browser tests and the screenshot scripts drive. One place decides:
 * 1. `CHROMIUM_PATH`, when set: that binary or a clear failure (never a silent fallback);
 * 2. a system Chromium at `/usr/bin/chromium` (Debian's package), when present;
 * 3. otherwise the Chromium shipped inside the npm package `@sparticuz/chromium`, unpacked from
 *    the package into the temp directory on first use (no download at install or run time).
 * If none can be had the caller gets an error that says what was tried; browser tests fail with
 * it rather than being skipped. docs/TESTING.md says why the packaged build was chosen.
 */
export interface ChromiumChoice {
  path: string;
  source: 'CHROMIUM_PATH' | 'system' | 'packaged';
  version: string;
}

export interface ResolveOptions {
  env?: NodeJS.ProcessEnv;
  systemPath?: string;
  /** Unpacks the packaged build and returns its path (injected by the resolver's own tests). */
  unpackPackaged?: () => Promise<string>;
}

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export async function resolveChromium(options: ResolveOptions = {}): Promise<ChromiumChoice> {
  const env = options.env ?? process.env;
  const systemPath = options.systemPath ?? SYSTEM_CHROMIUM;
  const unpack = options.unpackPackaged ?? unpackSparticuz;

  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) {
    try {
      return { path: configured, source: 'CHROMIUM_PATH', version: probe(configured, 'CHROMIUM_PATH') };
    } catch (err) {
      throw new Error(`${(err as Error).message} Correct it, or unset it to use ${systemPath} or the packaged Chromium.`);
    }
  }
  if (isExecutable(systemPath)) return { path: systemPath, source: 'system', version: probe(systemPath, 'the system Chromium') };

  let packaged: string;
  try {
    packaged = await unpack();
  } catch (err) {
    throw new Error(
      `No Chromium for the browser tests: CHROMIUM_PATH is not set, ${systemPath} does not exist, and the ` +
        `packaged Chromium (@sparticuz/chromium) could not be unpacked: ${(err as Error).message}. ` +
        'Run `npm ci` to install it, or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  try {
    return { path: packaged, source: 'packaged', version: probe(packaged, 'the packaged Chromium') };
  } catch {
    // A run killed while unpacking leaves a truncated binary that the package would reuse as is.
    rmSync(packaged, { force: true });
    const again = await unpack();
    return { path: again, source: 'packaged', version: probe(again, 'the packaged Chromium') };
  }
}

let chosen: Promise<ChromiumChoice> | undefined;

/** resolveChromium() once per process. */
export function chromiumForThisProcess(): Promise<ChromiumChoice> {
  chosen ??= resolveChromium();
  return chosen;
}

async function unpackSparticuz(): Promise<string> {
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Runs `<binary> --version`, so a wrong path fails here with its name, not later inside Playwright. */
function probe(path: string, what: string): string {
  if (!existsSync(path)) throw new Error(`${what} (${path}) does not exist.`);
  const run = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (run.status !== 0) {
    const why = run.error?.message ?? (run.stderr.trim().split('\n').pop() || `exit ${run.status}`);
    throw new Error(`${what} (${path}) does not run: ${why}`);
  }
  return run.stdout.trim();
}
