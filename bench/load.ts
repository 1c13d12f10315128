/**
 * Load on one page with autocannon (loopback only), while sampling the server's memory from
 * /proc: what a page sustains and what it costs the process serving it.
 */
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

export interface LoadResult {
  path: string;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  requests: number;
  errors: number;
  non2xx: number;
  bytesPerResponse: number;
  /** Largest resident set of the server sampled during this load. */
  serverRssMb: number | null;
  /** CPU time the server process spent per request (user + system), in ms: independent of other load. */
  serverCpuMs: number | null;
  /** CPU time of the database backends serving it, per request, in ms (Postgres server only). */
  databaseCpuMs: number | null;
  /** The machine's one-minute load average when the load ended: above the core count, other work competed. */
  loadAverage: number;
}

export interface LoadOptions {
  baseUrl: string;
  path: string;
  cookie?: string;
  durationS: number;
  warmupS: number;
  connections: number;
  /** The server process to watch (Linux). */
  pid?: number;
  acceptGzip?: boolean;
  /** The database backend processes serving the server (Postgres server), looked up after warm-up. */
  databasePids?: () => Promise<number[]>;
}

/** Memory of a process from /proc/<pid>/status, in MB: current resident set and its high-water mark. */
export function processMemory(pid: number): { rssMb: number; hwmMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** CPU time of a process so far (utime + stime), in ms; null when it is gone. */
export function processCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
const CLOCK_TICKS = 100;
const sumCpu = (pids: number[]) => pids.reduce((a, pid) => a + (processCpuMs(pid) ?? 0), 0);

/** Requests every page a few times first, so that the first page measured does not pay for the JIT and caches of all of them. */
export async function warmUp(baseUrl: string, paths: readonly string[], cookie: string, rounds = 30): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    for (const path of paths)
      await (await fetch(new URL(path, baseUrl), { headers: { cookie, 'accept-encoding': 'identity' } })).arrayBuffer();
  }
}

/** Warms the page up (JIT, view cache, database caches), then measures it for `durationS` seconds. */
export async function measurePage(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.path, options.baseUrl).toString();
  const headers: Record<string, string> = { 'accept-encoding': options.acceptGzip ? 'gzip' : 'identity' };
  if (options.cookie) headers.cookie = options.cookie;
  const check = await fetch(url, { headers, redirect: 'manual' });
  if (check.status !== 200)
    throw new Error(`GET ${options.path} answered ${check.status}, not 200: is the page there and the session valid?`);
  await check.arrayBuffer();
  if (options.warmupS > 0) await autocannon({ url, headers, connections: options.connections, duration: options.warmupS });

  let peakRss = 0;
  const sampler = options.pid
    ? setInterval(() => {
        const m = processMemory(options.pid!);
        if (m && m.rssMb > peakRss) peakRss = m.rssMb;
      }, 200)
    : null;
  const dbPids = options.databasePids ? await options.databasePids() : [];
  const cpu0 = options.pid ? processCpuMs(options.pid) : null;
  const db0 = sumCpu(dbPids);
  try {
    const r = await autocannon({ url, headers, connections: options.connections, duration: options.durationS });
    const cpu1 = options.pid ? processCpuMs(options.pid) : null;
    const perRequest = (ms: number) => (r.requests.total ? round(ms / r.requests.total, 2) : null);
    return {
      path: options.path,
      requestsPerSecond: round(r.requests.total / r.duration),
      latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: r.latency.mean },
      requests: r.requests.total,
      errors: r.errors + r.timeouts,
      non2xx: r.non2xx,
      bytesPerResponse: r.requests.total ? Math.round(r.throughput.total / r.requests.total) : 0,
      serverRssMb: options.pid ? round(peakRss) : null,
      serverCpuMs: cpu0 !== null && cpu1 !== null ? perRequest(cpu1 - cpu0) : null,
      databaseCpuMs: dbPids.length ? perRequest(sumCpu(dbPids) - db0) : null,
      loadAverage: round(loadavg()[0]!, 2),
    };
  } finally {
    if (sampler) clearInterval(sampler);
  }
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
