import type { Config } from '../config.js';
import type { Ctx } from '../context.js';
import { matchingIdle } from '../matching/background-matching.js';
import { openWorkspace } from '../workspace.js';

/** Opens the workspace for one CLI command and always closes it, even when the command fails. */
export async function withWorkspace<T>(
  config: Readonly<Config>,
  fn: (ctx: Ctx) => Promise<T>,
  options: { demo?: boolean } = {},
): Promise<T> {
  const engine = await openWorkspace(options.demo ? config : { ...config, demo: 'off' });
  try {
    const result = await fn({ db: engine.db, config });
    // A long import's matching runs after its commit: a command ends only once it is done.
    await matchingIdle();
    return result;
  } finally {
    await engine.close();
  }
}
