/**
 * The claim queue's search, as the page runs it today and in two other shapes, EXPLAIN ANALYZEd
 * on the benchmark workspace for rare and common words (status=open, text-position order, 51 rows).
 * Evidence for the query change proposed in docs/BENCHMARKS.md.
 *
 * Usage: npm run bench:search [-- --database-url postgres://…/claimdesk_bench] [--terms Kuwait,milyong]
 * Without --database-url it builds its own 100,000-claim workspace on the local server and drops it.
 */
import { CompiledQuery, sql } from 'kysely';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import type { Db } from '../src/db/database.js';
import { openEngine, type Engine } from '../src/db/engine.js';
import { createSession } from '../src/users/session.service.js';
import { explainPages } from '../bench/explain.js';
import { planWorkspace } from '../bench/plan.js';
import { seedWorkspace } from '../bench/seed.js';
import { createWorkspace, vacuumAnalyze, type BenchWorkspace } from '../bench/workspace.js';

const { values } = parseArgs({ options: { 'database-url': { type: 'string' }, terms: { type: 'string', default: 'Kuwait,Santos,milyong,Reuters' } } });
const SECRET = 'claimdesk-bench-session-secret-0123456789abcdef';

let ws: BenchWorkspace | null = null;
let engine: Engine;
if (values['database-url']) {
  engine = await openEngine(loadConfig({ NODE_ENV: 'test', DATABASE_URL: values['database-url'], DB_STATEMENT_TIMEOUT_MS: '0' }));
} else {
  ws = await createWorkspace('postgres', process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', 'claimdesk_bench_search');
  await seedWorkspace({ db: ws.engine.db, config: ws.config }, planWorkspace({ documents: 1000, claims: 100_000, featured: [10_000, 2_000, 1_000], seed: 20_240_611 }));
  await vacuumAnalyze(ws.engine);
  engine = ws.engine;
}
const db = engine.db;
const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', SESSION_SECRET: SECRET, DATABASE_URL: 'postgres://unused/x' });
const editor = await db.selectFrom('users').select('id').where('role', '=', 'editor').orderBy('id').executeTakeFirstOrThrow();
const cookie = `claimdesk_session=${await createSession({ db, config }, editor.id, { ip: null, userAgent: 'bench:search' })}`;

// The select list and joins of findQueuePage; only the search condition differs between shapes.
const select = sql`SELECT c.*, a.display_name AS assignee_name, r.display_name AS resolved_by_name, d.title AS document_title
  FROM claims c JOIN documents d ON d.id = c.document_id LEFT JOIN users a ON a.id = c.assignee_id LEFT JOIN users r ON r.id = c.resolved_by`;
const order = sql`ORDER BY c.document_id, c.start_offset, c.id LIMIT 51`;
const tsq = (term: string) => sql`websearch_to_tsquery('simple', ${term})`;
const hits = (term: string, all = false) => sql`SELECT id FROM claims WHERE search @@ ${tsq(term)}
  ${sql.raw(all ? 'UNION ALL' : 'UNION')} SELECT claim_id FROM claim_notes WHERE search @@ ${tsq(term)}
  ${sql.raw(all ? 'UNION ALL' : 'UNION')} SELECT claim_id FROM claim_sources WHERE search @@ ${tsq(term)}`;

async function explainMs(query: CompiledQuery): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const { rows } = await db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN (ANALYZE) ${query.sql}`, [...query.parameters]));
    best = Math.min(best, Number(/Execution Time: ([\d.]+)/.exec(rows.map((r) => r['QUERY PLAN']).join('\n'))?.[1]));
  }
  return best;
}
const compile = (q: { compile(db: Db): CompiledQuery }) => q.compile(db);

console.log('| term | claims matching | open matching | current (page query) ms | `id IN (… UNION …)` ms | adaptive (hit list, then walk or lookup) ms |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const term of values.terms.split(',')) {
  const [page] = await explainPages(db, config, SECRET, cookie, [`/claims?status=open&q=${encodeURIComponent(term)}`]);
  const current = page!.queries.filter((q) => q.sql.includes('@@')).reduce((a, q) => a + q.executionMs, 0);
  const union = await explainMs(compile(sql`${select} WHERE c.status = 'open' AND c.id IN (${hits(term)}) ${order}`));
  // Adaptive: fetch at most 2,001 hit ids; few hits → look them up by primary key and sort them;
  // many → the ordered walk (today's query) reaches 51 matching rows quickly.
  const list = compile(sql`SELECT id FROM (${hits(term, true)}) h LIMIT 2001`);
  let adaptive = await explainMs(list);
  const listed = (await db.executeQuery<{ id: number }>(list)).rows;
  const ids = [...new Set(listed.map((r) => r.id))];
  adaptive += listed.length <= 2000
    ? await explainMs(compile(sql`${select} WHERE c.status = 'open' AND c.id = ANY(${sql.val(ids)}::int[]) ${order}`))
    : current;
  const { rows } = await sql<{ n: number; open: number }>`SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'open')::int AS open FROM claims WHERE id IN (${hits(term)})`.execute(db);
  console.log(`| ${term} | ${rows[0]!.n} | ${rows[0]!.open} | ${current.toFixed(1)} | ${union.toFixed(1)} | ${adaptive.toFixed(1)} |`);
}
if (ws) await ws.destroy();
else await engine.close();
