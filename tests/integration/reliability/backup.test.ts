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

async function backupToFile(db: Db, name: string, withSecrets = false, progress?: (message: string) => void): Promise<string> {
  const chunks: string[] = [];
  await writeBackup(db, { withSecrets, write: async (c) => void chunks.push(c), progress });
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
      // Matches are derived, not backed up: the restore recomputed them, so no claim lacks its match key.
      const { rows: unmatched } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM claims c WHERE NOT EXISTS (SELECT 1 FROM claim_match_keys k WHERE k.claim_id = c.id)`.execute(
        target.engine.db,
      );
      expect(unmatched).toEqual([{ n: 0 }]);
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
    // Written in UTC whatever the session's time zone: the same bytes from a session in India.
    await sql`SET TIME ZONE 'Asia/Kolkata'`.execute(source.engine.db);
    try {
      expect(readFileSync(await backupToFile(source.engine.db, 'zoned.json')).equals(readFileSync(first))).toBe(true);
    } finally {
      await sql`RESET TIME ZONE`.execute(source.engine.db);
    }
  });

  it('writes a file that is one JSON document valid against the published schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(backupFileSchema);
    expect(validate(JSON.parse(readFileSync(first, 'utf8'))), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('refuses a non-empty database and a damaged file, naming the line and the field, writing nothing', async () => {
    await expect(restoreBackup(source.engine.db, first)).rejects.toThrow(
      'The database is not empty (users has rows). Restore only into a new, empty workspace: nothing was changed.',
    );
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
    lines[0] = lines[0]!.replace('"migrations":[', '"migrations":["9998_from_the_near_future.sql","9999_from_the_future.sql",');
    writeFileSync(join(dir, 'newer.json'), lines.join('\n'));
    const target = await openTestDb();
    try {
      const before = await tableChecksums(target.engine.db);
      // status 1: the command line exits with 1 (refused), not 70 (an internal error).
      await expect(restoreBackup(target.engine.db, join(dir, 'newer.json'))).rejects.toMatchObject({
        message:
          'the backup was made by a newer claimdesk (its schema has 9998_from_the_near_future.sql, 9999_from_the_future.sql); upgrade claimdesk first',
        status: 1,
      });
      expect(await tableChecksums(target.engine.db)).toEqual(before);
    } finally {
      await target.close();
    }
  });

  // PGlite has a single connection: no other session there can be writing while a restore runs.
  it.skipIf(engineName === 'pglite')(
    'waits for a session that is writing to finish before checking that the database is empty',
    async () => {
      const target = await openTestDb();
      // Another session holds what an INSERT holds on claim_notes (ROW EXCLUSIVE), until released.
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      try {
        let holding = () => {};
        const held = new Promise<void>((resolve) => (holding = resolve));
        const writer = target.engine.db.transaction().execute(async (trx) => {
          await sql`LOCK TABLE claim_notes IN ROW EXCLUSIVE MODE`.execute(trx);
          holding();
          await released;
        });
        await held;
        const restore = restoreBackup(target.engine.db, first);
        let done = false;
        const waiting = async () => {
          while (!done) {
            const { rows } = await sql<{ n: number }>`
            SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = 'claim_notes'::regclass`.execute(target.engine.db);
            if (rows[0]!.n > 0) return 'the restore waits for the writer';
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          return 'stopped';
        };
        const firstOutcome = await Promise.race([restore.then(() => 'the restore ran alongside the writer'), waiting()]);
        done = true;
        release();
        await writer;
        expect(firstOutcome).toBe('the restore waits for the writer');
        expect((await restore).claims).toBeGreaterThan(20);
      } finally {
        release();
        await target.close();
      }
    },
  );

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

  it('writes each table between its "name":[ and "]," lines, and restores it 500 rows per INSERT, reporting each step', async () => {
    // 500 users: exactly one batch of rows, both when writing and restoring; 501 audit rows: two INSERTs.
    const small = await openTestDb();
    const target = await openTestDb();
    try {
      const at = '2026-01-02 03:04:05.5+00';
      await sql`INSERT INTO users (email, display_name, role, created_at, updated_at)
        SELECT 'u' || i || '@example.org', 'User ' || i, 'viewer', ${at}, ${at} FROM generate_series(1, 500) AS i`.execute(small.engine.db);
      await sql`INSERT INTO audit_log (action, subject, created_at) SELECT 'test.row', 'row ' || i, ${at} FROM generate_series(1, 501) AS i`.execute(
        small.engine.db,
      );
      const written: string[] = [];
      const file = await backupToFile(small.engine.db, 'batches.json', false, (m) => written.push(m));
      expect(written).toEqual([
        'users: 500 of 500 rows',
        'documents: no rows',
        'claims: no rows',
        'claim_sources: no rows',
        'claim_notes: no rows',
        'claim_events: no rows',
        'correction_revisions: no rows',
        'audit_log: 501 of 501 rows',
      ]);
      // The layout of docs/RELIABILITY.md: the header line, each row on its own line ("," between
      // rows, none after a table's last), an empty table as its two lines, the counts at the end.
      const lines = readFileSync(file, 'utf8').split('\n');
      expect(lines).toHaveLength(1020);
      expect(lines[0]).toMatch(
        /^\{"claimdesk":\{"format":"claimdesk-backup","formatVersion":1,"migrations":\["0001_claims_domain\.sql",.*\],"withSecrets":false\},$/,
      );
      const user = (id: number) =>
        `{"id": ${id}, "role": "viewer", "email": "u${id}@example.org", "version": 1, "time_zone": null, "created_at": "2026-01-02T03:04:05.5+00:00", "updated_at": "2026-01-02T03:04:05.5+00:00", "disabled_at": null, "display_name": "User ${id}"}`;
      const audit = (id: number) =>
        `{"id": ${id}, "ip": null, "action": "test.row", "details": {}, "subject": "row ${id}", "actor_id": null, "created_at": "2026-01-02T03:04:05.5+00:00"}`;
      expect(lines.slice(1, 4)).toEqual(['"users":[', `${user(1)},`, `${user(2)},`]);
      expect(lines.slice(501, 519)).toEqual([
        user(500),
        '],',
        '"documents":[',
        '],',
        '"claims":[',
        '],',
        '"claim_sources":[',
        '],',
        '"claim_notes":[',
        '],',
        '"claim_events":[',
        '],',
        '"correction_revisions":[',
        '],',
        '"audit_log":[',
        `${audit(1)},`,
        `${audit(2)},`,
        `${audit(3)},`,
      ]);
      expect(lines.slice(-4)).toEqual([
        audit(501),
        '],',
        '"end":{"rows":{"users":500,"documents":0,"claims":0,"claim_sources":0,"claim_notes":0,"claim_events":0,"correction_revisions":0,"audit_log":501}}}',
        '',
      ]);
      const messages: string[] = [];
      const restored = await restoreBackup(target.engine.db, file, (m) => messages.push(m));
      expect(messages).toEqual([
        `${file} is a valid backup: 500 users, 0 documents, 0 claims, 0 claim_sources, 0 claim_notes, 0 claim_events, 0 correction_revisions, 501 audit_log`,
        'users: 500 of 500 rows',
        'audit_log: 500 of 501 rows',
        'audit_log: 501 of 501 rows',
      ]);
      expect(restored).toEqual({
        users: 500,
        documents: 0,
        claims: 0,
        claim_sources: 0,
        claim_notes: 0,
        claim_events: 0,
        correction_revisions: 0,
        audit_log: 501,
      });
      // Every identity sequence moved past the restored ids (to 1 where the table is empty).
      const next: Record<string, number> = {};
      for (const t of backupTables)
        next[t.name] = (
          await sql<{ n: number }>`SELECT nextval(pg_get_serial_sequence(${t.name}, 'id'))::int AS n`.execute(target.engine.db)
        ).rows[0]!.n;
      expect(next).toEqual({
        users: 501,
        documents: 1,
        claims: 1,
        claim_sources: 1,
        claim_notes: 1,
        claim_events: 1,
        correction_revisions: 1,
        audit_log: 502,
      });
    } finally {
      await small.close();
      await target.close();
    }
  });

  it('starts a new INSERT before a batch would pass 8 MiB, and fills one up to exactly 8 MiB', async () => {
    // Two audit rows of exactly 4 MiB of JSON each fill one batch to its 8 MiB; a third, small row
    // would pass it, so it starts the next.
    const big = await openTestDb();
    const target = await openTestDb();
    try {
      // 136 characters of JSON around the subject (checked below): 4,194,168 + 136 = 4 MiB.
      await sql`INSERT INTO audit_log (action, subject, created_at)
        SELECT 'test.big', repeat('x', 4194168), '2026-01-02 03:04:05.5+00' FROM generate_series(1, 2)`.execute(big.engine.db);
      await sql`INSERT INTO audit_log (action, subject) VALUES ('test.small', 'x')`.execute(big.engine.db);
      const file = await backupToFile(big.engine.db, 'big.json');
      const rowLengths = readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('{"id"'))
        .map((l) => l.replace(/,$/, '').length);
      expect(rowLengths.slice(0, 2)).toEqual([4194304, 4194304]);
      const messages: string[] = [];
      await restoreBackup(target.engine.db, file, (m) => messages.push(m));
      expect(messages.filter((m) => m.startsWith('audit_log'))).toEqual(['audit_log: 2 of 3 rows', 'audit_log: 3 of 3 rows']);
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
        expect(rows.find((r) => r.table_name === t.name)?.columns).toMatch(new RegExp(`(^| )${c}:(tsvector|bool|_int4) ?`));
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
