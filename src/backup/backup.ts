import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import { backupTables, type BackupTable } from './backup-tables.js';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupHeader } from './backup.schema.js';

export interface BackupOptions {
  withSecrets: boolean;
  /** Writes one chunk; resolves when the destination can take more (back-pressure). */
  write: (chunk: string) => Promise<void>;
  progress?: (message: string) => void;
}

/**
 * Writes the whole workspace as one JSON document, one row per line (docs/RELIABILITY.md has
 * the layout), reading each table in primary-key batches so that memory stays flat whatever its
 * size. Everything is read in one REPEATABLE READ transaction: the file is a consistent snapshot
 * even while people keep working. Rows are Postgres' own jsonb text of the row, in UTC, so
 * timestamps keep their microseconds and a restore puts back exactly what was read.
 * @returns the number of rows written per table
 */
export async function writeBackup(db: Db, options: BackupOptions): Promise<Record<string, number>> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      await sql`SET LOCAL TIME ZONE 'UTC'`.execute(trx);
      const migrations = await trx.selectFrom('schema_migrations').select('name').orderBy('name').execute();
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        migrations: migrations.map((m) => m.name),
        withSecrets: options.withSecrets,
      };
      await options.write(`{"claimdesk":${JSON.stringify(header)},\n`);
      const rows: Record<string, number> = {};
      for (const table of backupTables) rows[table.name] = await writeTable(trx, table, options);
      await options.write(`"end":${JSON.stringify({ rows })}}\n`);
      return rows;
    });
}

async function writeTable(trx: Tx, table: BackupTable, options: BackupOptions): Promise<number> {
  const { n: total } = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table.name)}`.execute(trx)).rows[0]!;
  const dropped = [...table.generated, ...(options.withSecrets ? [] : table.secret)];
  await options.write(`${JSON.stringify(table.name)}:[`);
  let written = 0;
  let lastId = 0;
  for (;;) {
    const { rows } = await sql<{ id: number; row: string }>`
      SELECT id, (to_jsonb(t) - ${sql.lit(`{${dropped.join(',')}}`)}::text[])::text AS row
      FROM ${sql.table(table.name)} AS t WHERE id > ${lastId} ORDER BY id LIMIT ${table.batchRows}`.execute(trx);
    if (rows.length === 0) break;
    await options.write(rows.map((r, i) => (written + i === 0 ? '\n' : ',\n') + r.row).join(''));
    written += rows.length;
    lastId = rows.at(-1)!.id;
    options.progress?.(`${table.name}: ${written.toLocaleString('en')} of ${total.toLocaleString('en')} rows`);
  }
  if (written === 0) options.progress?.(`${table.name}: no rows`);
  await options.write('\n],\n');
  return written;
}
