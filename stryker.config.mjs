// Mutation testing: `npm run test:mutation [module…]` (see docs/TESTING.md). One module per run,
// chosen by STRYKER_MODULE; tests/mutation/modules.mjs lists what each module mutates and tests with.
import { writeFileSync } from 'node:fs';
import { modules } from './tests/mutation/modules.mjs';

const name = process.env.STRYKER_MODULE ?? 'rules';
const module = modules[name];
if (!module) throw new Error(`unknown mutation module ${name}; one of ${Object.keys(modules).join(', ')}`);

// The TypeScript checker type-checks the program of its tsconfig after each mutant. The project's
// (src, tests, scripts: about a thousand files) made it the slowest stage on two shared cores, so
// each module gets its own, generated here: the mutated files and what they import. A mutant that
// compiles there but would break a caller elsewhere is then run by the tests instead of dropped.
const tsconfigFile = `tests/mutation/tsconfig.${name}.json`;
// A module may name files that only declare types for it (`ambient`): request-context.ts adds
// req.ctx and req.actor to Express's Request, which nothing imports by name, so the middleware of
// auth-csrf compiles only with it (and a module that never touches Express must not get it).
const ambient = module.ambient ?? [];
writeFileSync(
  tsconfigFile,
  `${JSON.stringify({ extends: '../../tsconfig.json', include: [...ambient, ...module.mutate].map((m) => `../../${m.replace(/:\d+-\d+$/, '')}`) }, null, 2)}\n`,
);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts', related: false },
  checkers: ['typescript'],
  tsconfigFile,
  // STRYKER_MUTATE (comma-separated, `file.ts:start-end` allowed) narrows a run to part of the module,
  // when a whole run would not fit the time at hand; its results still go to the module's
  // incremental file, so a later full run re-tests only the rest.
  mutate: process.env.STRYKER_MUTATE ? process.env.STRYKER_MUTATE.split(',') : module.mutate,
  testFiles: module.testFiles,
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants) need every test re-run in a fresh environment: too
  // slow here, and they are the permission table and vocabularies, guarded by the matrix tests.
  ignoreStatic: true,
  // Committed, one file per module: a fresh clone re-tests only mutants whose code or tests changed.
  incremental: true,
  incrementalFile: `tests/mutation/incremental/${name}.json`,
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 1),
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  thresholds: { high: 90, low: 85, break: null },
  // One directory per module, so two modules may run side by side.
  tempDirName: `.stryker-tmp/${name}`,
  ignorePatterns: ['/.stryker-tmp', '/reports'],
  cleanTempDir: 'always',
};
