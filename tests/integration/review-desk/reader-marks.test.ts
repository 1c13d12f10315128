import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findReaderMarks } from '../../../src/documents/reader.repository.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument } from '../../helpers/factories.js';

/** The reader's marks, read as one row of lists, against the plain query they replace. */
describe(`the reader's marks (${engineName})`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(() => db.close());

  const rowByRow = async (documentId: number) =>
    (
      await db.engine.db
        .selectFrom('claims')
        .select(['id', 'start_offset', 'end_offset', 'kind', 'status', 'verdict'])
        .where('document_id', '=', documentId)
        .orderBy('start_offset')
        .orderBy('end_offset')
        .orderBy('id')
        .execute()
    ).map((r) => ({ id: r.id, start: r.start_offset, end: r.end_offset, kind: r.kind, status: r.status, verdict: r.verdict }));

  it('gives every claim of the document once, in text order, with its kind, status and verdict (none as null)', async () => {
    const { document, claims } = await buildDocument(db.ctx);
    const other = await buildDocument(db.ctx, { title: 'Another' });
    const [a, b, c] = claims;
    await db.engine.db.updateTable('claims').set({ status: 'resolved', verdict: 'inaccurate' }).where('id', '=', a!.id).execute();
    await db.engine.db.updateTable('claims').set({ status: 'dismissed' }).where('id', '=', b!.id).execute();
    await db.engine.db.updateTable('claims').set({ status: 'resolved', verdict: 'needs_context' }).where('id', '=', c!.id).execute();

    const marks = await findReaderMarks(db.engine.db, document.id);
    expect(marks.length).toBe(claims.length);
    expect(marks).toEqual(await rowByRow(document.id));
    expect(marks.find((m) => m.id === a!.id)).toMatchObject({ status: 'resolved', verdict: 'inaccurate' });
    expect(marks.find((m) => m.id === b!.id)).toMatchObject({ status: 'dismissed', verdict: null });
    expect(marks.find((m) => m.id === c!.id)).toMatchObject({ verdict: 'needs_context', start: c!.start, end: c!.end, kind: c!.kind });
    // Nested marks share a start: the shorter first, then by id.
    expect(marks.some((m, i) => i > 0 && marks[i - 1]!.start === m.start)).toBe(true);
    expect(marks.every((m) => other.claims.every((o) => o.id !== m.id))).toBe(true);
  });

  it('gives no marks for a document without claims', async () => {
    const { document } = await buildDocument(db.ctx, { title: 'Emptied' });
    await db.engine.db.deleteFrom('claims').where('document_id', '=', document.id).execute();
    expect(await findReaderMarks(db.engine.db, document.id)).toEqual([]);
  });
});
