import { sql, type RawBuilder } from 'kysely';

/**
 * A value bound as JSON text and cast to jsonb in SQL. pg would send a JS array as a Postgres
 * array, so JSON is always serialised here, the same way on both engines.
 */
export function jsonb<T>(value: T): RawBuilder<string> {
  return sql<string>`cast(${JSON.stringify(value)} as jsonb)`;
}

/** Splits rows into batches small enough for one INSERT's parameter limit. */
export function* chunks<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
