#!/usr/bin/env node
// The `claimdesk` command. It runs the compiled dist/ (`npm run build`, which `npm ci` runs)
// while that is newer than every source file, and the TypeScript sources through tsx otherwise,
// so an edit takes effect without a build step. The compiled app starts ~50 MB smaller: tsx's
// loader keeps a thread of its own. CLAIMDESK_FROM_SOURCE=1 always runs the sources.
import { fileURLToPath } from 'node:url';
import { builtIsCurrent } from './built-is-current.js';

let main;
if (process.env.CLAIMDESK_FROM_SOURCE !== '1' && builtIsCurrent(fileURLToPath(new URL('..', import.meta.url)))) {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
