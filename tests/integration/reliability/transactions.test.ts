import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkUpdateClaims } from '../../../src/claims/bulk.service.js';
import type { Claim } from '../../../src/claims/claim.js';
import { mergeClaim, splitClaim } from '../../../src/claims/restructure.service.js';
import { importDocument } from '../../../src/documents/document.service.js';
import { reextractDocument } from '../../../src/documents/reextract.service.js';
import type { SignedInActor } from '../../../src/http/request-context.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, buildUser, seedText } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';

/**
 * Each multi-row operation commits whole, with its history, or not at all. The history insert
 * is made to fail (a check constraint on the event's action): the operation must leave every
 * table as it was. Then, without the constraint, it must write its rows and its events.
 */
describe(`all or nothing, with history (${engineName})`, () => {
  let db: TestDb;
  let editor: SignedInActor;
  let claims: Claim[];
  let documentId: number;
  beforeAll(async () => {
    db = await openTestDb();
    editor = await buildUser(db.ctx, 'editor');
    ({ claims, document: { id: documentId } } = await buildDocument(db.ctx));
  });
  afterAll(() => db.close());

  async function failsWholeThenSucceeds<T>(action: string, operation: () => Promise<T>): Promise<{ result: T; events: number }> {
    const constraint = sql.id(`test_fail_${action.replace('.', '_')}`);
    await sql`ALTER TABLE claim_events ADD CONSTRAINT ${constraint} CHECK (action <> ${sql.lit(action)}) NOT VALID`.execute(db.engine.db);
    const before = await tableChecksums(db.engine.db);
    try {
      await expect(operation()).rejects.toThrow(/test_fail_/);
      expect(await tableChecksums(db.engine.db)).toEqual(before);
    } finally {
      await sql`ALTER TABLE claim_events DROP CONSTRAINT ${constraint}`.execute(db.engine.db);
    }
    const count = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM claim_events WHERE action = ${action}`.execute(db.engine.db)).rows[0]!.n;
    const eventsBefore = await count();
    const result = await operation();
    return { result, events: (await count()) - eventsBefore };
  }

  it('imports a document with all its claims or none', async () => {
    const { result, events } = await failsWholeThenSucceeds('claim.created', () => importDocument(db.ctx, editor, { title: 'Whole', text: seedText(), language: 'tl', allowDuplicate: true }));
    expect(events).toBe(result.claims.length);
  });

  it('applies a bulk action to every claim or none', async () => {
    const ids = claims.slice(0, 12).map((c) => c.id);
    const { result, events } = await failsWholeThenSucceeds('claim.updated', () => bulkUpdateClaims(db.ctx, editor, { claimIds: ids, action: 'status', status: 'in_review' }));
    expect(result.changed).toHaveLength(12);
    expect(events).toBe(12);
  });

  it('merges and splits claims whole', async () => {
    const [a] = [claims[20]!];
    const merged = await failsWholeThenSucceeds('claim.merged', () => mergeClaim(db.ctx, editor, a.id, { with: 'next', version: a.version }));
    expect(merged.events).toBeGreaterThanOrEqual(1);
    const claim = merged.result.claim;
    const space = claim.quote.indexOf(' ');
    expect(space).toBeGreaterThan(0);
    const split = await failsWholeThenSucceeds('claim.split', () => splitClaim(db.ctx, editor, claim.id, { at: claim.start + space + 1, version: claim.version }));
    expect(split.events).toBe(2);
  });

  it('re-extracts new claims with their events, or adds nothing', async () => {
    const gone = claims.slice(30, 35).map((c) => c.id);
    await sql`DELETE FROM claims WHERE id IN (${sql.join(gone)})`.execute(db.engine.db);
    const { result, events } = await failsWholeThenSucceeds('claim.created', () => reextractDocument(db.ctx, editor, documentId));
    expect(result.created.length).toBeGreaterThanOrEqual(gone.length);
    expect(events).toBe(result.created.length);
  });
});
