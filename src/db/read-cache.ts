import { AliasNode, TableNode, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import type { Db } from './database.js';
import type { Engine } from './engine.js';

/** The tables whose writes are announced (sql/0010): only these may back a cached read. */
export type WatchedTable = 'users' | 'sessions' | 'documents';
const watched: ReadonlySet<string> = new Set<WatchedTable>(['users', 'sessions', 'documents']);

interface Entry {
  value: unknown;
  /** The generation of each of its tables when it was read. */
  generations: number[];
  tables: readonly WatchedTable[];
  expiresAt: number;
}

/**
 * A process's short-lived copies of reads made on nearly every request (the session behind a
 * cookie, the users, the documents in the queue's filter), each dropped as soon as a table it
 * was read from changes.
 *
 * A change is learnt twice: at once, when this process writes the table (`watch()`'s plugin
 * sees the statement), and once committed, from the database's notification (sql/0010), which
 * also brings the writes of every other process. A read that overlaps a change is not kept. Only
 * while notifications flow is anything kept: when the listening connection is lost, every read
 * goes to the database until it is back. A copy lives `ttlMs` at most, whatever happens.
 */
export class ReadCache {
  readonly #generations = new Map<string, number>();
  readonly #entries = new Map<string, Entry>();
  #live = false;
  readonly #stop: () => void;

  constructor(engine: Pick<Engine, 'watchChanges'>, private readonly options: { ttlMs?: number; maxEntries?: number } = {}) {
    this.#stop = engine.watchChanges(
      (table) => this.changed(table),
      (live) => {
        this.#live = live;
        // Whatever was kept may have missed a change while the feed was down.
        for (const table of watched) this.changed(table);
      },
    );
  }

  /** Whether reads are being kept (notifications are flowing). */
  get live(): boolean {
    return this.#live;
  }

  /** Forgets everything read from `table`. */
  changed(table: string): void {
    this.#generations.set(table, (this.#generations.get(table) ?? 0) + 1);
  }

  /**
   * The value kept under `key` if none of `tables` has changed since it was read, else `load()`'s,
   * kept for next time. Values are frozen: they are shared by every request that asks.
   */
  async get<T>(key: string, tables: readonly WatchedTable[], load: () => Promise<T>): Promise<T> {
    if (!this.#live) return load();
    const now = Date.now();
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt > now && entry.tables.every((t, i) => this.#generation(t) === entry.generations[i])) return entry.value as T;
    const generations = tables.map((t) => this.#generation(t));
    const value = await load();
    if (this.#live && tables.every((t, i) => this.#generation(t) === generations[i])) {
      this.#entries.delete(key); // re-inserted last: the map's order is the eviction order
      if (this.#entries.size >= (this.options.maxEntries ?? 10_000)) this.#entries.delete(this.#entries.keys().next().value!);
      this.#entries.set(key, { value: deepFreeze(value), generations, tables, expiresAt: now + (this.options.ttlMs ?? 60_000) });
    }
    return value;
  }

  /** `db` with a plugin that forgets a watched table as soon as this process writes it. */
  watch(db: Db): Db {
    return db.withPlugin(new ForgetOnWrite(this));
  }

  close(): void {
    this.#stop();
    this.#live = false;
    this.#entries.clear();
  }

  #generation(table: string): number {
    return this.#generations.get(table) ?? 0;
  }
}

/** Reads through `ctx.cache` when there is one (the app), straight from the database otherwise (CLI, scripts). */
export function cachedRead<T>(cache: ReadCache | undefined, key: string, tables: readonly WatchedTable[], load: () => Promise<T>): Promise<T> {
  return cache ? cache.get(key, tables, load) : load();
}

/** Tells the cache about inserts, updates and deletes of watched tables, after they run. */
class ForgetOnWrite implements KyselyPlugin {
  readonly #written = new WeakMap<object, string>();
  constructor(private readonly cache: ReadCache) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const table = writtenTable(args.node);
    if (table && watched.has(table)) {
      this.#written.set(args.queryId, table);
      this.cache.changed(table); // before, too: a read racing the write must not be kept
    }
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const table = this.#written.get(args.queryId);
    if (table) this.cache.changed(table);
    return args.result;
  }
}

function writtenTable(node: RootOperationNode): string | undefined {
  const tableNode = node.kind === 'InsertQueryNode' ? node.into : node.kind === 'UpdateQueryNode' ? node.table : node.kind === 'DeleteQueryNode' ? node.from.froms[0] : undefined;
  if (!tableNode) return undefined;
  const inner = AliasNode.is(tableNode) ? tableNode.node : tableNode;
  return TableNode.is(inner) ? inner.table.identifier.name : undefined;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !(value instanceof Date)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
