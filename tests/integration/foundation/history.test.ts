import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateClaim } from '../../../src/claims/claim.service.js';
import { findEventsByClaimId } from '../../../src/history/event.repository.js';
import { findClaimById } from '../../../src/claims/claim.repository.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, buildUser } from '../../helpers/factories.js';

describe(`claim history (${engineName})`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(() => db.close());

  it('writes a claim change and its history event together or not at all', async () => {
    const { claims } = await buildDocument(db.ctx);
    const claim = claims[0]!;
    const editor = await buildUser(db.ctx, 'editor');
    const eventsBefore = await findEventsByClaimId(db.engine.db, claim.id);

    // Make the history insert fail: the change to the claim must roll back with it.
    await sql`ALTER TABLE claim_events ADD CONSTRAINT test_no_updates CHECK (action <> 'claim.updated') NOT VALID`.execute(db.engine.db);
    await expect(
      updateClaim(db.ctx, editor, claim.id, { version: claim.version, status: 'in_review', explanation: 'Checking the figure.' }),
    ).rejects.toThrow(/test_no_updates/);
    expect(await findClaimById(db.engine.db, claim.id)).toMatchObject({ status: 'open', explanation: null, version: claim.version });
    expect(await findEventsByClaimId(db.engine.db, claim.id)).toEqual(eventsBefore);

    await sql`ALTER TABLE claim_events DROP CONSTRAINT test_no_updates`.execute(db.engine.db);
    const { claim: updated } = await updateClaim(db.ctx, editor, claim.id, {
      version: claim.version,
      status: 'in_review',
      explanation: 'Checking the figure.',
    });
    expect(updated).toMatchObject({ status: 'in_review', explanation: 'Checking the figure.', version: claim.version + 1 });
    const events = await findEventsByClaimId(db.engine.db, claim.id);
    expect(events).toHaveLength(eventsBefore.length + 1);
    expect(events.at(-1)).toMatchObject({
      action: 'claim.updated',
      actorId: editor.id,
      actorName: editor.name,
      before: { status: 'open', explanation: null },
      after: { status: 'in_review', explanation: 'Checking the figure.' },
    });
  });

  it('records the creation of every imported claim', async () => {
    const { document, claims } = await buildDocument(db.ctx, { title: 'Second' });
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM claim_events WHERE document_id = ${document.id} AND action = 'claim.created'`.execute(db.engine.db);
    expect(rows[0]!.n).toBe(claims.length);
  });

  it('keeps history append-only', async () => {
    await expect(sql`UPDATE claim_events SET action = 'claim.forged'`.execute(db.engine.db)).rejects.toThrow(/append-only/);
  });

  it('enforces the review rules in the schema as well: a verdict exactly when resolved, spans matching quotes', async () => {
    const { claims } = await buildDocument(db.ctx, { title: 'Third' });
    const c = claims[0]!;
    await expect(sql`UPDATE claims SET status = 'resolved' WHERE id = ${c.id}`.execute(db.engine.db)).rejects.toThrow(
      /claims_verdict_when_resolved/,
    );
    await expect(sql`UPDATE claims SET verdict = 'accurate' WHERE id = ${c.id}`.execute(db.engine.db)).rejects.toThrow(
      /claims_verdict_when_resolved/,
    );
    await expect(sql`UPDATE claims SET end_offset = end_offset + 1 WHERE id = ${c.id}`.execute(db.engine.db)).rejects.toThrow(
      /does not match its quote/,
    );
    await expect(sql`UPDATE claims SET kind = 'rumour' WHERE id = ${c.id}`.execute(db.engine.db)).rejects.toThrow(/claims_kind_check/);
  });
});
