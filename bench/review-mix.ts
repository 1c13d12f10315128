/**
 * The review mix: simulated reviewers navigating as people do, rather than one URL requested over
 * and over (which measures a cache). Each connection is one person: it opens the queue with
 * varied filters, searches, sorts and follows "next page"; opens claim pages and readers; and
 * one request in ten is a write through the API (a note, a status change, a verdict), which
 * changes what the queue shows. Requests are drawn from a seeded generator, so two runs ask the
 * same things in the same order. Latency is kept per page type; CPU is read from /proc.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { processCpuMs, round } from './load.js';

export type MixKind = 'queue' | 'queue_next' | 'search' | 'claim' | 'reader' | 'write_note' | 'write_status' | 'write_verdict';

export interface MixTarget {
  baseUrl: string;
  /** Several app processes behind one database: person i asks baseUrls[i % n] (default: baseUrl only). */
  baseUrls?: readonly string[];
  /** Session cookie of an editor, for the HTML pages. */
  cookie: string;
  /** `Authorization` value for the API writes (an editor's token). */
  bearer: string;
  documentIds: readonly number[];
  claimIds: readonly number[];
  /** Words the queue is searched for: some rare, some common. */
  words: readonly string[];
}

export interface MixOptions {
  durationS: number;
  warmupS: number;
  connections: number;
  /** The server processes, for their CPU per request (summed). */
  pids?: readonly number[];
  databasePids?: () => Promise<number[]>;
  seed?: number;
}

export interface KindStats {
  requests: number;
  p50: number;
  p99: number;
  mean: number;
  bytesPerResponse: number;
}

export interface MixResult {
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number };
  byKind: Partial<Record<MixKind, KindStats>>;
  errors: number;
  /** Responses that were not what the request expects (a 409 on a racing write counts here). */
  unexpected: number;
  bytesPerResponse: number;
  serverCpuMs: number | null;
  databaseCpuMs: number | null;
  loadAverage: number;
}

/** The share of each kind of request, in percent (writes: 10%). */
const WEIGHTS: [MixKind, number][] = [
  ['queue', 34],
  ['queue_next', 8],
  ['search', 12],
  ['claim', 26],
  ['reader', 10],
  ['write_note', 4],
  ['write_status', 3],
  ['write_verdict', 3],
];
const STATUSES = ['', 'open', 'open', 'in_review', 'resolved', 'dismissed'];
const SORTS = ['', 'score', 'updated', 'position'];
const KINDS = ['', '', '', 'statistic', 'date', 'quote', 'attribution'];
// Verdicts that need no correction text, so every write is one a person could send as is.
const VERDICTS = ['accurate', 'needs_context', 'unverifiable'];

/** A small seeded generator (mulberry32): the same seed asks the same requests. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Request {
  kind: MixKind;
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: unknown;
  /** Before a versioned write: read the claim for its version. */
  needsVersion?: number;
}

