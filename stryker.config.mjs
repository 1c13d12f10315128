// Mutation testing: `npm run test:mutation [module…]` (see docs/TESTING.md). One module per run,
// chosen by STRYKER_MODULE; tests/mutation/modules.mjs lists what each module mutates and tests with.
import { modules } from './tests/mutation/modules.mjs';

const name = process.env.STRYKER_MODULE ?? 'rules';
const module = modules[name];
if (!module) throw new Error(`unknown mutation module ${name}; one of ${Object.keys(modules).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts', related: false },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  mutate: module.mutate,
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
