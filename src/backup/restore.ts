import { findClaimsWithoutKeys } from '../matching/match.repository.js';
import { refreshMatches } from '../matching/match.service.js';
import { backfillShingles } from '../documents/near-duplicate.js';
import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import { conflict } from '../http/errors.js';
import { backupTables } from './backup-tables.js';
import { readBackup } from './backup-reader.js';
import type { BackupHeader } from './backup.schema.js';

// A batch is one INSERT … SELECT FROM jsonb_populate_recordset($1): bounded in rows and in bytes.
const BATCH_ROWS = 500;
const BATCH_BYTES = 8 * 1024 * 1024;

/**
 * Loads a backup into an empty, migrated database. The whole file is checked against the backup
 * schema first (nothing is written if any line is wrong); then every row goes in within one
 * transaction — all of it or nothing — with its original id, timestamps and version, and each
 * identity sequence is moved past the highest id so new rows never collide.
 * @returns rows restored per table
 */
export async function restoreBackup(db: Db, file: string, progress: (message: string) => void = () => {}): Promise<Record<string, number>> {
  let header: BackupHeader | undefined;
  let expected: Record<string, number> = {};
  for await (const part of readBackup(file)) {
    if (part.kind === 'header') header = part.header;
    if (part.kind === 'end') expected = part.rows;
  }
  progress(`${file} is a valid backup: ${describe(expected)}`);
  await checkMigrations(db, header!);

  return db.transaction().execute(async (trx) => {
    await lockAndCheckEmpty(trx);
    const restored: Record<string, number> = Object.fromEntries(backupTables.map((t) => [t.name, 0]));
    let batch: { table: string; rows: string[]; bytes: number } = { table: '', rows: [], bytes: 0 };
    const flush = async () => {
      if (batch.rows.length === 0) return;
      await insertBatch(trx, batch.table, batch.rows);
      restored[batch.table] = (restored[batch.table] ?? 0) + batch.rows.length;
      progress(
        `${batch.table}: ${restored[batch.table]!.toLocaleString('en')} of ${(expected[batch.table] ?? 0).toLocaleString('en')} rows`,
      );
      batch = { table: '', rows: [], bytes: 0 };
    };
    for await (const part of readBackup(file)) {
      if (part.kind !== 'row') continue;
      if (part.table !== batch.table || batch.rows.length >= BATCH_ROWS || batch.bytes + part.json.length > BATCH_BYTES) await flush();
      batch.table = part.table;
      batch.rows.push(part.json);
      batch.bytes += part.json.length;
    }
    await flush();
    for (const table of backupTables) {
      await sql`SELECT setval(pg_get_serial_sequence(${table.name}, 'id'), coalesce(max(id), 0) + 1, false) FROM ${sql.table(table.name)}`.execute(
        trx,
      );
    }
    // Matches are derived, not backed up: recomputed for the restored claims in the same transaction.
    for (let ids = await findClaimsWithoutKeys(trx, 1000); ids.length; ids = await findClaimsWithoutKeys(trx, 1000))
      await refreshMatches(trx, ids);
    await backfillShingles(trx);
    return restored;
  });
}

async function insertBatch(trx: Tx, tableName: string, rows: string[]): Promise<void> {
  const table = backupTables.find((t) => t.name === tableName)!;
  const columns = sql.join(Object.keys(table.columns).map((c) => sql.ref(c)));
  await sql`
    INSERT INTO ${sql.table(table.name)} (${columns}) OVERRIDING SYSTEM VALUE
    SELECT ${columns} FROM jsonb_populate_recordset(NULL::${sql.table(table.name)}, ${`[${rows.join(',')}]`}::jsonb)`.execute(trx);
}

/** A backup can go into this claimdesk only if every migration it was made with is known here. */
async function checkMigrations(db: Db, header: BackupHeader): Promise<void> {
  const applied = new Set((await db.selectFrom('schema_migrations').select('name').execute()).map((m) => m.name));
  const unknown = header.migrations.filter((m) => !applied.has(m));
  if (unknown.length)
    throw Object.assign(
      new Error(`the backup was made by a newer claimdesk (its schema has ${unknown.join(', ')}); upgrade claimdesk first`),
      { status: 1 },
    );
}

/** Locks every table for the rest of the transaction, then refuses unless all are empty. */
async function lockAndCheckEmpty(trx: Tx): Promise<void> {
  await sql`LOCK TABLE ${sql.join(backupTables.map((t) => sql.table(t.name)))} IN EXCLUSIVE MODE`.execute(trx);
  for (const table of backupTables) {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${sql.table(table.name)} LIMIT 1) AS t`.execute(
      trx,
    );
    if (rows[0]!.n > 0)
      throw conflict(`The database is not empty (${table.name} has rows). Restore only into a new, empty workspace: nothing was changed.`);
  }
}

function describe(rows: Record<string, number>): string {
  return Object.entries(rows)
    .map(([t, n]) => `${n.toLocaleString('en')} ${t}`)
    .join(', ');
}
