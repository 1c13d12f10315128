/**
 * The export figures come from the reports engineer's bench, `bench/report.bench.ts` (`npm run
 * bench:report`): it builds its own 1,000- and 10,000-claim documents and times every format on
 * PGlite, and on the server when BENCH_DATABASE_URL is set. This harness runs it as it is, as a
 * child process, and files its table with the rest of the run instead of measuring exports twice.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EngineName } from './workspace.js';

export interface ReportFormatResult {
  format: string;
  claims: number;
  firstByteMs: number;
  ms: number;
  bytes: number;
  /** CPU time of the export, when the bench reports it. */
  cpuMs?: number;
  /** Peak RSS growth over the export, in MB. */
  peakRssMb: number;
  /** Peak RSS growth of the 10,000-claim export minus that of the 1,000-claim one (10,000-claim rows only). */
  rssGrowthMb?: number;
}

export interface ReportBenchResult {
  source: string;
  formats: Partial<Record<EngineName, ReportFormatResult[]>>;
  exitCode: number | null;
  output: string;
}

const script = fileURLToPath(new URL('./report.bench.ts', import.meta.url));
const runTs = fileURLToPath(new URL('../bin/run-ts.js', import.meta.url));

/** Runs bench/report.bench.ts (with the server when `adminUrl` is given); null when it is not there. */
export async function runReportBench(adminUrl: string | null, log: (m: string) => void): Promise<ReportBenchResult | null> {
  if (!existsSync(script)) {
    log('bench/report.bench.ts is not there: no export figures in this run');
    return null;
  }
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LOG_LEVEL: 'silent',
    ...(adminUrl ? { BENCH_DATABASE_URL: adminUrl } : {}),
  };
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [runTs, script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (c) => resolve({ code: c, output: out }));
  });
  const formats = parseReportBench(output);
  if (!Object.keys(formats).length) log(`bench/report.bench.ts printed no table (exit ${code}):\n${output.slice(-2000)}`);
  return { source: 'bench/report.bench.ts', formats, exitCode: code, output };
}

/**
 * Reads the bench's tables: a heading line per engine ("PGlite (embedded)…", "PostgreSQL
 * server"), then rows "claims format" followed by times in ms (first byte, total, and CPU when
 * shown) and sizes in MB (output, peak RSS growth, peak heap growth), in the header's order.
 */
export function parseReportBench(output: string): ReportBenchResult['formats'] {
  const formats: ReportBenchResult['formats'] = {};
  let engine: EngineName | null = null;
  for (const line of output.split('\n')) {
    if (/^PGlite/.test(line)) engine = 'pglite';
    else if (/^PostgreSQL/.test(line)) engine = 'postgres';
    const row = /^\s*(\d+)\s+([a-z][\w-]*)\s+(.*)$/.exec(line);
    if (!row || !engine) continue;
    const ms = [...row[3]!.matchAll(/(-?[\d.]+) ms/g)].map((m) => Number(m[1]));
    const mb = [...row[3]!.matchAll(/(-?[\d.]+) MB/g)].map((m) => Number(m[1]));
    if (ms.length < 2 || mb.length < 2) continue;
    const list = formats[engine] ?? [];
    formats[engine] = list;
    list.push({
      claims: Number(row[1]),
      format: row[2]!,
      firstByteMs: ms[0]!,
      ms: ms[1]!,
      ...(ms.length > 2 ? { cpuMs: ms[2]! } : {}),
      bytes: Math.round(mb[0]! * 1048576),
      peakRssMb: mb[1]!,
    });
  }
  for (const rows of Object.values(formats)) {
    const sizes = [...new Set(rows.map((r) => r.claims))].sort((a, b) => a - b);
    for (const r of rows.filter((x) => x.claims === sizes.at(-1) && sizes.length > 1)) {
      const small = rows.find((x) => x.format === r.format && x.claims === sizes[0]);
      if (small) r.rssGrowthMb = Math.round((r.peakRssMb - small.peakRssMb) * 10) / 10;
    }
  }
  return formats;
}
