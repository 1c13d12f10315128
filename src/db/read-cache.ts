import type { Engine } from './engine.js';

/** The tables whose writes are announced (sql/0010, sql/0011): only these may back a cached read. */
export type WatchedTable = 'users' | 'sessions' | 'documents' | 'claims' | 'claim_notes' | 'claim_sources';

interface Entry {
  value: unknown;
  /** The generation of each of its tables when it was read. */
  generations: number[];
  tables: readonly WatchedTable[];
  /** The feed's epoch when it was read: a gap in the notifications outdates every entry. */
  epoch: number;
  expiresAt: number;
}

export interface ReadCacheOptions {
  /** How long a copy may be served at most, whatever happens. */
  ttlMs?: number;
  maxEntries?: number;
}

/**
 * A process's short-lived copies of reads made on nearly every request (the session behind a
 * cookie, the users and documents in the queue's pickers), each dropped as
 * soon as a table it was read from changes.
 *
 * A change is learnt twice: at once, when this process writes the table (the engine's
 * AnnounceWrites plugin sees the statement), and once committed, from the database's
 * notification (sql/0010, sql/0011), which also brings the writes of every other process. A read
 * that overlaps a change is not kept. Only while notifications flow is anything kept: when the
 * listening connection is lost, every read goes to the database until it is back. A copy lives
 * `ttlMs` at most, whatever happens.
 */
export class ReadCache {
  readonly #generations = new Map<string, number>();
  readonly #entries = new Map<string, Entry>();
  #live = false;
  #epoch = 0;
  readonly #stop: () => void;

  constructor(
    engine: Pick<Engine, 'watchChanges'>,
    private readonly options: ReadCacheOptions = {},
  ) {
    this.#stop = engine.watchChanges(
      (table) => this.changed(table),
      (live) => {
        this.#live = live;
        // Whatever was kept, or is being read, may have missed a change while the feed was down.
        this.#epoch += 1;
        this.#clear();
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
    if (
      entry &&
      entry.expiresAt > now &&
      entry.epoch === this.#epoch &&
      entry.tables.every((t, i) => this.#generation(t) === entry.generations[i])
    )
      return entry.value as T;
    const epoch = this.#epoch;
    const generations = tables.map((t) => this.#generation(t));
    const value = await load();
    if (this.#live && epoch === this.#epoch && tables.every((t, i) => this.#generation(t) === generations[i])) {
      this.#entries.delete(key); // re-inserted last: the map's order is the eviction order
      while (this.#entries.size >= (this.options.maxEntries ?? 10_000)) this.#entries.delete(this.#entries.keys().next().value!);
      this.#entries.set(key, {
        value: deepFreeze(value),
        generations,
        tables,
        epoch,
        expiresAt: now + (this.options.ttlMs ?? 60_000),
      });
    }
    return value;
  }

  /** How many copies are kept. */
  get size(): number {
    return this.#entries.size;
  }

  close(): void {
    this.#stop();
    this.#live = false;
    this.#clear();
  }

  #clear(): void {
    this.#entries.clear();
  }

  #generation(table: string): number {
    return this.#generations.get(table) ?? 0;
  }
}

/**
 * Every read a process keeps between requests, and the tables it is read from: the one place a
 * kept read is declared. A copy is dropped when any of its tables changes, so a table missing
 * here serves stale pages; tests/integration/foundation/read-cache.test.ts checks each table
 * against the triggers that announce its writes (sql/0010, sql/0011). Only the pages and the
 * sign-in middleware read through it: services and repositories know nothing of it.
 */
export const keptReads = {
  /** The signed-in user behind a session cookie (src/users/actor.middleware.ts). */
  session: ['sessions', 'users'],
  /** The claim queue's document and assignee pickers (src/pages/queue/queue.routes.ts). */
  queueFilterOptions: ['documents', 'users'],
} as const satisfies Record<string, readonly WatchedTable[]>;

export type KeptRead = keyof typeof keptReads;

/**
 * Reads `kind` for `key` through `cache` when there is one (the app), straight from the database
 * otherwise (CLI, scripts, READ_CACHE=off). The tables come from `keptReads`.
 */
export function cachedRead<T>(cache: ReadCache | undefined, kind: KeptRead, key: string, load: () => Promise<T>): Promise<T> {
  return cache ? cache.get(`${kind}:${key}`, keptReads[kind], load) : load();
}

function deepFreeze<T>(value: T): T {
  // A Date or a typed array cannot be frozen; they are not changed where kept values are used.
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !(value instanceof Date) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
