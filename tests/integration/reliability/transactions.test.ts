import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkUpdateClaims } from '../../../src/claims/bulk.service.js';
import type { Claim } from '../../../src/claims/claim.js';
import { mergeClaim, splitClaim } from '../../../src/claims/restructure.service.js';
import { importDocument } from '../../../src/documents/document.service.js';
import { reextractDocument } from '../../../src/documents/reextract.service.js';
import { createClaim, updateClaim } from '../../../src/claims/claim.service.js';
import { addNote, editNote } from '../../../src/notes/note.service.js';
import { saveCorrectionNote } from '../../../src/reports/correction-note.service.js';
import { publishCorrections } from '../../../src/reports/publish.service.js';
import { addSource, editSource, removeSource } from '../../../src/sources/source.service.js';
import type { SignedInActor } from '../../../src/request-context.js';
import { findClaimById } from '../../../src/claims/claim.repository.js';
import { reuseReview } from '../../../src/matching/reuse.service.js';
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
    ({
      claims,
      document: { id: documentId },
    } = await buildDocument(db.ctx));
    // Each test below takes its own claims of the seed article, none shared.
    expect(claims.length).toBeGreaterThanOrEqual(35);
  });
  afterAll(() => db.close());

  // The event table is claim_events for claim history, audit_log for the edits recorded there.
  async function failsWholeThenSucceeds<T>(
    action: string,
    operation: () => Promise<T>,
    table: 'claim_events' | 'audit_log' = 'claim_events',
  ): Promise<{ result: T; events: number }> {
    const constraint = sql.id(`test_fail_${action.replace('.', '_')}`);
    const events = sql.table(table);
    await sql`ALTER TABLE ${events} ADD CONSTRAINT ${constraint} CHECK (action <> ${sql.lit(action)}) NOT VALID`.execute(db.engine.db);
    const before = await tableChecksums(db.engine.db);
    try {
      await expect(operation()).rejects.toThrow(/test_fail_/);
      expect(await tableChecksums(db.engine.db)).toEqual(before);
    } finally {
      await sql`ALTER TABLE ${events} DROP CONSTRAINT ${constraint}`.execute(db.engine.db);
    }
    const count = async () =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${events} WHERE action = ${action}`.execute(db.engine.db)).rows[0]!.n;
    const eventsBefore = await count();
    const result = await operation();
    return { result, events: (await count()) - eventsBefore };
  }

  it('imports a document with all its claims or none', async () => {
    const { result, events } = await failsWholeThenSucceeds('claim.created', () =>
      importDocument(db.ctx, editor, { title: 'Whole', text: seedText(), language: 'tl', allowDuplicate: true }),
    );
    expect(events).toBe(result.claims.length);
  });

  it('applies a bulk action to every claim or none', async () => {
    const ids = claims.slice(0, 12).map((c) => c.id);
    const { result, events } = await failsWholeThenSucceeds('claim.updated', () =>
      bulkUpdateClaims(db.ctx, editor, { claimIds: ids, action: 'status', status: 'in_review' }),
    );
    expect(result.changed).toHaveLength(12);
    expect(events).toBe(12);
  });

  it('merges and splits claims whole', async () => {
    const [a] = [claims[20]!];
    const merged = await failsWholeThenSucceeds('claim.merged', () =>
      mergeClaim(db.ctx, editor, a.id, { with: 'next', version: a.version, withId: claims[21]!.id, withVersion: claims[21]!.version }),
    );
    expect(merged.events).toBeGreaterThanOrEqual(1);
    const claim = merged.result.claim;
    const space = claim.quote.indexOf(' ');
    expect(space).toBeGreaterThan(0);
    const split = await failsWholeThenSucceeds('claim.split', () =>
      splitClaim(db.ctx, editor, claim.id, { at: claim.start + space + 1, version: claim.version }),
    );
    expect(split.events).toBe(2);
  });

  it('re-extracts new claims with their events, or adds nothing', async () => {
    const gone = claims.slice(22, 27).map((c) => c.id);
    await sql`DELETE FROM claims WHERE id IN (${sql.join(gone)})`.execute(db.engine.db);
    const { result, events } = await failsWholeThenSucceeds('claim.created', () => reextractDocument(db.ctx, editor, documentId));
    expect(result.created.length).toBeGreaterThanOrEqual(gone.length);
    expect(events).toBe(result.created.length);
  });

  it('updates one claim with its claim.updated event, or not at all', async () => {
    const claim = claims[27]!;
    const { result, events } = await failsWholeThenSucceeds('claim.updated', () =>
      updateClaim(db.ctx, editor, claim.id, { version: claim.version, status: 'in_review', explanation: 'whole or nothing' }),
    );
    expect(result.claim).toMatchObject({ status: 'in_review', explanation: 'whole or nothing', version: claim.version + 1 });
    expect(events).toBe(1);
  });

  it('adds a claim by hand with its claim.created event, or adds nothing', async () => {
    const claim = claims[28]!;
    const { result, events } = await failsWholeThenSucceeds('claim.created', () =>
      createClaim(db.ctx, editor, documentId, { kind: 'other', start: claim.start, end: claim.end }),
    );
    expect(result).toMatchObject({ start: claim.start, end: claim.end, kind: 'other', origin: 'manual' });
    expect(events).toBe(1);
  });

  it('assigns and dismisses in bulk with one event per claim, or changes none', async () => {
    const ids = claims.slice(29, 33).map((c) => c.id);
    const assigned = await failsWholeThenSucceeds('claim.updated', () =>
      bulkUpdateClaims(db.ctx, editor, { claimIds: ids, action: 'assign', assigneeId: editor.id }),
    );
    expect(assigned.result.changed).toHaveLength(4);
    expect(assigned.events).toBe(4);
    const dismissed = await failsWholeThenSucceeds('claim.updated', () =>
      bulkUpdateClaims(db.ctx, editor, { claimIds: ids, action: 'dismiss' }),
    );
    expect(dismissed.result.changed).toHaveLength(4);
    expect(dismissed.events).toBe(4);
  });

  it('adds and edits a note with its note.added / note.edited event, or not at all', async () => {
    const claim = claims[33]!;
    const added = await failsWholeThenSucceeds('note.added', () => addNote(db.ctx, editor, claim.id, 'Checked the archive.'));
    expect(added.result.body).toBe('Checked the archive.');
    expect(added.events).toBe(1);
    const edited = await failsWholeThenSucceeds('note.edited', () =>
      editNote(db.ctx, editor, added.result.id, 'Checked the archive twice.', added.result.version),
    );
    expect(edited.result.body).toBe('Checked the archive twice.');
    expect(edited.events).toBe(1);
  });

  it('adds, edits and removes a source with its source.* event, or not at all', async () => {
    const claim = claims[34]!;
    const added = await failsWholeThenSucceeds('source.added', () =>
      addSource(db.ctx, editor, claim.id, { url: 'https://example.org/census', stance: 'supports' }),
    );
    expect(added.result.url).toBe('https://example.org/census');
    expect(added.events).toBe(1);
    const edited = await failsWholeThenSucceeds('source.edited', () =>
      editSource(db.ctx, editor, added.result.id, { version: added.result.version, stance: 'refutes' }),
    );
    expect(edited.result.stance).toBe('refutes');
    expect(edited.events).toBe(1);
    const removed = await failsWholeThenSucceeds('source.removed', () =>
      removeSource(db.ctx, editor, added.result.id, edited.result.version),
    );
    expect(removed.events).toBe(1);
    expect(
      await db.engine.db.selectFrom('claim_sources').select('id').where('id', '=', added.result.id).executeTakeFirst(),
    ).toBeUndefined();
  });

  it('saves a correction note with its audit entry, or keeps the old note', async () => {
    const { version } = await db.engine.db.selectFrom('documents').select('version').where('id', '=', documentId).executeTakeFirstOrThrow();
    const { result, events } = await failsWholeThenSucceeds(
      'report.note_edited',
      () => saveCorrectionNote(db.ctx, editor, documentId, { note: 'Corrected on review.', version }),
      'audit_log',
    );
    expect(result.stored).toBe('Corrected on review.');
    expect(events).toBe(1);
  });

  it("publishes a correction with its revision, its claims' correction.published events and its audit entry, or none of them", async () => {
    const { document, claims: own } = await buildDocument(db.ctx, {
      title: 'Published whole',
      text: 'Sinabi ng United Sates na binuhay ang resolusyon 678 noong 2002.',
    });
    const typo = own.find((c) => c.quote === 'United Sates')!;
    await updateClaim(db.ctx, editor, typo.id, { version: typo.version, status: 'resolved', verdict: 'typo', correction: 'United States' });
    const first = await failsWholeThenSucceeds(
      'report.corrections_published',
      () => publishCorrections(db.ctx, editor, document.id),
      'audit_log',
    );
    expect(first.result.number).toBe(1);
    expect(first.events).toBe(1);
    // A second claim resolved: the next revision covers both, each with its event, or nothing is published.
    const date = own.find((c) => c.quote === 'noong 2002')!;
    await updateClaim(db.ctx, editor, date.id, {
      version: date.version,
      status: 'resolved',
      verdict: 'inaccurate',
      correction: 'noong 1990',
    });
    const second = await failsWholeThenSucceeds('correction.published', () => publishCorrections(db.ctx, editor, document.id));
    expect(second.result).toMatchObject({ number: 2, claimIds: [typo.id, date.id] });
    expect(second.events).toBe(2);
  });

  it('reuses a review with its claim update, its copied sources and the "reused from claim #N" event, or writes none of them', async () => {
    const {
      claims: [origin],
    } = await buildDocument(db.ctx, {
      title: 'Reviewed before',
      text: 'Critics said more than 500,000 Iraqi children died because of the sanctions.',
      language: 'en',
    });
    await updateClaim(db.ctx, editor, origin!.id, {
      version: origin!.version,
      status: 'resolved',
      verdict: 'needs_context',
      explanation: 'The figure was disputed.',
    });
    for (const url of ['https://example.org/a', 'https://example.org/b'])
      await addSource(db.ctx, editor, origin!.id, { url, title: url, stance: 'context' });
    const {
      claims: [target],
    } = await buildDocument(db.ctx, {
      title: 'Seen again',
      text: 'Critics estimated that more than half a million Iraqi children died as a result of the sanctions.',
      language: 'en',
    });
    const reuse = async () =>
      reuseReview(db.ctx, editor, target!.id, { from: origin!.id, version: (await findClaimById(db.ctx.db, target!.id))!.version });
    // The copied sources' events are the transaction's last writes: failing them must undo the claim's update and its claim.reused event too.
    const { result, events } = await failsWholeThenSucceeds('source.added', reuse);
    expect(events).toBe(2);
    expect(result).toMatchObject({
      sources: 2,
      claim: { status: 'resolved', verdict: 'needs_context', explanation: 'The figure was disputed.' },
    });
    const reused = await db.engine.db
      .selectFrom('claim_events')
      .select('after')
      .where('claim_id', '=', target!.id)
      .where('action', '=', 'claim.reused')
      .execute();
    expect(reused.map((e) => (e.after as { reusedFrom?: number }).reusedFrom)).toEqual([origin!.id]);
    expect(
      await db.engine.db.selectFrom('claim_sources').select('url').where('claim_id', '=', target!.id).orderBy('url').execute(),
    ).toEqual([{ url: 'https://example.org/a' }, { url: 'https://example.org/b' }]);
  });
});
