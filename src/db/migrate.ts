import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Engine } from './engine.js';

export const defaultMigrationsDir = fileURLToPath(new URL('../../sql/', import.meta.url));
const MIGRATION_LOCK = 7_232_001;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationChecksumError extends Error {
  constructor(readonly file: string) {
    super(
      `Migration ${file} was changed after it was applied to this database. ` +
        'Applied migrations are frozen: restore the file and add a new migration for the change.',
    );
    this.name = 'MigrationChecksumError';
  }
}

/** The migration files in order: `NNNN_name.sql`, sorted by name. */
export function readMigrations(dir = defaultMigrationsDir): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = readFileSync(`${dir}/${name}`, 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies every pending migration, each file in its own transaction together with its record
 * in schema_migrations. Refuses to run when an applied file's checksum no longer matches.
 * Several processes may call it at once: an advisory lock makes them take turns.
 * @returns the names of the files applied now
 */
export async function migrate(engine: Engine, files = readMigrations()): Promise<string[]> {
  await engine.scriptTransaction((exec) =>
    exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`),
  );
  const applied: string[] = [];
  for (const file of files) {
    const done = await engine.scriptTransaction(async (exec) => {
      // A migration may rebuild a large index: the application's statement timeout does not apply.
      await exec(`SET LOCAL statement_timeout = 0; SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      const rows = await exec(`SELECT checksum FROM schema_migrations WHERE name = '${file.name}'`);
      if (rows[0]) {
        if (rows[0].checksum !== file.checksum) throw new MigrationChecksumError(file.name);
        return false;
      }
      await exec(file.sql);
      await exec(`INSERT INTO schema_migrations (name, checksum) VALUES ('${file.name}', '${file.checksum}')`);
      return true;
    });
    if (done) applied.push(file.name);
  }
  return applied;
}
