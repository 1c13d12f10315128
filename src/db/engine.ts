import { secureDataDir } from './data-dir-modes.js';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import { setFlagsFromString } from 'node:v8';
import pg from 'pg';
import type { Config } from '../config.js';
import type { Database, Db } from './database.js';
import { lockDataDir } from './data-dir-lock.js';

const DATE_OID = 1082;
const INT8_OID = 20;

/**
 * The database as the rest of claimdesk sees it: one Kysely instance, plus the two things only
 * this layer may do — run a multi-statement SQL script in one transaction (migrations), and close.
 */
export interface Engine {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction whose `exec` accepts several statements at once. */
  scriptTransaction<T>(fn: (exec: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball (tests start from it; backups could too). */
  dump?: () => Promise<Blob>;
}

export type EngineOptions = Pick<Config, 'databaseUrl' | 'dataDir' | 'dbPoolMax' | 'dbStatementTimeoutMs' | 'dbConnectTimeoutMs'> &
  Partial<Pick<Config, 'pgliteSharedBuffersMb' | 'pgliteCode'>> & {
    /** For tests: start PGlite from a dumped data directory, in memory. */
    pgliteSnapshot?: Blob;
  };

// DATE stays an ISO string and bigint (count(*)) a number, on both engines alike.
const parsers = { [DATE_OID]: (v: string) => v, [INT8_OID]: (v: string) => Number(v) };

/** Opens the engine the configuration names: a Postgres server with DATABASE_URL, PGlite otherwise. */
export async function openEngine(options: EngineOptions): Promise<Engine> {
  return options.databaseUrl ? openPostgres(options, options.databaseUrl) : openPglite(options);
}

async function openPglite(options: EngineOptions): Promise<Engine> {
  // V8 compiles PGlite's WebAssembly with its baseline compiler, then recompiles the hot code with
  // its optimizing one on background threads, whose memory stays with the process: measured at
  // 100,000 claims, a server started at 233 MB and peaked at 353 MB under load; with the baseline
  // code only, 172 and 297 MB, for database work about a quarter slower (docs/BENCHMARKS.md).
  // V8 reads the flag when it compiles, so it is set before the module loads.
  if ((options.pgliteCode ?? 'compact') === 'compact') setFlagsFromString('--liftoff-only');
  // Loaded only when used: the WebAssembly module costs ~35 MB a server-mode process need not carry.
  const { PGlite } = await import('@electric-sql/pglite');
  // pg_trgm scores the words of "seen before" matches (sql/0016); on a server it is a contrib module.
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const extensions = { pg_trgm };
  // PGlite's shared buffers live in the app's own memory: its default of 128 MB made a server at
  // 100,000 claims peak at 480 MB; 16 MB keeps the hot indexes, and the OS caches the files.
  const startParams = [...PGlite.defaultStartParams, '-c', `shared_buffers=${options.pgliteSharedBuffersMb ?? 16}MB`];
  let pglite: PGlite;
  let unlock = () => {};
  if (options.pgliteSnapshot) {
    pglite = await PGlite.create({ loadDataDir: options.pgliteSnapshot, parsers, startParams, extensions });
  } else {
    secureDataDir(options.dataDir);
    unlock = lockDataDir(options.dataDir);
    try {
      pglite = await PGlite.create({ dataDir: options.dataDir, parsers, startParams, extensions });
      secureDataDir(options.dataDir);
    } catch (err) {
      unlock();
      throw err;
    }
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    async scriptTransaction(fn) {
      // Kysely serialises its own queries on the single PGlite connection; going through it keeps
      // a migration from interleaving with an application query.
      return db.connection().execute(() => pglite.transaction(async (tx) => fn(async (sql) => (await tx.exec(sql)).at(-1)?.rows ?? [])));
    },
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
      unlock();
    },
    dump: () => db.connection().execute(async () => (await pglite.dumpDataDir('none')) as Blob),
  };
}

async function openPostgres(options: EngineOptions, url: string): Promise<Engine> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.dbPoolMax,
    connectionTimeoutMillis: options.dbConnectTimeoutMs,
    statement_timeout: options.dbStatementTimeoutMs,
    idleTimeoutMillis: 30_000,
    // A server that stops answering without closing the socket (a network partition) would hold a
    // request forever: the client gives up a little after the server-side timeout would have.
    query_timeout: options.dbStatementTimeoutMs > 0 ? options.dbStatementTimeoutMs + options.dbConnectTimeoutMs : undefined,
    // A transaction left open by a crashed request must not hold its row locks for long.
    idle_in_transaction_session_timeout: Math.max(options.dbStatementTimeoutMs, 60_000),
    keepAlive: true,
    application_name: 'claimdesk',
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid in parsers
          ? parsers[oid as keyof typeof parsers]
          : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // A client losing its server (restart, failover, pg_terminate_backend) emits 'error'. The pool
  // listens only while a client is idle; a client checked out by a request would crash the
  // process with an unhandled 'error' event. Its query fails anyway (→ 503) and the pool drops
  // the broken client on release, so the listener only has to exist.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    async scriptTransaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(async (sql) => {
          const res = (await client.query(sql)) as unknown as pg.QueryResult | pg.QueryResult[];
          const last = Array.isArray(res) ? res.at(-1) : res;
          return (last?.rows ?? []) as Record<string, unknown>[];
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

/** The PGlite data directory as a tarball; throws for a server engine. */
export async function dumpPglite(engine: Engine): Promise<Blob> {
  if (!engine.dump) throw new Error('Only an embedded (PGlite) database can be dumped this way.');
  return engine.dump();
}
