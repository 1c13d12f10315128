/**
 * Everything measured on one engine: seed the workspace, import 1 MB, explain the pages' queries,
 * then load the baseline and the real pages served by a `claimdesk serve` child in production
 * mode, watching its CPU and memory (and its database backends' CPU).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Ctx } from '../src/context.js';
import { createSession } from '../src/users/session.service.js';
import { createApiToken } from '../src/users/token.service.js';
import { explainPages, type ExplainedPage } from './explain.js';
import { articleOfBytes, measureImport, type ImportResult } from './import.js';
import { measurePage, processMemory, round, warmUp, type LoadResult } from './load.js';
import type { PlannedDocument } from './plan.js';
import { startBaseline, startServer } from './processes.js';
import { runReviewMix, type MixResult, type MixTarget } from './review-mix.js';
import { seedWorkspace, type SeededWorkspace } from './seed.js';
import { createWorkspace, serverVersion, vacuumAnalyze, type EngineName } from './workspace.js';

export interface BenchOptions {
  adminUrl: string;
  durationS: number;
  warmupS: number;
  connections: number;
  importBytes: number;
  search: string;
  commonSearch: string;
  log: (message: string) => void;
}

export interface PageResult {
  name: string;
  label: string;
  load: LoadResult;
  /** requests/s as a fraction of the baseline's in the same run. */
  ratio: number;
}

export interface EngineResult {
  engine: EngineName;
  version: string;
  seed: { ms: number; counts: SeededWorkspace['counts'] };
  import: ImportResult | null;
  baseline: LoadResult;
  pages: PageResult[];
  server: { startRssMb: number | null; peakRssMb: number | null };
  explain: ExplainedPage[];
  mix: ReviewMixResult | null;
}

/** The review mix as shipped, and an in-memory page of the mix's mean size. */
export interface ReviewMixResult {
  /** As shipped: every page, the session and the pickers read and rendered afresh on each request. */
  shipped: MixResult;
  /** Postgres only: two app processes against the one server, connections split between them. */
  twoProcesses: MixResult | null;
  baseline: LoadResult;
}

/** Runs the whole measurement on one engine and removes its workspace afterwards. */
export async function runEngine(name: EngineName, plan: readonly PlannedDocument[], o: BenchOptions): Promise<EngineResult> {
  const ws = await createWorkspace(name, o.adminUrl);
  try {
    const ctx: Ctx = { db: ws.engine.db, config: ws.config };
    o.log(`[${name}] seeding ${plan.length} documents`);
    const t0 = performance.now();
    const seeded = await seedWorkspace(ctx, plan);
    await vacuumAnalyze(ws.engine);
    const seed = { ms: round(performance.now() - t0, 0), counts: seeded.counts };
    o.log(`[${name}] seeded in ${(seed.ms / 1000).toFixed(1)} s: ${JSON.stringify(seed.counts)}`);
    const version = await serverVersion(ws.engine);
    const editor = { id: seeded.userIds.editor[0]!, name: 'Bench Editor', role: 'editor' as const };

    let imported: ImportResult | null = null;
    if (o.importBytes > 0) {
      imported = await measureImport(ctx, editor, articleOfBytes(o.importBytes), ws.databasePids);
      o.log(
        `[${name}] import: ${imported.claims} claims from ${(imported.bytes / 1048576).toFixed(2)} MB in ${imported.totalMs} ms (extraction ${imported.extractMs} ms; CPU app ${imported.appCpuMs} ms, db ${imported.databaseCpuMs ?? '—'} ms)`,
      );
      // Back to the planned workspace, so every engine serves the same pages.
      await ctx.db.deleteFrom('documents').where('id', '=', imported.documentId).execute();
      await vacuumAnalyze(ws.engine);
    }

    const cookie = `claimdesk_session=${await createSession(ctx, editor.id, { ip: null, userAgent: 'claimdesk bench' })}`;
    const readerDoc = seeded.documentIds[1];
    const q = encodeURIComponent;
    const pages = [
      { name: 'queue_search', label: `Claim queue: status=open, q=${o.search}`, path: `/claims?status=open&q=${q(o.search)}` },
      {
        name: 'queue_search_common',
        label: `Claim queue: status=open, q=${o.commonSearch} (a common word)`,
        path: `/claims?status=open&q=${q(o.commonSearch)}`,
      },
      { name: 'queue_status', label: 'Claim queue: status=open', path: '/claims?status=open' },
      { name: 'reader', label: `Document reader (${plan[1]?.claims.length ?? 0} claims)`, path: `/documents/${readerDoc}` },
    ];
    o.log(`[${name}] explaining the pages' queries`);
    const explain = await explainPages(
      ctx.db,
      ws.config,
      ws.secret,
      cookie,
      pages.map((p) => p.path),
    );
    const missing = explain.filter((p) => p.status !== 200);
    for (const p of missing) o.log(`[${name}] GET ${p.path} answers ${p.status}: not measured`);
    const available = pages.filter((p) => !missing.some((m) => m.path === p.path));

    const mixTarget: Omit<MixTarget, 'baseUrl'> = {
      cookie,
      bearer: `Bearer ${(await createApiToken(ctx, editor, editor.id, 'review mix')).token}`,
      // The 10,000-claim document's reader is left out: a person opens it rarely, and it alone would set every figure.
      documentIds: seeded.documentIds.slice(1),
      claimIds: (await ctx.db.selectFrom('claims').select('id').orderBy(sql`random()`).limit(5_000).execute()).map((r) => r.id),
      words: [o.search, o.commonSearch, 'Baghdad', 'porsiyento', 'ayon', 'Bush', 'milyon', 'sundalo'],
    };
    await ws.closeEngine();

    const load = { durationS: o.durationS, warmupS: o.warmupS, connections: o.connections };
    o.log(`[${name}] baseline page`);
    const baselineServer = await startBaseline();
    let baseline: LoadResult;
    try {
      baseline = await measurePage({ ...load, baseUrl: baselineServer.url, path: '/baseline', pid: baselineServer.child.pid! });
    } finally {
      await baselineServer.stop();
    }
    o.log(
      `[${name}] baseline ${baseline.requestsPerSecond} req/s, p99 ${baseline.latencyMs.p99} ms, CPU/request ${baseline.serverCpuMs} ms, load ${baseline.loadAverage}`,
    );

    const server = await startServer(ws.serverEnv);
    const pid = server.child.pid!;
    const startRssMb = processMemory(pid)?.rssMb ?? null;
    const results: PageResult[] = [];
    let peakRssMb: number | null = null;
    try {
      await warmUp(
        server.url,
        available.map((p) => p.path),
        cookie,
      );
      const gzip =
        available[0]?.name === 'queue_search'
          ? [{ ...available[0], name: 'queue_search_gzip', label: `${available[0].label}, gzip`, gzip: true }]
          : [];
      for (const page of [...available, ...gzip]) {
        const r = await measurePage({
          ...load,
          baseUrl: server.url,
          path: page.path,
          cookie,
          pid,
          acceptGzip: 'gzip' in page,
          ...(ws.databasePids ? { databasePids: ws.databasePids } : {}),
        });
        results.push({ name: page.name, label: page.label, load: r, ratio: round(r.requestsPerSecond / baseline.requestsPerSecond, 2) });
        o.log(
          `[${name}] ${page.label}: ${r.requestsPerSecond} req/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, CPU/request app ${r.serverCpuMs} ms db ${r.databaseCpuMs ?? '—'} ms, ${r.non2xx} non-2xx, ${r.errors} errors, load ${r.loadAverage}`,
        );
      }
      peakRssMb = processMemory(pid)?.hwmMb ?? null;
    } finally {
      await server.stop();
    }
    const mix = await measureReviewMix(name, ws.serverEnv, mixTarget, o, ws.databasePids);
    return {
      engine: name,
      version,
      seed,
      import: imported,
      baseline,
      pages: results,
      server: { startRssMb: startRssMb === null ? null : round(startRssMb), peakRssMb: peakRssMb === null ? null : round(peakRssMb) },
      explain,
      mix,
    };
  } finally {
    await ws.destroy();
  }
}

