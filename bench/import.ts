/**
 * One 1 MB article imported end to end through the service, as the import form and the CLI do:
 * extraction, then the document, its claims and their creation events in one transaction.
 */
import { performance } from 'node:perf_hooks';
import type { Ctx } from '../src/context.js';
import { importDocument } from '../src/documents/document.service.js';
import { extract } from '../src/extraction/index.js';
import type { Actor } from '../src/users/permissions.js';
import { processCpuMs, round } from './load.js';
import { textGenerator } from './text.js';

export interface ImportResult {
  bytes: number;
  claims: number;
  /** Extraction alone, measured on its own just before the import. */
  extractMs: number;
  /** importDocument from call to return: extraction, storage, reading the claims back. */
  totalMs: number;
  /** What storage added to extraction. */
  storeMs: number;
  /** CPU time of importDocument in this process (extraction, Kysely, pg), and of the database backends (server only). */
  appCpuMs: number;
  databaseCpuMs: number | null;
  documentId: number;
}

const sumCpu = (pids: number[]) => pids.reduce((a, pid) => a + (processCpuMs(pid) ?? 0), 0);

/** A generated article of at least `bytes` bytes of UTF-8, whole paragraphs. */
export function articleOfBytes(bytes: number, seed = 1001): string {
  const g = textGenerator(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const p = g.paragraph();
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  return parts.join('');
}

/** Imports `text` once through importDocument and times it; `databasePids` lists the server backends to charge. */
export async function measureImport(ctx: Ctx, actor: Actor, text: string, databasePids?: () => Promise<number[]>): Promise<ImportResult> {
  extract(text.slice(0, 100_000)); // load word lists and warm the JIT: not what is measured
  let t0 = performance.now();
  extract(text);
  const extractMs = performance.now() - t0;
  const pids = databasePids ? await databasePids() : [];
  const db0 = sumCpu(pids);
  const cpu0 = process.cpuUsage();
  t0 = performance.now();
  // The measured article is far above the per-document claim limit a newsroom runs with (5,000,
  // docs/SECURITY.md): the target is about the cost of a large import, so the bench lifts it.
  const bench = { ...ctx, config: { ...ctx.config, maxClaimsPerDocument: 1_000_000 } };
  const { document, claims } = await importDocument(bench, actor, { title: 'Bench import (1 MB)', text, language: 'tl' });
  const totalMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    bytes: Buffer.byteLength(text),
    claims: claims.length,
    extractMs: round(extractMs, 0),
    totalMs: round(totalMs, 0),
    storeMs: round(totalMs - extractMs, 0),
    appCpuMs: round((cpu.user + cpu.system) / 1000, 0),
    databaseCpuMs: pids.length ? round(sumCpu(pids) - db0, 0) : null,
    documentId: document.id,
  };
}
