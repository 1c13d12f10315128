/** The performance targets of the benchmark issue, checked against a run's figures. */
import type { EngineResult } from './engine-run.js';
import type { ReportBenchResult } from './reports.js';

export interface TargetCheck {
  target: string;
  figure: string;
  /** null when the run has no figure for it. */
  met: boolean | null;
}

const MB = 1;

/** Every target with the run's figure; missing engines or benches give `met: null`. */
export function checkTargets(results: readonly EngineResult[], reports: ReportBenchResult | null): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const on = (engine: string) => results.find((r) => r.engine === engine);
  const queue = (r: EngineResult | undefined) => r?.pages.find((p) => p.name === 'queue_search');
  const pg = on('postgres');
  const lite = on('pglite');

  const pgQueue = queue(pg);
  checks.push({
    target: 'Claim queue (status filter + search), Postgres: ≥ 0.5× the baseline\'s requests/s',
    figure: pgQueue ? `${pgQueue.ratio}× (${pgQueue.load.requestsPerSecond} vs ${pg!.baseline.requestsPerSecond} req/s)` : 'not measured',
    met: pgQueue ? pgQueue.ratio >= 0.5 : null,
  });
  checks.push({
    target: 'Claim queue, Postgres: p99 < 25 ms',
    figure: pgQueue ? `p99 ${pgQueue.load.latencyMs.p99} ms` : 'not measured',
    met: pgQueue ? pgQueue.load.latencyMs.p99 < 25 : null,
  });
  const liteQueue = queue(lite);
  checks.push({
    target: 'Claim queue, PGlite: ≥ 0.25× the baseline\'s requests/s',
    figure: liteQueue ? `${liteQueue.ratio}× (${liteQueue.load.requestsPerSecond} vs ${lite!.baseline.requestsPerSecond} req/s)` : 'not measured',
    met: liteQueue ? liteQueue.ratio >= 0.25 : null,
  });
  checks.push({
    target: `${pg?.import ? (pg.import.bytes / 1048576).toFixed(1) : '1'} MB import end to end, Postgres: < 3 s`,
    figure: pg?.import ? `${(pg.import.totalMs / 1000).toFixed(2)} s (${pg.import.claims} claims)` : 'not measured',
    met: pg?.import ? pg.import.totalMs < 3000 : null,
  });
  for (const r of results) {
    const formats = reports?.formats[r.engine] ?? [];
    const large = formats.filter((f) => f.claims >= 10_000);
    const slowest = large.reduce<(typeof large)[number] | undefined>((a, f) => (!a || f.ms > a.ms ? f : a), undefined);
    checks.push({
      target: `Every export of a 10,000-claim document, ${r.engine}: < 2 s`,
      figure: slowest ? `slowest ${slowest.format}: ${(slowest.ms / 1000).toFixed(2)} s` : 'not measured (no report bench)',
      met: slowest ? large.every((f) => f.ms < 2000) : null,
    });
    const growth = large.filter((f) => f.rssGrowthMb !== undefined);
    const most = growth.reduce<(typeof growth)[number] | undefined>((a, f) => (!a || f.rssGrowthMb! > a.rssGrowthMb! ? f : a), undefined);
    checks.push({
      target: `Export peak RSS growth from 1,000 to 10,000 claims, ${r.engine}: < 50 MB`,
      figure: most ? `largest ${most.format}: ${most.rssGrowthMb} MB` : 'not measured (no report bench)',
      met: most ? growth.every((f) => f.rssGrowthMb! < 50 * MB) : null,
    });
    // Under load: the largest resident set sampled while the pages were measured. VmHWM also
    // counts start-up (PGlite compiling its WebAssembly), so it is shown beside it.
    const underLoad = r.pages.reduce<number | null>((m, p) => (p.load.serverRssMb === null ? m : Math.max(m ?? 0, p.load.serverRssMb)), null);
    checks.push({
      target: `Server peak RSS under load at ${r.seed.counts.claims.toLocaleString('en-US')} claims, ${r.engine}: < 300 MB`,
      figure: underLoad === null ? 'not measured' : `${underLoad} MB sampled under load (VmHWM with start-up: ${r.server.peakRssMb ?? '—'} MB)`,
      met: underLoad === null ? null : underLoad < 300,
    });
  }
  return checks;
}
