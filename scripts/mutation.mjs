// `npm run test:mutation [module…]`: runs Stryker on each module of the scope in turn (all by
// default) and prints the mutation score of each. Not part of `npm test`: it takes minutes per module.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { modules } from '../tests/mutation/modules.mjs';

const chosen = process.argv.slice(2);
for (const name of chosen) if (!modules[name]) throw new Error(`unknown module ${name}; one of ${Object.keys(modules).join(', ')}`);
const hook = new URL('../tests/mutation/typescript-5.mjs', import.meta.url).pathname;
const scores = [];
for (const name of chosen.length ? chosen : Object.keys(modules)) {
  const env = { ...process.env, STRYKER_MODULE: name, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${hook}`.trim() };
  const run = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs'], { stdio: 'inherit', env });
  if (run.status !== 0) throw new Error(`stryker failed on ${name} (exit ${run.status})`);
  scores.push({ name, ...score(JSON.parse(readFileSync(`reports/mutation/${name}.json`, 'utf8'))) });
}
console.log('\nmodule            killed  survived  no cover  timeout  score');
for (const s of scores)
  console.log(
    `${s.name.padEnd(16)} ${String(s.killed).padStart(7)} ${String(s.survived).padStart(9)} ${String(s.noCoverage).padStart(9)} ${String(s.timeout).padStart(8)}  ${s.score.toFixed(1)}%`,
  );

/** Stryker's mutation score: detected (killed or timed out) over all valid mutants (compile errors and ignored ones left out). */
function score(report) {
  const count = { killed: 0, survived: 0, noCoverage: 0, timeout: 0 };
  for (const file of Object.values(report.files)) {
    for (const m of file.mutants) {
      if (m.status === 'Killed') count.killed++;
      else if (m.status === 'Survived') count.survived++;
      else if (m.status === 'NoCoverage') count.noCoverage++;
      else if (m.status === 'Timeout') count.timeout++;
    }
  }
  const detected = count.killed + count.timeout;
  return { ...count, score: (100 * detected) / Math.max(1, detected + count.survived + count.noCoverage) };
}
