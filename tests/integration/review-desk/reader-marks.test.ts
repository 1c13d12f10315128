import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { findReaderDocument, findReaderTextPart } from '../../../src/documents/reader.repository.js';
import { lineBoundsFromStored, lineBoundsOf } from '../../../src/documents/reader-parts.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument } from '../../helpers/factories.js';

/**
 * The reader's reads: the document, its marks as one row of lists and its stored line bounds, in one
 * query, against the plain queries and the text they stand for; and a part of the text read alone.
 */
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

    // More claims than `wholeUpTo`: the text is left for the part's own read, its lines come stored.
    const read = await findReaderDocument(db.engine.db, document.id, 1);
    expect(read?.document).toMatchObject({ id: document.id, title: document.title, language: 'tl', archivedAt: null });
    expect(read?.text).toBeNull();
    expect(read?.lines).toEqual(lineBoundsOf(document.text));
    // As many claims as `wholeUpTo` or fewer: the text comes whole.
    expect((await findReaderDocument(db.engine.db, document.id, claims.length))?.text).toBe(document.text);
    const marks = read!.marks;
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
    const read = await findReaderDocument(db.engine.db, document.id, 0);
    expect(read?.document.id).toBe(document.id);
    expect(read?.marks).toEqual([]);
    expect(read?.text).toBe(document.text);
  });

  it('finds no document that is not there', async () => {
    expect(await findReaderDocument(db.engine.db, 2_147_483_647, 100)).toBeUndefined();
    expect(await findReaderTextPart(db.engine.db, 2_147_483_647, 0, 10)).toBeUndefined();
  });

  it("stores each text's line bounds as the reader works them out, whatever its line ends and characters", async () => {
    const texts = [
      'Walang bagong linya rito: 500,000 batang Iraqi.',
      'Unang linya: 655,000 ayon sa Lancet.\nIkalawang linya, may dulo.\n',
      '\n\nDalawang blangkong linya sa simula, noong 2003.\n\n\nAt tatlo sa gitna.',
      'Windows line ends: 2002.\r\nThe “axis of evil” — Bush.\r\nÑoño, ½ and é.',
    ];
    for (const text of texts) {
      const { document } = await buildDocument(db.ctx, { title: 'Lines', text });
      const row = await db.engine.db.selectFrom('documents').select('line_bounds').where('id', '=', document.id).executeTakeFirstOrThrow();
      expect(lineBoundsFromStored(row.line_bounds), JSON.stringify(text)).toEqual(lineBoundsOf(document.text));
      expect(await findReaderTextPart(db.engine.db, document.id, 0, document.text.length)).toBe(document.text);
    }
    const { rows } = await sql<{ bounds: number[] }>`SELECT document_line_bounds('') AS bounds`.execute(db.engine.db);
    expect(lineBoundsFromStored(rows[0]!.bounds)).toEqual(lineBoundsOf(''));
  });

  it('reads a part of the text by UTF-16 offsets, and leaves a text with characters outside the BMP to be read whole', async () => {
    const { document } = await buildDocument(db.ctx, { title: 'Part', text: 'Una: “500,000” — batà.\nIkalawa: 655,000.\nIkatlo: 2003.\n' });
    const from = document.text.indexOf('Ikalawa');
    const to = document.text.indexOf('Ikatlo');
    expect(await findReaderTextPart(db.engine.db, document.id, from, to)).toBe(document.text.slice(from, to));
    const astral = await buildDocument(db.ctx, { title: 'Emoji', text: 'Una 😀 noong 2003.\nIkalawa: 655,000 katao.\n' });
    expect(await findReaderTextPart(db.engine.db, astral.document.id, 0, 5)).toBeUndefined();
    const read = await findReaderDocument(db.engine.db, astral.document.id, 0);
    expect(read?.text).toBe(astral.document.text);
    expect(read?.lines).toEqual(lineBoundsOf(astral.document.text));
  });
});
