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
    target: "Claim queue (status filter + search), Postgres: ≥ 0.5× the baseline's requests/s",
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
    target: "Claim queue, PGlite: ≥ 0.25× the baseline's requests/s",
    figure: liteQueue
      ? `${liteQueue.ratio}× (${liteQueue.load.requestsPerSecond} vs ${lite!.baseline.requestsPerSecond} req/s)`
      : 'not measured',
    met: liteQueue ? liteQueue.ratio >= 0.25 : null,
  });
  checks.push({
    target: `${pg?.import ? (pg.import.bytes / 1048576).toFixed(1) : '1'} MB import end to end, Postgres: < 3 s`,
    figure: pg?.import ? `${(pg.import.totalMs / 1000).toFixed(2)} s (${pg.import.claims} claims)` : 'not measured',
    met: pg?.import ? pg.import.totalMs < 3000 : null,
  });
  checks.push(...reviewMixTargets(pg, lite));
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
    const underLoad = r.pages.reduce<number | null>(
      (m, p) => (p.load.serverRssMb === null ? m : Math.max(m ?? 0, p.load.serverRssMb)),
      null,
    );
    checks.push({
      target: `Server peak RSS under load at ${r.seed.counts.claims.toLocaleString('en-US')} claims, ${r.engine}: < 300 MB`,
      figure:
        underLoad === null ? 'not measured' : `${underLoad} MB sampled under load (VmHWM with start-up: ${r.server.peakRssMb ?? '—'} MB)`,
      met: underLoad === null ? null : underLoad < 300,
    });
  }
  return checks;
}

/** The review-mix measurement the mix issue reported before its work: 0.045× an in-memory page. */
const MIX_RATIO_BEFORE = 0.045;

/** Issue 19's targets: the mix, the queue rendered afresh, the claim page under the mix, the big reader. */
function reviewMixTargets(pg: EngineResult | undefined, lite: EngineResult | undefined): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const ratio = (r: EngineResult) => r.mix!.shipped.requestsPerSecond / r.mix!.baseline.requestsPerSecond;
  checks.push({
    target: `Review mix, Postgres: ≥ 3× the ratio measured before (${MIX_RATIO_BEFORE}×) to a same-size in-memory page, i.e. ≥ ${(3 * MIX_RATIO_BEFORE).toFixed(3)}×`,
    figure: pg?.mix
      ? `${ratio(pg).toFixed(3)}× (${pg.mix.shipped.requestsPerSecond} vs ${pg.mix.baseline.requestsPerSecond} req/s)`
      : 'not measured',
    met: pg?.mix ? ratio(pg) >= 3 * MIX_RATIO_BEFORE : null,
  });
  for (const [r, limit] of [
    [pg, 40],
    [lite, 80],
  ] as const) {
    checks.push({
      target: `Review mix, ${r?.engine ?? (limit === 40 ? 'postgres' : 'pglite')}: p99 < ${limit} ms`,
      figure: r?.mix ? `p99 ${r.mix.shipped.latencyMs.p99} ms` : 'not measured',
      met: r?.mix ? r.mix.shipped.latencyMs.p99 < limit : null,
    });
  }
  const claim = pg?.mix?.shipped.byKind.claim;
  checks.push({
    target: 'Claim page under the review mix, Postgres: p99 < 40 ms',
    figure: claim ? `p99 ${claim.p99} ms` : 'not measured',
    met: claim ? claim.p99 < 40 : null,
  });
  const fresh = pg?.pages.find((p) => p.name === 'queue_search');
  checks.push({
    target: 'Queue page rendered afresh, Postgres: ≤ 1.2 ms app CPU and ≤ 0.6 ms database CPU per request',
    figure: fresh ? `app ${fresh.load.serverCpuMs} ms, db ${fresh.load.databaseCpuMs ?? '—'} ms` : 'not measured',
    met:
      fresh && fresh.load.serverCpuMs !== null && fresh.load.databaseCpuMs !== null
        ? fresh.load.serverCpuMs <= 1.2 && fresh.load.databaseCpuMs <= 0.6
        : null,
  });
  const reader = pg?.pages.find((p) => p.name === 'reader');
  checks.push({
    target: 'Reader of the 2,000-claim document, Postgres: p50 < 60 ms and HTML < 600 KB',
    figure: reader ? `p50 ${reader.load.latencyMs.p50} ms, ${(reader.load.bytesPerResponse / 1024).toFixed(0)} KB` : 'not measured',
    met: reader ? reader.load.latencyMs.p50 < 60 && reader.load.bytesPerResponse < 600 * 1024 : null,
  });
  return checks;
}
