import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBackup } from '../../../src/backup/backup.js';
import { backupTables, excludedTables } from '../../../src/backup/backup-tables.js';
import { backupFileSchema } from '../../../src/backup/backup.schema.js';
import { restoreBackup } from '../../../src/backup/restore.js';
import type { Db } from '../../../src/db/database.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';
import { buildWorkspace } from './workspace-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-backup-'));

async function backupToFile(db: Db, name: string, withSecrets = false): Promise<string> {
  const chunks: string[] = [];
  await writeBackup(db, { withSecrets, write: async (c) => void chunks.push(c) });
  const file = join(dir, name);
  writeFileSync(file, chunks.join(''));
  return file;
}

describe(`backup and restore (${engineName})`, () => {
  let source: TestDb;
  let first: string;
  beforeAll(async () => {
    source = await openTestDb();
    await buildWorkspace(source.ctx);
    first = await backupToFile(source.engine.db, 'first.json');
  });
  afterAll(() => source.close());

  it('round-trips byte for byte: backup → restore into an empty database → backup', async () => {
    const target = await openTestDb();
    try {
      const restored = await restoreBackup(target.engine.db, first);
      expect(restored.claims).toBeGreaterThan(20);
      const second = await backupToFile(target.engine.db, 'second.json');
      expect(readFileSync(second).equals(readFileSync(first))).toBe(true);
      expect(await tableChecksums(target.engine.db)).toEqual(await tableChecksumsWithoutPasswords(source.engine.db));
      // Identity sequences moved past the restored ids: new rows do not collide.
      const { document } = await buildDocument(target.ctx, { title: 'After restore' });
      const maxBefore = JSON.parse(readFileSync(first, 'utf8')).documents.at(-1).id;
      expect(document.id).toBe(maxBefore + 1);
    } finally {
      await target.close();
    }
  });

  it('keeps microseconds, leaves out password hashes (unless asked), sessions and tokens', async () => {
    const text = readFileSync(first, 'utf8');
    expect(text).toContain('"updated_at": "2026-01-02T03:04:05.123456+00:00"');
    expect(text).not.toContain('password_hash');
    expect(text).not.toMatch(/token_hash|"sessions"|"api_tokens"/);
    const withSecrets = readFileSync(await backupToFile(source.engine.db, 'secrets.json', true), 'utf8');
    expect(withSecrets).toMatch(/"password_hash": "scrypt\$/);
  });

  it('writes a file that is one JSON document valid against the published schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(backupFileSchema);
    expect(validate(JSON.parse(readFileSync(first, 'utf8'))), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('refuses a non-empty database and a damaged file, naming the line and the field, writing nothing', async () => {
    await expect(restoreBackup(source.engine.db, first)).rejects.toThrow(/not empty/);
    const target = await openTestDb();
    try {
      const before = await tableChecksums(target.engine.db);
      const lines = readFileSync(first, 'utf8').split('\n');
      const claimLine = lines.findIndex((l) => l.startsWith('{') && l.includes('"start_offset"'));
      const damaged = [...lines];
      damaged[claimLine] = damaged[claimLine]!.replace(/"version": \d+/, '"version": "two"');
      writeFileSync(join(dir, 'damaged.json'), damaged.join('\n'));
      await expect(restoreBackup(target.engine.db, join(dir, 'damaged.json'))).rejects.toThrow(
        new RegExp(`line ${claimLine + 1}: claims row 1: version: must be an integer`),
      );
      writeFileSync(join(dir, 'cut.json'), lines.slice(0, claimLine + 3).join('\n'));
      await expect(restoreBackup(target.engine.db, join(dir, 'cut.json'))).rejects.toThrow(/ends early/);
      writeFileSync(join(dir, 'other.json'), '{"hello": "world"}\n');
      await expect(restoreBackup(target.engine.db, join(dir, 'other.json'))).rejects.toThrow(/line 1: this is not a claimdesk backup/);
      expect(await tableChecksums(target.engine.db)).toEqual(before);
    } finally {
      await target.close();
    }
  });

  it('refuses a backup made by a newer claimdesk (a migration this one lacks), naming it, writing nothing', async () => {
    const lines = readFileSync(first, 'utf8').split('\n');
    expect(lines[0]).toContain('"migrations":["');
    lines[0] = lines[0]!.replace('"migrations":[', '"migrations":["9999_from_the_future.sql",');
    writeFileSync(join(dir, 'newer.json'), lines.join('\n'));
    const target = await openTestDb();
    try {
      const before = await tableChecksums(target.engine.db);
      await expect(restoreBackup(target.engine.db, join(dir, 'newer.json'))).rejects.toThrow(
        /made by a newer claimdesk \(its schema has 9999_from_the_future\.sql\); upgrade claimdesk first/,
      );
      expect(await tableChecksums(target.engine.db)).toEqual(before);
    } finally {
      await target.close();
    }
  });

  it('names the missing "]," when a table is never closed, writing nothing', async () => {
    const lines = readFileSync(first, 'utf8').split('\n');
    const close = lines.indexOf('],');
    const table = /^"(\w+)":\[$/.exec(lines.slice(0, close).findLast((l) => /^"\w+":\[$/.test(l))!)![1];
    writeFileSync(join(dir, 'unclosed.json'), [...lines.slice(0, close), ...lines.slice(close + 1)].join('\n'));
    const target = await openTestDb();
    try {
      const before = await tableChecksums(target.engine.db);
      await expect(restoreBackup(target.engine.db, join(dir, 'unclosed.json'))).rejects.toThrow(
        `line ${close + 1}: expected a ${table} row or "],"`,
      );
      expect(await tableChecksums(target.engine.db)).toEqual(before);
    } finally {
      await target.close();
    }
  });

  it('starts a new INSERT before a batch would pass 8 MiB', async () => {
    // Two audit rows of 4.4 MB each: together past the batch's 8 MiB, so each goes alone.
    const big = await openTestDb();
    const target = await openTestDb();
    try {
      await sql`INSERT INTO audit_log (action, subject) SELECT 'test.big', repeat('x', 4400000) FROM generate_series(1, 2)`.execute(
        big.engine.db,
      );
      const file = await backupToFile(big.engine.db, 'big.json');
      const messages: string[] = [];
      await restoreBackup(target.engine.db, file, (m) => messages.push(m));
      expect(messages.filter((m) => m.startsWith('audit_log'))).toEqual(['audit_log: 1 of 2 rows', 'audit_log: 2 of 2 rows']);
    } finally {
      await big.close();
      await target.close();
    }
  });

  it('covers every table and column of the schema, except credentials', async () => {
    const { rows } = await sql<{ table_name: string; columns: string }>`
      SELECT table_name, string_agg(column_name || ':' || udt_name || CASE WHEN is_nullable = 'YES' THEN '?' ELSE '' END, ' ' ORDER BY column_name) AS columns
      FROM information_schema.columns WHERE table_schema = 'public' GROUP BY table_name ORDER BY table_name`.execute(source.engine.db);
    // The database's own columns (generated, or kept by triggers) are named, but never written.
    const own = new Map(backupTables.map((t) => [t.name, t.generated]));
    const catalog = Object.fromEntries(
      rows.map((r) => [
        r.table_name,
        r.columns
          .split(' ')
          .filter((c) => !own.get(r.table_name)?.includes(c.split(':')[0]!))
          .join(' '),
      ]),
    );
    for (const t of backupTables)
      for (const c of t.generated)
        expect(rows.find((r) => r.table_name === t.name)?.columns).toMatch(new RegExp(`(^| )${c}:(tsvector|bool) ?`));
    const specified = Object.fromEntries(
      backupTables.map((t) => [
        t.name,
        Object.entries(t.columns)
          .map(([c, type]) => `${c}:${type}`)
          .sort()
          .join(' '),
      ]),
    );
    const covered = Object.fromEntries(Object.entries(catalog).filter(([t]) => !(excludedTables as readonly string[]).includes(t)));
    expect(specified).toEqual(covered);
  });
});

/** The source's checksums as a restore without secrets reproduces them: password hashes cleared, then rolled back. */
async function tableChecksumsWithoutPasswords(db: Db): Promise<Record<string, string>> {
  class Rollback extends Error {
    constructor(readonly sums: Record<string, string>) {
      super('rollback');
    }
  }
  try {
    await db.transaction().execute(async (trx) => {
      await sql`UPDATE users SET password_hash = NULL`.execute(trx);
      throw new Rollback(await tableChecksums(trx));
    });
  } catch (err) {
    if (err instanceof Rollback) return err.sums;
    throw err;
  }
  throw new Error('unreachable: the transaction always rolls back');
}
