#!/usr/bin/env node
// The `claimdesk` command: loads the TypeScript CLI through tsx, so no build step sits between a clone and a run.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
