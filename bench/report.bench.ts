/**
 * Export cost by format for a 1,000- and a 10,000-claim document: time to the first byte, total
 * time, output size, and peak growth of RSS and of the JS heap over the export. Exports stream,
 * so memory should stay flat from 1k to 10k claims. Targets: every 10k export under 2 s; peak RSS
 * growth at 10k at most 50 MB above that at 1k.
 *
 * Usage: npm run bench:report            (embedded PGlite)
 *        BENCH_DATABASE_URL=postgres://… npm run bench:report   (also a PostgreSQL server; a
 *        scratch database is created there and dropped afterwards)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { openEngine, type Engine } from '../src/db/engine.js';
import { migrate } from '../src/db/migrate.js';
import { exportDocumentReport } from '../src/reports/export.js';
import { documentFormats, type DocumentFormat } from '../src/reports/report-query.js';
import { cliActor } from '../src/users/permissions.js';
import { insertBulkDocument } from '../tests/integration/reports/bulk-document.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const SIZES = [1_000, 10_000];
const MB = 1024 * 1024;
const TARGET_MS = 2_000;
const TARGET_RSS_GROWTH_MB = 50;

interface Result {
  claims: number;
  format: DocumentFormat;
  firstByteMs: number;
  totalMs: number;
  cpuMs: number;
  bytes: number;
  rssMb: number;
  heapMb: number;
}

/**
 * Drains one export, sampling memory as it goes (the export yields to the event loop between
 * pages). RSS is cheap to read and is sampled every 5 ms; heap statistics cost more, every 25 ms.
 */
async function measure(engine: Engine, documentId: number, claims: number, format: DocumentFormat): Promise<Result> {
  gc();
  const rss0 = process.memoryUsage.rss();
  const heap0 = process.memoryUsage().heapUsed;
  let rss = rss0;
  let heap = heap0;
  let ticks = 0;
  const sample = setInterval(() => {
    rss = Math.max(rss, process.memoryUsage.rss());
    if (++ticks % 5 === 0) heap = Math.max(heap, process.memoryUsage().heapUsed);
  }, 5);
  const config = loadConfig({ DEMO: '0', ORG_NAME: 'Bench desk', PUBLIC_URL: 'https://claims.example' });
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  let firstByteMs = -1;
  let bytes = 0;
  const exp = await exportDocumentReport({ db: engine.db, config }, cliActor, documentId, { format });
  for await (const chunk of exp.chunks) {
    if (firstByteMs < 0) firstByteMs = performance.now() - started;
    bytes += Buffer.byteLength(chunk);
  }
  const totalMs = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sample);
  rss = Math.max(rss, process.memoryUsage.rss());
  heap = Math.max(heap, process.memoryUsage().heapUsed);
  return {
    claims,
    format,
    firstByteMs,
    totalMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    bytes,
    rssMb: (rss - rss0) / MB,
    heapMb: (heap - heap0) / MB,
  };
}

async function run(label: string, engine: Engine): Promise<boolean> {
  await migrate(engine);
  const results: Result[] = [];
  for (const claims of SIZES) {
    const { documentId } = await insertBulkDocument(engine.db, { claims, explanationLength: 240 });
    await measure(engine, documentId, claims, 'json'); // warm-up: compile templates, fill caches
    for (const format of documentFormats) results.push(await measure(engine, documentId, claims, format));
  }
  console.log(`\n${label}\n`);
  // Wall time is what a user waits; CPU time (this process) is the export's own cost, which
  // stays comparable when other processes compete for the machine.
  console.log('claims  format       first byte   total (wall)  CPU        output     peak RSS +  peak heap +');
  for (const r of results) {
    console.log(
      `${String(r.claims).padStart(6)}  ${r.format.padEnd(11)}  ${r.firstByteMs.toFixed(0).padStart(7)} ms  ${r.totalMs.toFixed(0).padStart(9)} ms  ${r.cpuMs.toFixed(0).padStart(6)} ms  ${(r.bytes / MB).toFixed(2).padStart(6)} MB  ${r.rssMb.toFixed(1).padStart(7)} MB  ${r.heapMb.toFixed(1).padStart(8)} MB`,
    );
  }
  let ok = true;
  console.log('\nformat       10k total  RSS growth 1k→10k  verdict');
  for (const format of documentFormats) {
    const small = results.find((r) => r.format === format && r.claims === SIZES[0])!;
    const large = results.find((r) => r.format === format && r.claims === SIZES[1])!;
    const growth = large.rssMb - small.rssMb;
    const pass = large.totalMs < TARGET_MS && growth < TARGET_RSS_GROWTH_MB;
    ok &&= pass;
    console.log(
      `${format.padEnd(11)}  ${large.totalMs.toFixed(0).padStart(6)} ms  ${growth.toFixed(1).padStart(12)} MB     ${pass ? 'ok' : 'MISSED'}`,
    );
  }
  return ok;
}

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-bench-report-'));
const base = { dataDir: dir, dbPoolMax: 4, dbStatementTimeoutMs: 0, dbConnectTimeoutMs: 3000 };
let ok = true;
const embedded = await openEngine({ ...base, databaseUrl: null });
try {
  ok =
    (await run(`PGlite (embedded), Node ${process.version}, ${availableParallelism()} CPUs, load ${loadavg()[0]!.toFixed(1)}`, embedded)) &&
    ok;
} finally {
  await embedded.close();
  rmSync(dir, { recursive: true, force: true });
}

const serverUrl = process.env.BENCH_DATABASE_URL;
if (serverUrl) {
  const name = `claimdesk_bench_${process.pid}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(text).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const server = await openEngine({ ...base, databaseUrl: url.toString() });
  try {
    ok = (await run('PostgreSQL server', server)) && ok;
  } finally {
    await server.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
console.log(ok ? '\nAll targets met.' : '\nSome targets were missed.');
process.exitCode = ok ? 0 : 1;
