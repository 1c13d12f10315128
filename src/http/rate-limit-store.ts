import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { Db } from '../db/database.js';

/**
 * An express-rate-limit store whose counters live in the database (sql/0018), so a limit holds
 * across every process that serves the app, and across restarts. Each increment is one atomic
 * upsert: a counter whose window has passed starts again at 1, so two processes racing on the
 * same key never lose a hit. Expired rows are swept at most once per window by each process.
 */
export class DatabaseRateLimitStore implements Store {
  readonly localKeys = false;
  #windowMs = 60_000;
  #lastSweep = 0;

  constructor(
    private readonly db: Db,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.#windowMs = options.windowMs;
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const row = await this.db
      .selectFrom('rate_limit_counters')
      .select(['hits', 'reset_at'])
      .where('key_hash', '=', this.#hash(key))
      .where('reset_at', '>', sql<Date>`now()`)
      .executeTakeFirst();
    return row && { totalHits: row.hits, resetTime: row.reset_at };
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    await this.#sweep();
    const window = sql<Date>`now() + make_interval(secs => ${this.#windowMs / 1000})`;
    const row = await this.db
      .insertInto('rate_limit_counters')
      .values({ key_hash: this.#hash(key), hits: 1, reset_at: window })
      .onConflict((oc) =>
        oc.column('key_hash').doUpdateSet({
          hits: sql`CASE WHEN rate_limit_counters.reset_at <= now() THEN 1 ELSE rate_limit_counters.hits + 1 END`,
          reset_at: sql`CASE WHEN rate_limit_counters.reset_at <= now() THEN ${window} ELSE rate_limit_counters.reset_at END`,
        }),
      )
      .returning(['hits', 'reset_at'])
      .executeTakeFirstOrThrow();
    return { totalHits: row.hits, resetTime: row.reset_at };
  }

  /** Called for a request that succeeded (the limits count failures only). */
  async decrement(key: string): Promise<void> {
    await this.db
      .updateTable('rate_limit_counters')
      .set({ hits: sql`greatest(hits - 1, 0)` })
      .where('key_hash', '=', this.#hash(key))
      .where('reset_at', '>', sql<Date>`now()`)
      .execute();
  }

  async resetKey(key: string): Promise<void> {
    await this.db.deleteFrom('rate_limit_counters').where('key_hash', '=', this.#hash(key)).execute();
  }

  #hash(key: string): string {
    return createHash('sha256').update(`${this.prefix}\0${key}`).digest('hex');
  }

  async #sweep(): Promise<void> {
    const now = Date.now();
    if (now - this.#lastSweep < this.#windowMs) return;
    this.#lastSweep = now;
    await this.db.deleteFrom('rate_limit_counters').where('reset_at', '<', sql<Date>`now()`).execute();
  }
}
