import type { Tx } from '../db/database.js';
import type { Claim } from './claim.js';
import { selectClaims, toClaim } from './claim.repository.js';
import type { UpdateableClaimRow } from './claim.table.js';

/** Locks the given claims (in id order, so two bulk requests cannot deadlock) and returns them. */
export async function lockClaimsByIds(trx: Tx, ids: readonly number[]): Promise<Claim[]> {
  if (ids.length === 0) return [];
  const rows = await selectClaims(trx).where('c.id', 'in', ids).orderBy('c.id').forUpdate(['c']).execute();
  return rows.map(toClaim);
}

/**
 * Applies the same values to claims this transaction has locked, bumping each one's version.
 * @returns each claim's new version
 */
export async function updateLockedClaims(
  trx: Tx,
  ids: readonly number[],
  values: UpdateableClaimRow,
): Promise<{ id: number; version: number }[]> {
  if (ids.length === 0) return [];
  const rows = await trx
    .updateTable('claims')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', 'in', ids)
    .returning(['id', 'version'])
    .execute();
  return rows.sort((a, b) => a.id - b.id);
}
