import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertClaims, type NewClaimRow } from '../../../src/claims/claim.repository.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument } from '../../helpers/factories.js';

/**
 * New claims are checked against their document's text once per INSERT (sql/0012): in windows of
 * 4,096 characters, so spans that cross a window, long quotes and multibyte text must all hold.
 */
describe(`claim spans checked on insert (${engineName})`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(() => db.close());

  // Multibyte but no astral characters: offsets are exact. ~20,000 characters, so five windows.
  const line = 'Sinabi ni G. Señor — “ang bilang ay 1,234” — sa pulong ng mga ñino. ';
  const text = line.repeat(Math.ceil(20_000 / line.length));
  const claim = (documentId: number, start: number, end: number, quote = text.slice(start, end)): NewClaimRow => ({
    documentId,
    start,
    end,
    quote,
    sentenceIndex: 1,
    kind: 'other' as NewClaimRow['kind'],
    score: 0.5,
    reasons: [],
    suggestion: null,
    origin: 'manual',
  });
  const insert = (rows: NewClaimRow[]) => db.engine.db.transaction().execute((trx) => insertClaims(trx, rows));

  it('accepts spans anywhere: across a window boundary, longer than a window, at the very end', async () => {
    const { document } = await buildDocument(db.ctx, { title: 'Mahabang teksto', text, language: 'tl' });
    const spans: [number, number][] = [
      [0, 5],
      [4090, 4110],
      [100, 9000],
      [8191, 8193],
      [12_288, 12_300],
      [text.length - 7, text.length],
    ];
    expect(await insert(spans.map(([s, e]) => claim(document.id, s, e)))).toBe(spans.length);
  });

  it('refuses a batch with a wrong quote, naming the first wrong claim in text order, and keeps none of it', async () => {
    const { document } = await buildDocument(db.ctx, { title: 'Maling sipi', text, language: 'tl' });
    const before = await db.engine.db
      .selectFrom('claims')
      .where('document_id', '=', document.id)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = [
      claim(document.id, 15_000, 15_010, 'not there!'),
      claim(document.id, 30, 40),
      claim(document.id, 12_001, 12_011, 'wrong text'),
    ];
    await expect(insert(rows)).rejects.toThrow(/claim span 12001 to 12011 does not match its quote/);
    const after = await db.engine.db
      .selectFrom('claims')
      .where('document_id', '=', document.id)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses a span past the end of the text', async () => {
    const { document } = await buildDocument(db.ctx, { title: 'Lampas', text, language: 'tl' });
    await expect(insert([claim(document.id, text.length - 2, text.length + 3, text.slice(-2) + 'abc')])).rejects.toThrow(
      /does not match its quote/,
    );
  });

  it('checks containment in a text with astral characters, whose offsets count UTF-16 units', async () => {
    const astral = `Ang ulat 📰 ay nagsabi na ${'umabot sa 500 katao. '.repeat(300)}Wakas 🙂.`;
    const { document } = await buildDocument(db.ctx, { title: 'May emoji', text: astral, language: 'tl' });
    const start = astral.indexOf('Wakas');
    expect(await insert([claim(document.id, start, start + 5, 'Wakas')])).toBe(1);
    await expect(insert([claim(document.id, 10, 20, 'wala ito rito')])).rejects.toThrow(/claim span 10 to 20 is not in document/);
  });
});