/** One simulated reviewer: what it asks next depends on what it has just seen. */
class Reviewer {
  #nextPage: string | null = null;
  constructor(
    private readonly t: MixTarget,
    private readonly rand: () => number,
  ) {}

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)]!;
  }

  next(): Request {
    let roll = this.rand() * 100;
    let kind: MixKind = 'queue';
    for (const [k, w] of WEIGHTS) {
      roll -= w;
      if (roll < 0) {
        kind = k;
        break;
      }
    }
    if (kind === 'queue_next' && !this.#nextPage) kind = 'queue';
    const claimId = this.pick(this.t.claimIds);
    switch (kind) {
      case 'queue': {
        const params = new URLSearchParams();
        for (const [name, value] of [
          ['status', this.pick(STATUSES)],
          ['sort', this.pick(SORTS)],
          ['kind', this.pick(KINDS)],
        ] as const)
          if (value) params.set(name, value);
        if (this.rand() < 0.3) params.set('q', this.pick(this.t.words));
        if (this.rand() < 0.15) params.set('documentId', String(this.pick(this.t.documentIds)));
        return { kind, method: 'GET', path: `/claims?${params}` };
      }
      case 'queue_next':
        return { kind, method: 'GET', path: this.#nextPage! };
      case 'search':
        return { kind, method: 'GET', path: `/claims?q=${encodeURIComponent(this.pick(this.t.words))}` };
      case 'claim':
        return { kind, method: 'GET', path: `/claims/${claimId}` };
      case 'reader':
        return { kind, method: 'GET', path: `/documents/${this.pick(this.t.documentIds)}` };
      case 'write_note':
        return {
          kind,
          method: 'POST',
          path: `/api/v1/claims/${claimId}/notes`,
          body: { body: `Checked the ministry's release, page ${Math.floor(this.rand() * 40) + 1}.` },
        };
      case 'write_status':
        return { kind, method: 'PATCH', path: `/api/v1/claims/${claimId}`, body: { status: 'in_review' }, needsVersion: claimId };
      case 'write_verdict':
        return {
          kind,
          method: 'PATCH',
          path: `/api/v1/claims/${claimId}`,
          body: { status: 'resolved', verdict: this.pick(VERDICTS), explanation: 'Against the official figures.' },
          needsVersion: claimId,
        };
    }
  }

  /** Remembers the queue's "next page" link, which a person would follow. */
  saw(kind: MixKind, html: string): void {
    if (kind !== 'queue' && kind !== 'search' && kind !== 'queue_next') return;
    const next = /<a[^>]+href="(\/claims\?[^"]*after=[^"]+)"/.exec(html)?.[1];
    this.#nextPage = next ? next.replaceAll('&amp;', '&') : null;
  }
}

interface Sent {
  status: number;
  text: string;
  bytes: number;
}

/** A person's cookies: the session, and whatever the app sets (its CSRF cookie), sent back as a browser would. */
class CookieJar {
  readonly #cookies = new Map<string, string>();
  constructor(initial: string) {
    for (const pair of initial.split('; ')) this.#set(pair);
  }
  #set(pair: string) {
    const eq = pair.indexOf('=');
    if (eq > 0) this.#cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  take(setCookie: string[] | undefined) {
    for (const line of setCookie ?? []) this.#set(line.split(';')[0]!);
  }
  get header(): string {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

function send(agent: http.Agent, target: MixTarget, jar: CookieJar, method: string, path: string, body?: unknown): Promise<Sent> {
  const url = new URL(path, target.baseUrl);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = { 'accept-encoding': 'identity' };
  if (path.startsWith('/api/')) headers.authorization = target.bearer;
  else headers.cookie = jar.header;
  if (payload) Object.assign(headers, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) });
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers }, (res) => {
      if (!path.startsWith('/api/')) jar.take(res.headers['set-cookie']);
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const buf = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, text: buf.toString('utf8'), bytes: buf.length });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Runs the mix for warm-up, then for `durationS`, and reports it by page type. */
export async function runReviewMix(target: MixTarget, o: MixOptions): Promise<MixResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections });
  try {
    if (o.warmupS > 0) await drive(agent, target, o.connections, o.warmupS, (o.seed ?? 1) + 1_000);
    const appCpu = () => (o.pids?.length ? o.pids.reduce((a, p) => a + (processCpuMs(p) ?? 0), 0) : null);
    const cpu0 = appCpu();
    const dbPids = o.databasePids ? await o.databasePids() : [];
    const dbCpu0 = dbPids.reduce((a, p) => a + (processCpuMs(p) ?? 0), 0);
    const started = performance.now();
    const run = await drive(agent, target, o.connections, o.durationS, o.seed ?? 1);
    const seconds = (performance.now() - started) / 1000;
    const cpu1 = appCpu();
    const dbCpu1 = dbPids.reduce((a, p) => a + (processCpuMs(p) ?? 0), 0);
    const all = [...run.latencies.values()].flat().sort((a, b) => a - b);
    const byKind: Partial<Record<MixKind, KindStats>> = {};
    for (const [kind, list] of run.latencies) {
      list.sort((a, b) => a - b);
      byKind[kind] = {
        requests: list.length,
        p50: round(quantile(list, 0.5)),
        p99: round(quantile(list, 0.99)),
        mean: round(list.reduce((a, b) => a + b, 0) / list.length),
        bytesPerResponse: Math.round((run.bytes.get(kind) ?? 0) / list.length),
      };
    }
    const totalBytes = [...run.bytes.values()].reduce((a, b) => a + b, 0);
    return {
      requestsPerSecond: round(all.length / seconds, 0),
      latencyMs: { p50: round(quantile(all, 0.5)), p99: round(quantile(all, 0.99)) },
      byKind,
      errors: run.errors,
      unexpected: run.unexpected,
      bytesPerResponse: Math.round(totalBytes / Math.max(1, all.length)),
      serverCpuMs: cpu0 !== null && cpu1 !== null ? round((cpu1 - cpu0) / all.length, 3) : null,
      databaseCpuMs: dbPids.length ? round((dbCpu1 - dbCpu0) / all.length, 3) : null,
      loadAverage: round(loadavg()[0] ?? 0, 2),
    };
  } finally {
    agent.destroy();
  }
}

async function drive(agent: http.Agent, target: MixTarget, connections: number, durationS: number, seed: number) {
  const latencies = new Map<MixKind, number[]>();
  const bytes = new Map<MixKind, number>();
  let errors = 0;
  let unexpected = 0;
  const deadline = performance.now() + durationS * 1000;
  const person = async (i: number) => {
    const urls = target.baseUrls?.length ? target.baseUrls : [target.baseUrl];
    const own = { ...target, baseUrl: urls[i % urls.length]! };
    const reviewer = new Reviewer(own, random(seed * 1_000 + i));
    const jar = new CookieJar(target.cookie);
    while (performance.now() < deadline) {
      const r = reviewer.next();
      try {
        let body = r.body;
        if (r.needsVersion !== undefined) {
          // A person's form carries the version it was read at; the read is not timed as the write.
          const read = await send(agent, own, jar, 'GET', `/api/v1/claims/${r.needsVersion}`);
          body = { ...(r.body as object), version: (JSON.parse(read.text) as { claim: { version: number } }).claim.version };
        }
        const t0 = performance.now();
        const res = await send(agent, own, jar, r.method, r.path, body);
        const ms = performance.now() - t0;
        (latencies.get(r.kind) ?? latencies.set(r.kind, []).get(r.kind)!).push(ms);
        bytes.set(r.kind, (bytes.get(r.kind) ?? 0) + res.bytes);
        if (res.status >= 300) unexpected++;
        else reviewer.saw(r.kind, res.text);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, i) => person(i)));
  return { latencies, bytes, errors, unexpected };
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
