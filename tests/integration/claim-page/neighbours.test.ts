import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findClaimsByDocumentId } from '../../../src/claims/claim.repository.js';
import { findAdjacentClaims, findNeighbourRefs } from '../../../src/claims/restructure.repository.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument } from '../../helpers/factories.js';

/** Both neighbour look-ups (the page's narrow one and the merge's whole claims) against text order. */
describe(`a claim's neighbours in text order (${engineName})`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(() => db.close());

  it('gives the claims just before and after each claim, nested ones included, and none past either end', async () => {
    const { document } = await buildDocument(db.ctx);
    await buildDocument(db.ctx, { title: 'Another document' });
    const inOrder = await findClaimsByDocumentId(db.engine.db, document.id);
    expect(inOrder.some((c, i) => i > 0 && inOrder[i - 1]!.start === c.start)).toBe(true);
    for (const [i, claim] of inOrder.entries()) {
      const before = inOrder[i - 1] ?? null;
      const after = inOrder[i + 1] ?? null;
      const refs = await findNeighbourRefs(db.engine.db, claim);
      expect(refs).toEqual({
        prev: before && { id: before.id, version: before.version, quote: before.quote },
        next: after && { id: after.id, version: after.version, quote: after.quote },
      });
      const whole = await findAdjacentClaims(db.engine.db, claim);
      expect({ prev: whole.prev?.id ?? null, next: whole.next?.id ?? null }).toEqual({ prev: before?.id ?? null, next: after?.id ?? null });
      if (before) expect(whole.prev).toEqual(before);
    }
  });
});
