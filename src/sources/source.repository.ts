import type { Db, Tx } from '../db/database.js';
import type { Source } from './source.js';
import type { ClaimSourceRow, InsertableClaimSourceRow, UpdateableClaimSourceRow } from './source.table.js';

function selectSources(db: Db) {
  return db
    .selectFrom('claim_sources as s')
    .leftJoin('users as u', 'u.id', 's.added_by')
    .selectAll('s')
    .select('u.display_name as added_by_name');
}

export async function insertSource(trx: Tx, row: InsertableClaimSourceRow): Promise<Source> {
  const { id } = await trx.insertInto('claim_sources').values(row).returning('id').executeTakeFirstOrThrow();
  return (await findSourceById(trx, id))!;
}

export async function findSourceById(db: Db, id: number): Promise<Source | undefined> {
  const row = await selectSources(db).where('s.id', '=', id).executeTakeFirst();
  return row && toSource(row);
}

export async function lockSourceById(trx: Tx, id: number): Promise<Source | undefined> {
  const row = await selectSources(trx).where('s.id', '=', id).forUpdate(['s']).executeTakeFirst();
  return row && toSource(row);
}

/** Sources of many claims at once (one query for a page of claims). */
export async function findSourcesByClaimIds(db: Db, claimIds: readonly number[]): Promise<Source[]> {
  if (claimIds.length === 0) return [];
  const rows = await selectSources(db).where('s.claim_id', 'in', claimIds).orderBy('s.claim_id').orderBy('s.id').execute();
  return rows.map(toSource);
}

export async function updateSourceAtVersion(trx: Tx, id: number, version: number, values: UpdateableClaimSourceRow): Promise<boolean> {
  const r = await trx
    .updateTable('claim_sources')
    .set({ ...values, version: version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteSource(trx: Tx, id: number): Promise<void> {
  await trx.deleteFrom('claim_sources').where('id', '=', id).execute();
}

function toSource(row: ClaimSourceRow & { added_by_name: string | null }): Source {
  return {
    id: row.id,
    claimId: row.claim_id,
    url: row.url,
    title: row.title,
    publisher: row.publisher,
    publishedOn: row.published_on,
    excerpt: row.excerpt,
    stance: row.stance,
    addedById: row.added_by,
    addedByName: row.added_by_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
