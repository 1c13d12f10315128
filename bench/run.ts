/**
 * `npm run bench`: builds a realistic workspace (1,000 documents, 100,000 claims with their
 * review state, sources, notes and history) on the Postgres server and on PGlite, and measures
 * the 1 MB import, the claim queue and document reader under load against an in-memory EJS
 * baseline, the report formats, and the server's memory. Writes bench/results/latest.json and,
 * for a full run, docs/BENCHMARKS.md and docs/benchmarks.json.
 *
 * Usage: npm run bench -- [--engine both|postgres|pglite] [--claims 100000] [--documents N]
 *          [--duration 10] [--warmup 2] [--connections 10] [--import-mb 1] [--search Kuwait]
 *          [--database-url postgres://postgres@127.0.0.1:5432/postgres] [--skip-reports] [--write-docs]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { runEngine, type EngineResult } from './engine-run.js';
import { renderResults, writeBenchmarksDoc, type BenchResults } from './markdown.js';
import { planWorkspace } from './plan.js';
import { runReportBench } from './reports.js';
import { checkTargets } from './targets.js';
import type { EngineName } from './workspace.js';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    claims: { type: 'string', default: '100000' },
    documents: { type: 'string' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    'import-mb': { type: 'string', default: '1' },
    search: { type: 'string', default: 'Kuwait' },
    'common-search': { type: 'string', default: 'milyong' },
    'database-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    'write-docs': { type: 'boolean', default: false },
    'skip-reports': { type: 'boolean', default: false },
  },
});

const engines: EngineName[] = values.engine === 'both' ? ['postgres', 'pglite'] : [values.engine as EngineName];
if (!engines.every((e) => e === 'postgres' || e === 'pglite')) throw new Error('--engine must be both, postgres or pglite');
const claims = Number(values.claims);
const documents = Number(values.documents ?? Math.max(10, Math.round(claims / 100)));
// The report bench's 10,000- and 1,000-claim documents and the reader's 2,000; scaled down for quick runs.
const featured = claims >= 20_000 ? [10_000, 2_000, 1_000] : [0.1, 0.02, 0.01].map((f) => Math.max(1, Math.round(claims * f)));
const fullRun = claims >= 100_000 && engines.length === 2 && Number(values.duration) >= 10 && !values['skip-reports'];
const started = Date.now();
const log = (message: string) => console.log(`${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s  ${message}`);

log(`planning ${documents} documents with ${claims} claims`);
const plan = planWorkspace({ documents, claims, featured, seed: 20_240_611 });
const results: EngineResult[] = [];
for (const engine of engines) {
  results.push(
    await runEngine(engine, plan, {
      adminUrl: values['database-url'],
      durationS: Number(values.duration),
      warmupS: Number(values.warmup),
      connections: Number(values.connections),
      importBytes: Math.round(Number(values['import-mb']) * 1024 * 1024),
      search: values.search,
      commonSearch: values['common-search'],
      log,
    }),
  );
}

let reports = null;
if (!values['skip-reports']) {
  log('report formats: bench/report.bench.ts');
  reports = await runReportBench(engines.includes('postgres') ? values['database-url'] : null, log);
}

const pglite = JSON.parse(readFileSync(new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
const bench: BenchResults = {
  date: new Date().toISOString().slice(0, 10),
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  machine: { cpu, cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, pglite: pglite.version },
  workspace: { documents, claims, featured },
  engines: results,
  reports,
  targets: checkTargets(results, reports),
};

const json = `${JSON.stringify(bench, null, 2)}\n`;
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/latest.json', import.meta.url), json);
const section = renderResults(bench);
if (fullRun || values['write-docs']) {
  writeFileSync(new URL('../docs/benchmarks.json', import.meta.url), json);
  writeBenchmarksDoc(new URL('../docs/BENCHMARKS.md', import.meta.url).pathname, section, '# Benchmarks\n');
  log('wrote docs/BENCHMARKS.md, docs/benchmarks.json and bench/results/latest.json');
} else {
  console.log(`\n${section}\n`);
  log('wrote bench/results/latest.json (a partial run leaves docs/ alone; --write-docs to override)');
}
for (const t of bench.targets) log(`${t.met === null ? 'n/a   ' : t.met ? 'met   ' : 'MISSED'} ${t.target}: ${t.figure}`);
log('done');