/**
 * The review mix on a fresh server as shipped (and, on Postgres, split between two processes), then
 * the in-memory baseline padded to the mix's mean response size, so the ratio compares like with like.
 */
async function measureReviewMix(
  name: EngineName,
  serverEnv: Record<string, string>,
  target: Omit<MixTarget, 'baseUrl'>,
  o: BenchOptions,
  databasePids?: () => Promise<number[]>,
): Promise<ReviewMixResult> {
  // The same seed for every run: each asks the same requests in the same order.
  const run = async (env: Record<string, string>, label: string, processes = 1) => {
    const servers = [];
    try {
      for (let i = 0; i < processes; i++) servers.push(await startServer(env));
      const r = await runReviewMix(
        { ...target, baseUrl: servers[0]!.url, baseUrls: servers.map((s) => s.url) },
        {
          durationS: o.durationS,
          warmupS: o.warmupS,
          connections: o.connections,
          pids: servers.map((s) => s.child.pid!),
          seed: 1,
          ...(databasePids ? { databasePids } : {}),
        },
      );
      o.log(
        `[${name}] review mix, ${label}: ${r.requestsPerSecond} req/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, CPU/request app ${r.serverCpuMs} ms db ${r.databaseCpuMs ?? '—'} ms, ${r.unexpected} unexpected, ${r.errors} errors, load ${r.loadAverage}`,
      );
      return r;
    } finally {
      for (const s of servers) await s.stop();
    }
  };
  const shipped = await run(serverEnv, 'as shipped');
  // PGlite is one process's database by design (docs/SCALING.md); on the server, two processes
  // show what scaling out does on the same two cores (the per-request CPU is what carries over).
  const twoProcesses = name === 'postgres' ? await run(serverEnv, 'two app processes', 2) : null;
  const baselineServer = await startBaseline();
  try {
    const baseline = await measurePage({
      durationS: o.durationS,
      warmupS: o.warmupS,
      connections: o.connections,
      baseUrl: baselineServer.url,
      path: `/baseline?bytes=${shipped.bytesPerResponse}`,
      pid: baselineServer.child.pid!,
    });
    o.log(`[${name}] baseline of the mix's mean size (${shipped.bytesPerResponse} bytes): ${baseline.requestsPerSecond} req/s`);
    return { shipped, twoProcesses, baseline };
  } finally {
    await baselineServer.stop();
  }
}
