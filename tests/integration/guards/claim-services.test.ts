import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkUpdateClaims } from '../../../src/claims/bulk.service.js';
import { createClaim, getClaim, getClaimDetail, listDocumentClaims, updateClaim } from '../../../src/claims/claim.service.js';
import { mergeClaim, splitClaim } from '../../../src/claims/restructure.service.js';
import { findEventsByClaimId } from '../../../src/history/event.repository.js';
import { addNote, editNote } from '../../../src/notes/note.service.js';
import { addSource, editSource, removeSource } from '../../../src/sources/source.service.js';
import type { Claim, ClaimPatch } from '../../../src/claims/claim.js';
import type { SignedInActor } from '../../../src/request-context.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, buildUser } from '../../helpers/factories.js';

/**
 * The claim, restructure, bulk, note and source services asked directly, with what they write
 * (rows and history) asserted field by field: the holes the mutation run of `claim-services`
 * showed (docs/TESTING.md). The pages and the API around them are tested elsewhere.
 */
describe(`claim services, what they write (${engineName})`, () => {
  let db: TestDb;
  let editor: SignedInActor;
  let other: SignedInActor;
  let reviewer: SignedInActor;
  // No figures, dates or names: the extractor finds nothing, so every claim here is one we mark.
  const text = 'alpha beta  gamma delta epsilon zeta. eta theta iota kappa lambda mu.';
  const at = (word: string) => text.indexOf(word);
  let documentId: number;
  beforeAll(async () => {
    db = await openTestDb();
    editor = await buildUser(db.ctx, 'editor', 'Ed Itor');
    other = await buildUser(db.ctx, 'editor', 'Oth Er');
    reviewer = await buildUser(db.ctx, 'reviewer', 'Re Viewer');
    ({
      document: { id: documentId },
    } = await buildDocument(db.ctx, { title: 'Mga salita', text, language: 'en' }));
  });
  afterAll(() => db.close());

  const mark = (start: number, end: number, kind: 'other' | 'event' = 'other') =>
    createClaim(db.ctx, editor, documentId, { kind, start, end });
  /** A review change made from the claim's version as given. */
  const edit = async (actor: SignedInActor, claim: Claim, patch: Omit<ClaimPatch, 'version'>) =>
    (await updateClaim(db.ctx, actor, claim.id, { version: claim.version, ...patch })).claim;
  const events = async (claimId: number) =>
    (await findEventsByClaimId(db.engine.db, claimId)).map((e) => ({ action: e.action, before: e.before, after: e.after }));
  const refused = async (run: Promise<unknown>) => {
    try {
      await run;
    } catch (err) {
      const e = err as {
        status: number;
        message: string;
        fields?: { field: string; message: string }[];
        details?: Record<string, unknown>;
      };
      return { status: e.status, message: e.message, fields: e.fields, details: e.details };
    }
    throw new Error('expected a refusal');
  };

  it('starts from a document without extracted claims, and 404s for a document that does not exist', async () => {
    expect(await listDocumentClaims(db.ctx, editor, documentId)).toEqual([]);
    expect(await refused(listDocumentClaims(db.ctx, editor, 999_999))).toMatchObject({ status: 404, message: 'Document not found.' });
    expect(await refused(createClaim(db.ctx, editor, 999_999, { kind: 'other', start: 0, end: 5 }))).toMatchObject({
      status: 404,
      message: 'Document not found.',
    });
  });

  it.each([
    ['a start without an end', { start: 0 }, 'end', 'is required with a span'],
    ['an end without a start', { end: 5 }, 'start', 'is required with a span'],
    ['an empty span', { start: 5, end: 5 }, 'end', 'must be after start'],
    ['a span past the text', { start: 0, end: text.length + 1 }, 'end', `must be at most ${text.length}, the length of the text`],
    ['a span of white space', { start: at('  gamma'), end: at('  gamma') + 2 }, 'start', 'the span holds only white space'],
    ['a quote other than the text at the span', { start: 0, end: 5, quote: 'alphx' }, 'quote', 'does not match the text at that span'],
    ['neither span nor quote', {}, 'quote', 'is required (or give start and end)'],
    ['a quote not in the text', { quote: 'omega' }, 'quote', 'does not appear in the document; copy the passage exactly'],
  ])('refuses a claim marked with %s, naming the field', async (_name, input, field, message) => {
    expect(await refused(createClaim(db.ctx, editor, documentId, { kind: 'other', ...input }))).toMatchObject({
      status: 400,
      fields: [{ field, message }],
    });
  });

  it('marks a claim by span up to the last character, records how, and refuses the same passage twice', async () => {
    const claim = await mark(at('lambda'), text.length);
    expect(claim).toMatchObject({
      start: at('lambda'),
      end: text.length,
      quote: 'lambda mu.',
      score: 1,
      reasons: ['marked by a reviewer'],
    });
    expect(claim.origin).toBe('manual');
    expect(await events(claim.id)).toEqual([
      {
        action: 'claim.created',
        before: null,
        after: { kind: 'other', quote: 'lambda mu.', start: at('lambda'), end: text.length, origin: 'manual' },
      },
    ]);
    expect(await refused(mark(at('lambda'), text.length))).toMatchObject({
      status: 409,
      message: 'That passage is already a other claim.',
    });
    const spanAndQuote = await createClaim(db.ctx, editor, documentId, {
      kind: 'event',
      start: at('beta'),
      end: at('beta') + 4,
      quote: 'beta',
    });
    expect(spanAndQuote).toMatchObject({ start: at('beta'), quote: 'beta' });
    const byQuote = await createClaim(db.ctx, editor, documentId, { kind: 'event', quote: 'kappa' });
    expect(byQuote).toMatchObject({ start: at('kappa'), end: at('kappa') + 'kappa'.length, quote: 'kappa' });
  });

  it('keeps who resolved a claim when someone else edits it later, and forgets it when the claim is reopened', async () => {
    const claim = await mark(at('iota'), at('iota') + 4);
    const resolved = await edit(editor, claim, { status: 'resolved', verdict: 'accurate', explanation: 'Checked.' });
    expect(resolved).toMatchObject({ status: 'resolved', resolvedById: editor.id });
    const later = (await updateClaim(db.ctx, other, claim.id, { version: resolved.version, explanation: 'Checked twice.' })).claim;
    expect(later).toMatchObject({ resolvedById: editor.id, resolvedAt: resolved.resolvedAt, explanation: 'Checked twice.' });
    const reopened = (await updateClaim(db.ctx, other, claim.id, { version: later.version, status: 'open' })).claim;
    expect(reopened).toMatchObject({ status: 'open', verdict: null, resolvedById: null, resolvedAt: null });
  });

  it('trims a claim statement and stores a blank one as none; a reviewer may not assign', async () => {
    const claim = await mark(at('theta'), at('theta') + 5);
    const stated = (await updateClaim(db.ctx, editor, claim.id, { version: claim.version, claimStatement: '  Theta is a letter.  ' }))
      .claim;
    expect(stated.claimStatement).toBe('Theta is a letter.');
    const blank = (await updateClaim(db.ctx, editor, claim.id, { version: stated.version, claimStatement: '   ' })).claim;
    expect(blank.claimStatement).toBeNull();
    expect(await refused(updateClaim(db.ctx, reviewer, claim.id, { version: blank.version, assigneeId: reviewer.id }))).toMatchObject({
      status: 403,
    });
    expect((await getClaim(db.ctx, editor, claim.id)).assigneeId).toBeNull();
  });

  it('names what was not found, and says why a stale edit is refused', async () => {
    const gone = 999_999;
    expect(await refused(getClaim(db.ctx, editor, gone))).toMatchObject({ status: 404, message: 'Claim not found.' });
    expect(await refused(updateClaim(db.ctx, editor, gone, { version: 1, explanation: 'x' }))).toMatchObject({
      message: 'Claim not found.',
    });
    expect(await refused(mergeClaim(db.ctx, editor, gone, { with: 'next', version: 1, withId: 1, withVersion: 1 }))).toMatchObject({
      status: 404,
      message: 'Claim not found.',
    });
    expect(await refused(addNote(db.ctx, editor, gone, 'x'))).toMatchObject({ status: 404, message: 'Claim not found.' });
    expect(await refused(editNote(db.ctx, editor, gone, 'x', 1))).toMatchObject({ status: 404, message: 'Note not found.' });
    expect(await refused(addSource(db.ctx, editor, gone, { url: 'https://example.org/', stance: 'context' }))).toMatchObject({
      message: 'Claim not found.',
    });
    expect(await refused(editSource(db.ctx, editor, gone, { version: 1, title: 'x' }))).toMatchObject({ message: 'Source not found.' });
    expect(await refused(removeSource(db.ctx, editor, gone, 1))).toMatchObject({ status: 404, message: 'Source not found.' });
    const claim = await mark(at('alpha'), at('alpha') + 5);
    await updateClaim(db.ctx, editor, claim.id, { version: claim.version, explanation: 'First.' });
    expect(await refused(updateClaim(db.ctx, other, claim.id, { version: claim.version, explanation: 'Second.' }))).toMatchObject({
      status: 409,
      message: 'This claim was changed by someone else since you opened it. Review the current version and apply your change again.',
      details: { current: { id: claim.id, explanation: 'First.' } },
    });
  });

  it('gives a claim with its sources, notes and history in one read', async () => {
    const claim = await mark(at('mu'), at('mu') + 2);
    await addSource(db.ctx, editor, claim.id, { url: 'https://example.org/mu', stance: 'refutes' });
    await addNote(db.ctx, editor, claim.id, 'About mu.');
    const detail = await getClaimDetail(db.ctx, editor, claim.id);
    expect(detail.claim.id).toBe(claim.id);
    expect(detail.sources.map((x) => x.url)).toEqual(['https://example.org/mu']);
    expect(detail.notes.map((n) => n.body)).toEqual(['About mu.']);
    expect(detail.events.map((e) => e.action)).toEqual(['claim.created', 'source.added', 'note.added']);
  });

  it('keeps the match keys of claims marked, re-kinded, merged and split', async () => {
    const {
      document: { id: doc },
    } = await buildDocument(db.ctx, { title: 'Keys', text: 'plain words first here. quokka zebra galaxy later on.', language: 'en' });
    const keys = async (claimId: number) =>
      (
        await sql<{ spelling: boolean; terms: string[] }>`SELECT spelling, terms FROM claim_match_keys WHERE claim_id = ${claimId}`.execute(
          db.ctx.db,
        )
      ).rows;
    const a = await createClaim(db.ctx, editor, doc, { kind: 'other', quote: 'first here' });
    expect(await keys(a.id)).toEqual([expect.objectContaining({ spelling: false })]);
    const spelled = (await updateClaim(db.ctx, editor, a.id, { version: a.version, kind: 'spelling' })).claim;
    expect(await keys(a.id)).toEqual([expect.objectContaining({ spelling: true })]);
    const b = await createClaim(db.ctx, editor, doc, { kind: 'spelling', quote: 'quokka zebra galaxy later' });
    await mergeClaim(db.ctx, editor, a.id, { with: 'next', version: spelled.version, withId: b.id, withVersion: b.version });
    const merged = await getClaim(db.ctx, editor, a.id);
    expect(await keys(a.id)).toEqual([expect.objectContaining({ spelling: true })]);
    const { created } = await splitClaim(db.ctx, editor, a.id, {
      version: merged.version,
      at: merged.quote.indexOf(' quokka') + merged.start,
    });
    expect(await keys(created.id)).toEqual([expect.objectContaining({ spelling: true })]);
  });

  describe('merging and splitting', () => {
    const restructured = 'red blue green white black pink gray brown cyan teal.';
    const w = (word: string) => restructured.indexOf(word);
    const e = (word: string) => w(word) + word.length;
    let doc: number;
    beforeAll(async () => {
      ({
        document: { id: doc },
      } = await buildDocument(db.ctx, { title: 'Mga kulay', text: restructured, language: 'en' }));
      expect(await listDocumentClaims(db.ctx, editor, doc)).toEqual([]);
    });
    const markIn = (start: number, end: number) => createClaim(db.ctx, editor, doc, { kind: 'other', start, end });

    it('merges two claims into one holding the better score, both reasons and what either had, with the absorbed history', async () => {
      const survivor = await markIn(w('red'), e('red'));
      const absorbed = await markIn(w('blue'), e('blue'));
      await db.engine.db
        .updateTable('claims')
        .set({ score: 0.3, reasons: JSON.stringify(['a figure']) })
        .where('id', '=', survivor.id)
        .execute();
      await db.engine.db
        .updateTable('claims')
        .set({ score: 0.9, reasons: JSON.stringify(['a name']), suggestion: 'BLUE' })
        .where('id', '=', absorbed.id)
        .execute();
      const changed = await edit(editor, absorbed, {
        status: 'in_review',
        proposedVerdict: 'inaccurate',
        correction: 'azul',
        explanation: 'Spanish.',
        assigneeId: other.id,
      });
      const { claim } = await mergeClaim(db.ctx, editor, survivor.id, {
        with: 'next',
        version: survivor.version,
        withId: absorbed.id,
        withVersion: changed.version,
      });
      expect(claim).toMatchObject({
        start: w('red'),
        end: e('blue'),
        quote: 'red blue',
        score: 0.9,
        reasons: ['a figure', 'a name'],
        suggestion: 'BLUE',
        proposedVerdict: 'inaccurate',
        correction: 'azul',
        explanation: 'Spanish.',
        assigneeId: other.id,
      });
      const [merged] = (await events(survivor.id)).filter((e) => e.action === 'claim.merged');
      const before = merged!.before as { survivor: { quote: string }; absorbed: { id: number; history: { action: string }[] } };
      expect(before.survivor.quote).toBe('red');
      expect(before.absorbed.id).toBe(absorbed.id);
      expect(before.absorbed.history.map((h) => h.action)).toEqual(['claim.created', 'claim.updated']);
      expect(merged!.after).toMatchObject({ quote: 'red blue', absorbedId: absorbed.id, movedSources: 0, movedNotes: 0 });
    });

    it('names the direction it cannot merge in, and the neighbour that moved', async () => {
      const last = await markIn(w('teal'), e('teal'));
      const none = await refused(mergeClaim(db.ctx, editor, last.id, { with: 'next', version: last.version, withId: 1, withVersion: 1 }));
      expect(none).toMatchObject({
        status: 400,
        fields: [{ field: 'with', message: 'there is no next claim in this document to merge with' }],
      });
      const nine = await markIn(w('cyan'), e('cyan'));
      const moved = await refused(
        mergeClaim(db.ctx, editor, last.id, { with: 'prev', version: last.version, withId: nine.id, withVersion: 99 }),
      );
      expect(moved).toMatchObject({ status: 409, details: { neighbourId: nine.id, neighbourVersion: nine.version } });
      expect(moved.message).toMatch(/^The previous claim changed since you opened this page \(it is now #\d+, version 1\)/);
      const {
        document: { id: alone },
      } = await buildDocument(db.ctx, { title: 'Isa', text: 'just these words.', language: 'en' });
      const only = await createClaim(db.ctx, editor, alone, { kind: 'other', quote: 'these' });
      expect(await refused(mergeClaim(db.ctx, editor, only.id, { with: 'prev', version: 1, withId: 1, withVersion: 1 }))).toMatchObject({
        fields: [{ field: 'with', message: 'there is no previous claim in this document to merge with' }],
      });
      const next = await createClaim(db.ctx, editor, alone, { kind: 'other', quote: 'words' });
      const stale = await refused(mergeClaim(db.ctx, editor, only.id, { with: 'next', version: 1, withId: next.id, withVersion: 7 }));
      expect(stale.message).toBe(
        `The next claim changed since you opened this page (it is now #${next.id}, version 1). Look at it again before merging.`,
      );
    });

    it('splits without the white space at the cut, refuses a part that is only white space or already a claim', async () => {
      const claim = await markIn(w('white'), e('black'));
      const { claim: kept, created } = await splitClaim(db.ctx, editor, claim.id, { version: claim.version, at: e('white') });
      expect(kept).toMatchObject({ start: w('white'), end: e('white'), quote: 'white' });
      expect(created).toMatchObject({ start: w('black'), end: e('black'), quote: 'black', status: 'open' });
      expect((await events(created.id)).map((e) => e.after)).toEqual([
        { start: w('black'), end: e('black'), quote: 'black', kind: 'other', splitFrom: claim.id },
      ]);

      const spaced = await markIn(w('pink') - 1, e('pink')); // " pink": a claim may start with a space
      expect(await refused(splitClaim(db.ctx, editor, spaced.id, { version: spaced.version, at: w('pink') }))).toMatchObject({
        status: 400,
        fields: [{ field: 'at', message: 'would leave a part with only white space; choose a point between words' }],
      });

      const whole = await markIn(w('gray'), e('brown'));
      const part = await markIn(w('gray'), e('gray'));
      const duplicate = await refused(splitClaim(db.ctx, editor, whole.id, { version: whole.version, at: e('gray') }));
      expect(duplicate).toMatchObject({
        status: 409,
        message: `Claim #${part.id} already covers exactly that passage as a other claim.`,
        details: { claimId: part.id },
      });
    });
  });

  describe('sources and notes', () => {
    let claimId: number;
    beforeAll(async () => {
      claimId = (await mark(at('epsilon'), at('epsilon') + 7)).id;
    });

    it('stores every field of a source and records it, edits only what is sent, and records the removal', async () => {
      const snapshot = {
        url: 'https://example.org/a',
        title: 'A',
        publisher: 'Pub',
        publishedOn: '2020-01-02',
        excerpt: 'Quoted.',
        stance: 'supports' as const,
      };
      const source = await addSource(db.ctx, editor, claimId, snapshot);
      expect(source).toMatchObject({ publisher: 'Pub', publishedOn: '2020-01-02', excerpt: 'Quoted.' });
      const bare = await addSource(db.ctx, editor, claimId, { url: 'https://example.org/b', stance: 'context' });
      expect(bare).toMatchObject({ title: null, publisher: null, publishedOn: null, excerpt: null });
      const added = (await events(claimId)).find(
        (e) => e.action === 'source.added' && (e.after as { sourceId: number }).sourceId === source.id,
      );
      expect(added?.after).toEqual({ sourceId: source.id, ...snapshot });

      const edited = await editSource(db.ctx, other, source.id, {
        version: source.version,
        url: 'https://example.org/c',
        excerpt: 'Requoted.',
      });
      expect(edited).toMatchObject({
        url: 'https://example.org/c',
        title: 'A',
        publisher: 'Pub',
        publishedOn: '2020-01-02',
        excerpt: 'Requoted.',
      });
      const dated = await editSource(db.ctx, other, source.id, { version: edited.version, publishedOn: '2021-03-04' });
      expect(dated).toMatchObject({ url: 'https://example.org/c', publishedOn: '2021-03-04', excerpt: 'Requoted.' });
      const editEvent = (await events(claimId)).find((e) => e.action === 'source.edited');
      expect(editEvent).toEqual({
        action: 'source.edited',
        before: { sourceId: source.id, ...snapshot },
        after: { sourceId: source.id, ...snapshot, url: 'https://example.org/c', excerpt: 'Requoted.' },
      });
      expect(await refused(editSource(db.ctx, other, source.id, { version: source.version, title: 'B' }))).toMatchObject({
        status: 409,
        message: 'This source was changed by someone else since you opened it.',
      });
      await removeSource(db.ctx, editor, source.id, dated.version);
      const removed = (await events(claimId)).find((e) => e.action === 'source.removed');
      expect(removed?.before).toEqual({
        sourceId: source.id,
        ...snapshot,
        url: 'https://example.org/c',
        publishedOn: '2021-03-04',
        excerpt: 'Requoted.',
      });
    });

    it('records a note with its body, and refuses someone else’s or a stale edit with the reason', async () => {
      const note = await addNote(db.ctx, editor, claimId, 'First look.');
      expect((await events(claimId)).find((e) => e.action === 'note.added')?.after).toEqual({ noteId: note.id, body: 'First look.' });
      expect(await refused(editNote(db.ctx, other, note.id, 'Mine now.', note.version))).toMatchObject({
        status: 403,
        message: 'You can only edit your own notes.',
      });
      expect(await refused(editNote(db.ctx, editor, note.id, 'Second look.', note.version + 1))).toMatchObject({
        status: 409,
        message: 'This note was changed since you opened it.',
      });
    });
  });

  describe('bulk changes', () => {
    it('names the claims that no longer exist, one or several', async () => {
      const claim = await mark(at('zeta'), at('zeta') + 4);
      const one = await refused(bulkUpdateClaims(db.ctx, editor, { claimIds: [claim.id, 999_991], action: 'status', status: 'in_review' }));
      expect(one).toMatchObject({
        status: 400,
        fields: [{ field: 'claimIds', message: '#999991 no longer exists (merged or deleted); reload the list and try again' }],
      });
      const two = await refused(
        bulkUpdateClaims(db.ctx, editor, { claimIds: [999_991, claim.id, 999_992], action: 'status', status: 'in_review' }),
      );
      expect(two.fields).toEqual([
        { field: 'claimIds', message: '#999991, #999992 no longer exist (merged or deleted); reload the list and try again' },
      ]);
      // Twelve gone: the message names the first ten, not a list as long as the selection.
      const gone = Array.from({ length: 12 }, (_, i) => 999_901 + i);
      const many = await refused(
        bulkUpdateClaims(db.ctx, editor, { claimIds: [claim.id, ...gone], action: 'status', status: 'in_review' }),
      );
      expect(many.fields).toEqual([
        {
          field: 'claimIds',
          message:
            '#999901, #999902, #999903, #999904, #999905, #999906, #999907, #999908, #999909, #999910 no longer exist (merged or deleted); reload the list and try again',
        },
      ]);
    });

    it('leaves a claim already in the status alone, keeps a trimmed reason, and wants a reason that is more than spaces', async () => {
      const claim = await mark(at('delta'), at('delta') + 5);
      const same = await bulkUpdateClaims(db.ctx, editor, { claimIds: [claim.id], action: 'status', status: 'open' });
      expect(same).toMatchObject({ changed: [], unchanged: 1, assigneeName: null });
      expect((await events(claim.id)).map((e) => e.action)).toEqual(['claim.created']);
      const blank = await refused(
        bulkUpdateClaims(
          db.ctx,
          editor,
          { claimIds: [claim.id], action: 'dismiss', reason: '   ', confirm: true },
          { confirmDismissal: true },
        ),
      );
      expect(blank.fields).toEqual([{ field: 'reason', message: 'is required: say why the selected claims are dismissed' }]);
      await bulkUpdateClaims(
        db.ctx,
        editor,
        { claimIds: [claim.id], action: 'dismiss', reason: '  a duplicate  ', confirm: true },
        { confirmDismissal: true },
      );
      expect((await events(claim.id)).at(-1)).toEqual({
        action: 'claim.updated',
        before: { status: 'open' },
        after: { status: 'dismissed', reason: 'a duplicate' },
      });
    });
  });
});
