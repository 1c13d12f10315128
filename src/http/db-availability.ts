import type { Logger } from 'pino';

// Node socket errors, and the SQLSTATEs Postgres sends while it shuts down, starts up or is full.
const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

// pg, pg-pool, Kysely and PGlite say "the connection is gone" in words, not codes.
const connectionMessages =
  /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Query read timeout|is not queryable|Client was closed|driver has already been destroyed|PGlite is closed|terminating connection/i;

/**
 * True when an error means the database could not be reached or went away mid-request, as
 * opposed to refusing a query. Such errors become 503 + Retry-After, never 500.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; errors?: unknown[] } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (connectionCodes.has(code) || code.startsWith('08')) return true;
  if (typeof e.message === 'string' && connectionMessages.test(e.message)) return true;
  // Node reports a refused dual-stack connect as an AggregateError of per-address errors.
  return Array.isArray(e.errors) && e.errors.some(isDatabaseUnavailable);
}

export interface AvailabilityState {
  up: boolean;
  /** When the current outage was first noticed (ISO), or null while the database answers. */
  downSince: string | null;
}

/**
 * What the app last saw of its database. An outage is logged once when it starts and once when
 * it ends, rather than once per refused request; /healthz reports the state.
 */
export class DatabaseAvailability {
  #downSince: Date | null = null;

  get state(): AvailabilityState {
    return { up: this.#downSince === null, downSince: this.#downSince?.toISOString() ?? null };
  }

  markDown(log: Pick<Logger, 'warn'> | undefined, err: unknown): void {
    if (this.#downSince) return;
    this.#downSince = new Date();
    log?.warn({ err }, 'database unreachable: answering 503 until it is back');
  }

  markUp(log: Pick<Logger, 'info'> | undefined): void {
    if (!this.#downSince) return;
    const seconds = (Date.now() - this.#downSince.getTime()) / 1000;
    this.#downSince = null;
    log?.info({ outageSeconds: seconds }, `database reachable again after ${seconds.toFixed(1)} s`);
  }
}

/** The app's one DatabaseAvailability, kept in app.locals so the error handler and /healthz share it. */
export function availabilityOf(req: { app: { locals: Record<string, unknown> } }): DatabaseAvailability {
  const locals = req.app.locals as { dbAvailability?: DatabaseAvailability };
  locals.dbAvailability ??= new DatabaseAvailability();
  return locals.dbAvailability;
}
