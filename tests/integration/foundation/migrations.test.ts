import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MigrationChecksumError, readMigrations } from '../../../src/db/migrate.js';
import { openTestDb, engineName, type TestDb } from '../../helpers/db.js';
import { schemaFingerprint } from '../../helpers/schema.js';

describe(`migrations (${engineName})`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(() => db.close());

  it('records every file with its checksum and applies nothing twice', async () => {
    const files = readMigrations();
    const rows = await db.engine.db.selectFrom('schema_migrations').select(['name', 'checksum']).orderBy('name').execute();
    expect(rows).toEqual(files.map((f) => ({ name: f.name, checksum: f.checksum })));
    expect(await migrate(db.engine)).toEqual([]);
  });

  it('refuses to start when an applied migration was edited afterwards', async () => {
    const files = readMigrations();
    const edited = files.map((f, i) => (i === 0 ? { ...f, sql: f.sql + '\n-- edited', checksum: 'x'.repeat(64) } : f));
    await expect(migrate(db.engine, edited)).rejects.toBeInstanceOf(MigrationChecksumError);
    await expect(migrate(db.engine, edited)).rejects.toThrow(/0001_claims_domain\.sql was changed after it was applied/);
  });

  it('applies a new file in one transaction: a failure half-way leaves nothing behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-mig-'));
    for (const f of readMigrations()) writeFileSync(join(dir, f.name), f.sql);
    writeFileSync(join(dir, '9001_broken.sql'), 'CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;');
    await expect(migrate(db.engine, readMigrations(dir))).rejects.toThrow(/no_such_table/);
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'half_done'`.execute(db.engine.db);
    expect(rows[0]!.n).toBe(0);
    expect(await db.engine.db.selectFrom('schema_migrations').select('name').where('name', '=', '9001_broken.sql').execute()).toEqual([]);
  });

  it('creates the schema recorded in tests/fixtures/schema.json (the same on PGlite and on a server)', async () => {
    const expected = JSON.parse(readFileSync(new URL('../../fixtures/schema.json', import.meta.url), 'utf8'));
    expect(await schemaFingerprint(db.engine.db)).toEqual(expected);
  });
});
