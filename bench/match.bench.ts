/**
 * `npm run bench:match`: the cost of "seen before" matching (docs/MATCHING.md, issue 17).
 *
 * On each engine, a fresh workspace of N claims (default 100,000: 1,000 generated articles of
 * the bench's sentence bank, one claim per sentence, a third of them resolved) is loaded by SQL,
 * with each claim's match keys computed as an import would. Then:
 *  - matching a 50-claim document: `refreshMatches` on a new document's 50 extracted claims (keys,
 *    retrieval, scoring, storing the pairs), and the restated-review lookup of its other sentences,
 *    each in a transaction rolled back, so every run sees the same workspace; median of the runs;
 *  - the EXPLAIN (ANALYZE) of the retrieval query for those 50 claims;
 *  - the 1 MB import of `npm run bench` with matching on (importDocument, timed whole), and its
 *    matching steps (restated reviews, refreshDocumentMatches, the near-duplicate lookup and its
 *    shingles) timed on their own on the same text, just before, in a transaction rolled back,
 *    against what the import does without them (extraction, storing the document and claims).
 * Writes bench/results/match.json. Figures and plans are copied into docs/BENCHMARKS.md by hand.
 *
 * Usage: npm run bench:match -- [--engine both|postgres|pglite] [--claims 100000] [--runs 5]
 *          [--import-mb 1] [--skip-import] [--database-url postgres://postgres@127.0.0.1:5432/postgres]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { claimRows } from '../src/documents/document.service.js';
import { insertClaims } from '../src/claims/claim.repository.js';
import type { Tx } from '../src/db/database.js';
import { insertDocument } from '../src/documents/document.repository.js';
import { findNearDuplicate, storeShingles } from '../src/documents/near-duplicate.js';
import { shingleHashes } from '../src/documents/shingles.js';
import { extract, splitSentences } from '../src/extraction/index.js';
import { claimTerms } from '../src/matching/claim-terms.js';
import { candidatesQuery, findClaimIdsOfDocument, findClaimTexts, type MatchKey } from '../src/matching/match.repository.js';
import { RETRIEVAL, refreshDocumentMatches, refreshMatches } from '../src/matching/match.service.js';
import { matchingIdle } from '../src/matching/background-matching.js';
import { restatedReviewClaims } from '../src/matching/restated-reviews.js';
import { cliActor } from '../src/users/permissions.js';
import { articleOfBytes, measureImport } from './import.js';
import { storeMatchKeys } from './match-keys.js';
import { processCpuMs } from './load.js';
import { textGenerator } from './text.js';
import { createWorkspace, vacuumAnalyze, type BenchWorkspace, type EngineName } from './workspace.js';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    claims: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    'import-mb': { type: 'string', default: '1' },
    'skip-import': { type: 'boolean', default: false },
    'database-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const engines: EngineName[] = values.engine === 'both' ? ['postgres', 'pglite'] : [values.engine as EngineName];
const claimCount = Number(values.claims);
const runs = Number(values.runs);
const started = Date.now();
const log = (message: string) => console.log(`${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s  ${message}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => Math.round(x * 10) / 10;

/** Rolls back whatever `body` wrote, so each run measures the same workspace. */
class Rollback extends Error {}
async function rolledBack<T>(ws: BenchWorkspace, body: (trx: Tx) => Promise<T>): Promise<T> {
  let out: T | undefined;
  await ws.engine.db
    .transaction()
    .execute(async (trx) => {
      out = await body(trx);
      throw new Rollback();
    })
    .catch((err) => {
      if (!(err instanceof Rollback)) throw err;
    });
  return out!;
}

