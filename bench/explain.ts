/**
 * EXPLAIN ANALYZE of the queries a page really runs. The app is built in-process over the bench
 * database with a Kysely plugin that records every compiled query; each page is requested once
 * with the session cookie, then each recorded SELECT is explained with its own parameters.
 */
import {
  CompiledQuery,
  PostgresQueryCompiler,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app.js';
import type { Config } from '../src/config.js';
import type { Db } from '../src/db/database.js';

export interface ExplainedQuery {
  sql: string;
  /** Top plan node, e.g. "Limit", "Nested Loop". */
  top: string;
  /** Indexes the plan reads, and tables it reads in full. */
  indexes: string[];
  seqScans: string[];
  executionMs: number;
  plan: string;
}

export interface ExplainedPage {
  path: string;
  /** The page's HTTP status; queries are explained only for a 200. */
  status: number;
  queries: ExplainedQuery[];
}

class RecordQueries implements KyselyPlugin {
  readonly queries: CompiledQuery[] = [];
  readonly #compiler = new PostgresQueryCompiler();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.queries.push(this.#compiler.compileQuery(args.node, args.queryId));
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** Requests each path once through a recording app, then explains every SELECT it ran (warm: best of three). */
export async function explainPages(
  db: Db,
  config: Readonly<Config>,
  secret: string,
  cookie: string,
  paths: readonly string[],
): Promise<ExplainedPage[]> {
  const recorder = new RecordQueries();
  const app = createApp({ db: db.withPlugin(recorder), config, secret });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const pages: ExplainedPage[] = [];
  try {
    for (const path of paths) {
      recorder.queries.length = 0;
      const res = await fetch(base + path, { headers: { cookie }, redirect: 'manual' });
      await res.arrayBuffer();
      if (res.status !== 200) {
        pages.push({ path, status: res.status, queries: [] });
        continue;
      }
      const selects = recorder.queries.filter((q) => /^\s*(select|with)\b/i.test(q.sql));
      const queries: ExplainedQuery[] = [];
      for (const q of selects) queries.push(await explain(db, q));
      pages.push({ path, status: res.status, queries });
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  return pages;
}

async function explain(db: Db, query: CompiledQuery): Promise<ExplainedQuery> {
  let plan = '';
  let executionMs = Infinity;
  for (let i = 0; i < 3; i++) {
    const result = await db.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, [...query.parameters]),
    );
    const text = result.rows.map((r) => r['QUERY PLAN']).join('\n');
    const ms = Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? NaN);
    if (ms < executionMs || !plan) [plan, executionMs] = [text, ms];
  }
  const unique = (re: RegExp) => [...new Set([...plan.matchAll(re)].map((m) => m[1]!))];
  return {
    sql: query.sql.replace(/\s+/g, ' ').trim(),
    top: /^\s*(?:->\s*)?([A-Za-z][A-Za-z ]+?)(?:\s+on\s|\s+using\s|\s+\(|$)/m.exec(plan)?.[1]?.trim() ?? '?',
    indexes: unique(/(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)/g),
    seqScans: unique(/Seq Scan on (\w+)/g),
    executionMs,
    plan,
  };
}
