import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findClaimsByDocumentId } from '../../../src/claims/claim.repository.js';
import { findDocumentById, findDocumentExcerpt } from '../../../src/documents/document.repository.js';
import { quoteInContext } from '../../../src/pages/claim/claim-context.js';
import { getClaimPage } from '../../../src/pages/claim/claim-page.service.js';
import { cliActor } from '../../../src/users/permissions.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument } from '../../helpers/factories.js';

/**
 * The claim page reads only the sentences around its claim (findDocumentExcerpt), not the whole
 * text: what it shows must be exactly what the whole text gives, also where UTF-16 offsets and
 * the database's character offsets disagree (a text with emoji is read whole, sql/0024).
 */
describe(`the claim page's excerpt of its document (${engineName})`, () => {
  let db: TestDb;
  // Tagalog with "ñ" (two bytes in UTF-8, one UTF-16 unit) so byte and character offsets differ.
  const sentence = (n: number) => `Ayon sa ulat ${n}, may ${n * 1000} na sundalo sa Parañaque noong ${1990 + (n % 30)}.`;
  const long = Array.from({ length: 120 }, (_, i) => sentence(i + 1)).join(' ');
  const astral = `Ngiti 😀 ng umaga. ${Array.from({ length: 30 }, (_, i) => sentence(i + 1)).join(' 🇵🇭 ')}`;
  let longId: number;
  let astralId: number;

  beforeAll(async () => {
    db = await openTestDb();
    longId = (await buildDocument(db.ctx, { title: 'Mahabang ulat', text: long })).document.id;
    astralId = (await buildDocument(db.ctx, { title: 'May emoji', text: astral })).document.id;
  });
  afterAll(() => db.close());

  it('cuts whole sentences in the database, with their starts counted from the excerpt', async () => {
    const doc = (await findDocumentById(db.engine.db, longId))!;
    const excerpt = (await findDocumentExcerpt(db.engine.db, longId, 50, 52))!;
    expect(excerpt.offset).toBe(doc.sentenceStarts[49]);
    expect(excerpt.text).toBe(doc.text.slice(doc.sentenceStarts[49], doc.sentenceStarts[52]));
    expect(excerpt.sentenceStarts).toEqual(doc.sentenceStarts.slice(49, 52).map((s) => s - excerpt.offset));
    expect(excerpt.firstSentence).toBe(50);
    expect(excerpt.text.length).toBeLessThan(doc.text.length / 20);
    // Past the last sentence: up to the end of the text.
    const tail = (await findDocumentExcerpt(db.engine.db, longId, 119, 200))!;
    expect(tail.text).toBe(doc.text.slice(doc.sentenceStarts[118]));
  });

  it('reads a text with characters outside the BMP whole, from its first sentence', async () => {
    const doc = (await findDocumentById(db.engine.db, astralId))!;
    const excerpt = (await findDocumentExcerpt(db.engine.db, astralId, 10, 12))!;
    expect([excerpt.offset, excerpt.firstSentence, excerpt.text]).toEqual([0, 1, doc.text]);
    expect(excerpt.sentenceStarts).toEqual(doc.sentenceStarts);
  });

  it('shows every claim exactly as the whole text would: quote, sentences around it and their numbers', async () => {
    for (const id of [longId, astralId]) {
      const doc = (await findDocumentById(db.engine.db, id))!;
      const claims = await findClaimsByDocumentId(db.engine.db, id);
      expect(claims.length).toBeGreaterThan(20);
      for (const claim of claims.filter((_, i) => i % 4 === 0)) {
        const page = await getClaimPage(db.ctx, cliActor, claim.id);
        expect(page.context).toEqual(quoteInContext(doc.text, doc.sentenceStarts, claim.start, claim.end));
        expect(page.context.quote).toBe(claim.quote);
        expect(page.correctionView.sentence.quote).toBe(claim.quote);
      }
    }
  });
});