/** N claims in generated articles, one per sentence, a third resolved; their match keys as an import computes them. */
async function load(ws: BenchWorkspace): Promise<void> {
  const db = ws.engine.db;
  const g = textGenerator(20_240_611);
  let planned = 0;
  for (let n = 1; planned < claimCount; n++) {
    const body = g.article(9_000);
    const starts = splitSentences(body, 'tl').map((s) => s.start);
    await db
      .insertInto('documents')
      .values({
        title: `Bench article ${n}`,
        language: 'tl',
        body,
        content_hash: createHash('sha256').update(body).digest('hex'),
        sentence_starts: starts,
      })
      .execute();
    planned += starts.length;
  }
  // One claim per sentence, cut in SQL from the stored starts (the sentence less its trailing space).
  await sql`
    INSERT INTO claims (document_id, start_offset, end_offset, quote, sentence_index, kind, score, reasons, origin)
    SELECT document_id, s, s + length(q), q, i, (ARRAY['statistic','date','quote','attribution','reference'])[1 + (document_id + i) % 5], 0.5, '[]'::jsonb, 'extracted'
    FROM (
      SELECT d.id AS document_id, i, d.sentence_starts[i] AS s,
        rtrim(substr(d.body, d.sentence_starts[i] + 1, coalesce(d.sentence_starts[i + 1], length(d.body)) - d.sentence_starts[i]), E' \\n') AS q
      FROM documents d, generate_series(1, cardinality(d.sentence_starts)) i
    ) x WHERE length(q) > 0 ORDER BY document_id, i LIMIT ${claimCount}`.execute(db);
  await sql`UPDATE claims SET status = 'resolved', verdict = 'accurate', resolved_at = now() WHERE id % 3 = 0`.execute(db);
  // Each claim's match keys (and each document's shingles) as an import computes them.
  await storeMatchKeys(db);
  await vacuumAnalyze(ws.engine);
}

interface EngineFigures {
  engine: EngineName;
  claims: number;
  loadS: number;
  matchFiftyMs: number[];
  /** CPU of the same runs: this process (scoring, pg) and the server backends (server only). */
  matchFiftyCpuMs: { app: number; database: number | null }[];
  restatedMs: number[];
  /** The 1-, 5- and 15-minute load averages as the runs start. */
  loadAverage: number[];
  retrievalPlan: string;
  import?: {
    bytes: number;
    claims: number;
    onMs: number;
    onCpuMs: { app: number; database: number | null };
    matchingMs: number;
    matchingCpuMs: { app: number; database: number | null };
    /** Matching after the import returned (a long document's claims, docs/MATCHING.md): wall and CPU. */
    background: { ms: number; cpuMs: { app: number; database: number | null } };
    /** The matching steps one by one: restated-review lookup, refreshDocumentMatches, near-duplicate shingles. */
    steps: { restatedMs: number; refreshMs: number; nearDuplicateMs: number };
    offMs: number;
    growth: number;
  };
}

