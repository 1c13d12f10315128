import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.js';
import { writtenTables } from '../../../src/db/write-announcer.js';

const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

describe('writtenTables', () => {
  it('names the table of an insert, update or delete, aliased or not', () => {
    expect(
      writtenTables(
        db
          .insertInto('claims')
          .values({ document_id: 1 } as never)
          .toOperationNode(),
      ),
    ).toEqual(['claims']);
    expect(writtenTables(db.updateTable('users as u').set({ display_name: 'x' }).toOperationNode())).toEqual(['users']);
    expect(writtenTables(db.deleteFrom('claim_notes').where('id', '=', 1).toOperationNode())).toEqual(['claim_notes']);
  });

  it('names what a CTE writes under a select', () => {
    const node = db
      .with('gone', (d) => d.deleteFrom('claim_sources').returning('id'))
      .selectFrom('gone')
      .selectAll()
      .toOperationNode();
    expect(writtenTables(node)).toEqual(['claim_sources']);
  });

  it('reads the verbs of raw SQL, and nothing into a plain select', () => {
    expect(writtenTables(sql`INSERT INTO claims (document_id) SELECT 1`.toOperationNode())).toEqual(['claims']);
    expect(writtenTables(sql`update "documents" set title = ${'x'}`.toOperationNode())).toEqual(['documents']);
    expect(writtenTables(sql`TRUNCATE TABLE sessions`.toOperationNode())).toEqual(['sessions']);
    expect(writtenTables(db.selectFrom('claims').selectAll().toOperationNode())).toEqual([]);
    expect(writtenTables(sql`SELECT updated_at FROM claims`.toOperationNode())).toEqual([]);
  });
});