async function benchEngine(name: EngineName): Promise<EngineFigures> {
  log(`${name}: loading ${claimCount} claims`);
  const ws = await createWorkspace(name, values['database-url'], 'claimdesk_bench_match');
  try {
    const t0 = performance.now();
    await load(ws);
    const loadS = Math.round((performance.now() - t0) / 100) / 10;
    const stored = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM claim_match_keys`.execute(ws.engine.db)).rows[0]!.n);
    log(`${name}: ${stored} claims with keys in ${loadS} s`);

    // A new article of the same sentence bank (another seed): its first 50 extracted claims.
    const text = textGenerator(7).article(6_000);
    const extraction = extract(text, { language: 'tl' });
    // Its 50 first claims and the sentences they lie in (so the restated lookup sees only those sentences' gaps).
    const firstFifty = extraction.claims.slice(0, 50);
    const lastSentence = firstFifty.at(-1)?.sentenceIndex ?? 0;
    const fifty = { ...extraction, claims: firstFifty, sentences: extraction.sentences.filter((s) => s.index <= lastSentence) };
    if (fifty.claims.length < 50) throw new Error(`the query article has only ${fifty.claims.length} claims`);
    const matchFiftyMs: number[] = [];
    const matchFiftyCpuMs: EngineFigures['matchFiftyCpuMs'] = [];
    const restatedMs: number[] = [];
    const pids = ws.databasePids ? await ws.databasePids() : [];
    const databaseCpu = () => (pids.length ? pids.reduce((a, pid) => a + (processCpuMs(pid) ?? 0), 0) : null);
    const loadAverage = loadavg().map((x) => Math.round(x * 100) / 100);
    let retrievalPlan = '';
    for (let run = 0; run <= runs; run++) {
      await rolledBack(ws, async (trx) => {
        const doc = await insertDocument(trx, {
          title: 'Bench query',
          language: 'tl',
          body: text,
          content_hash: createHash('sha256').update(`${text}${run}`).digest('hex'),
          sentence_starts: extraction.sentences.map((s) => s.start),
          created_by: null,
        });
        await insertClaims(trx, claimRows(doc.id, fifty));
        const ids = await findClaimIdsOfDocument(trx, doc.id);
        const cpu0 = process.cpuUsage();
        const db0 = databaseCpu();
        let t = performance.now();
        await refreshMatches(trx, ids);
        const match = performance.now() - t;
        const cpu = process.cpuUsage(cpu0);
        const db1 = databaseCpu();
        t = performance.now();
        await restatedReviewClaims(trx, doc.id, text, fifty, 1000);
        const restated = performance.now() - t;
        // The first run warms caches and the JIT; it is not counted.
        if (run > 0) {
          matchFiftyMs.push(ms(match));
          matchFiftyCpuMs.push({
            app: Math.round((cpu.user + cpu.system) / 1000),
            database: db0 === null || db1 === null ? null : Math.round(db1 - db0),
          });
          restatedMs.push(ms(restated));
        }
        if (run === runs) {
          const texts = await findClaimTexts(trx, ids);
          const keys: MatchKey[] = texts.map((c) => ({
            claimId: c.claimId + 1_000_000_000,
            documentId: c.documentId,
            spelling: c.kind === 'spelling',
            ...claimTerms(c.sentence, c.quote),
          }));
          const { rows } = await sql<{
            'QUERY PLAN': string;
          }>`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${candidatesQuery(keys, RETRIEVAL)}`.execute(trx);
          retrievalPlan = rows.map((r) => r['QUERY PLAN']).join('\n');
        }
      });
    }
    log(
      `${name}: 50-claim document matched in ${median(matchFiftyMs)} ms (median of ${runs}; CPU ${JSON.stringify(matchFiftyCpuMs)}), restated lookup ${median(restatedMs)} ms; load average ${loadAverage.join(', ')}`,
    );

    let imported: EngineFigures['import'];
    if (!values['skip-import']) {
      const article = articleOfBytes(Math.round(Number(values['import-mb']) * 1024 * 1024));
      const full = extract(article, { language: 'tl' });
      // The import's matching steps alone, on the same text, before it is stored for real.
      let matchingCpu = { user: 0, system: 0 };
      let matchingDb: number | null = null;
      const steps = { restatedMs: 0, refreshMs: 0, nearDuplicateMs: 0 };
      const { matching: matchingMs, storage: storageMs } = await rolledBack(ws, async (trx) => {
        const t0 = performance.now();
        const doc = await insertDocument(trx, {
          title: 'Bench import, matching only',
          language: 'tl',
          body: article,
          content_hash: createHash('sha256').update(`${article}x`).digest('hex'),
          sentence_starts: full.sentences.map((s) => s.start),
          created_by: null,
        });
        const docMs = performance.now() - t0;
        const t = performance.now();
        const cpu0 = process.cpuUsage();
        const db0 = databaseCpu();
        // As importDocument does: a long document's restated-review lookup and matching run after commit, in the background.
        const inline = full.claims.length <= ws.config.matchInlineClaims;
        const restated = inline ? await restatedReviewClaims(trx, doc.id, article, full, 1_000_000) : [];
        steps.restatedMs = Math.round(performance.now() - t);
        const rows = claimRows(doc.id, full);
        const t1 = performance.now();
        const insertCpu0 = process.cpuUsage();
        const insertDb0 = databaseCpu();
        await insertClaims(
          trx,
          [...rows, ...restated].sort((a, b) => a.start - b.start || a.end - b.end),
        );
        const insertMs = performance.now() - t1;
        const insertCpu = process.cpuUsage(insertCpu0);
        const insertDb = db0 === null ? null : (databaseCpu() ?? 0) - (insertDb0 ?? 0);
        let ts = performance.now();
        if (inline) await refreshDocumentMatches(trx, doc.id);
        steps.refreshMs = Math.round(performance.now() - ts);
        ts = performance.now();
        const hashes = shingleHashes(article);
        await findNearDuplicate(trx, hashes);
        await storeShingles(trx, doc.id, hashes);
        steps.nearDuplicateMs = Math.round(performance.now() - ts);
        const all = process.cpuUsage(cpu0);
        matchingCpu = { user: all.user - insertCpu.user, system: all.system - insertCpu.system };
        matchingDb = db0 === null ? null : (databaseCpu() ?? 0) - db0 - (insertDb ?? 0);
        // The import without matching stores the document and its claims: measured here as well.
        return { matching: performance.now() - t - insertMs, storage: docMs + insertMs };
      });
      log(`${name}: 1 MB import's matching alone ${Math.round(matchingMs)} ms (${JSON.stringify(steps)}); importing for real`);
      // The generated megabyte holds ~25,000 claims, past the default MAX_CLAIMS_PER_DOCUMENT.
      const on = await measureImport(
        { db: ws.engine.db, config: { ...ws.config, maxClaimsPerDocument: 1_000_000 } },
        cliActor,
        article,
        ws.databasePids,
      );
      // What the import left to the background: timed from the import's return until it is done.
      const bgCpu0 = process.cpuUsage();
      // The pool's backends now (the import may have opened more), each read again at the end.
      const bgPids = ws.databasePids ? await ws.databasePids() : [];
      const bgDb0 = bgPids.map((pid) => processCpuMs(pid));
      const bgT0 = performance.now();
      await matchingIdle();
      const bgCpu = process.cpuUsage(bgCpu0);
      const background = {
        ms: Math.round(performance.now() - bgT0),
        cpuMs: {
          app: Math.round((bgCpu.user + bgCpu.system) / 1000),
          database: bgPids.length
            ? Math.round(bgPids.reduce((a, pid, i) => a + Math.max(0, (processCpuMs(pid) ?? 0) - (bgDb0[i] ?? 0)), 0))
            : null,
        },
      };
      log(`${name}: its background matching ${background.ms} ms more (CPU ${JSON.stringify(background.cpuMs)})`);
      // Without matching: extraction and storing the document and its claims (the creation events are left out, so this errs low).
      const offMs = on.extractMs + storageMs;
      imported = {
        bytes: on.bytes,
        claims: on.claims,
        onMs: on.totalMs,
        onCpuMs: { app: on.appCpuMs, database: on.databaseCpuMs },
        matchingMs: Math.round(matchingMs),
        steps,
        matchingCpuMs: {
          app: Math.round((matchingCpu.user + matchingCpu.system) / 1000),
          database: matchingDb === null ? null : Math.round(matchingDb),
        },
        offMs: Math.round(offMs),
        background,
        growth: Math.round((matchingMs / offMs) * 1000) / 1000,
      };
      log(`${name}: 1 MB import ${on.totalMs} ms with matching, ~${imported.offMs} ms without: +${Math.round(imported.growth * 100)} %`);
    }
    return {
      engine: name,
      claims: stored,
      loadS,
      matchFiftyMs,
      matchFiftyCpuMs,
      restatedMs,
      loadAverage,
      retrievalPlan,
      ...(imported ? { import: imported } : {}),
    };
  } finally {
    await ws.destroy();
  }
}

const results: EngineFigures[] = [];
for (const name of engines) results.push(await benchEngine(name));
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/match.json', import.meta.url),
  `${JSON.stringify({ date: new Date().toISOString(), command: `npm run bench:match -- ${process.argv.slice(2).join(' ')}`, results }, null, 2)}\n`,
);
for (const r of results) {
  console.log(
    `\n${r.engine}: ${r.claims} claims; 50-claim document ${median(r.matchFiftyMs)} ms (runs ${r.matchFiftyMs.join(', ')}; CPU ${JSON.stringify(r.matchFiftyCpuMs)}); restated lookup ${median(r.restatedMs)} ms`,
  );
  if (r.import)
    console.log(
      `  1 MB import: ${r.import.onMs} ms on (CPU ${JSON.stringify(r.import.onCpuMs)}), matching ${r.import.matchingMs} ms (CPU ${JSON.stringify(r.import.matchingCpuMs)}), growth ${Math.round(r.import.growth * 1000) / 10} %; then ${r.import.background.ms} ms in the background (CPU ${JSON.stringify(r.import.background.cpuMs)}); load average ${r.loadAverage.join(', ')}`,
    );
  console.log(r.retrievalPlan);
}
