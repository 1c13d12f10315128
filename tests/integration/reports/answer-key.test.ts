import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findClaimsByDocumentId } from '../../../src/claims/claim.repository.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildReviewedSeed } from './reviewed-seed.js';

describe(`the demo answer key (${engineName})`, () => {
  let db: TestDb;
  let result: Awaited<ReturnType<typeof buildReviewedSeed>>;
  beforeAll(async () => {
    db = await openTestDb();
    result = await buildReviewedSeed(db.ctx);
  });
  afterAll(() => db.close());

  it('resolves every one of the 50 entries with its verdict, correction and sources', async () => {
    expect(result.applied).toBe(50);
    const claims = await findClaimsByDocumentId(db.engine.db, result.document.id);
    const resolved = claims.filter((c) => c.status === 'resolved');
    expect(resolved).toHaveLength(50);
    const bush = resolved.find((c) => c.quote === 'American President George H. W. Bush')!;
    expect(bush).toMatchObject({
      verdict: 'inaccurate',
      correction: 'American President George W. Bush',
      resolvedByName: 'Answer key (demo)',
    });
    const sources = await db.engine.db.selectFrom('claim_sources').select(['url', 'stance']).where('claim_id', '=', bush.id).execute();
    expect(sources).toHaveLength(3);
    expect(sources.every((s) => s.stance === 'refutes')).toBe(true);
  });

  it('leaves a typo inside a rewritten passage to the wider correction, so no two corrections overlap', async () => {
    const claims = await findClaimsByDocumentId(db.engine.db, result.document.id);
    const corrected = claims.filter((c) => c.status === 'resolved' && c.correction).sort((a, b) => a.start - b.start);
    for (let i = 1; i < corrected.length; i++) expect(corrected[i]!.start).toBeGreaterThanOrEqual(corrected[i - 1]!.end);
    const reolusyon = claims.find((c) => c.quote === 'reolusyon')!;
    expect(reolusyon).toMatchObject({ verdict: 'typo', correction: null });
    expect(reolusyon.explanation).toContain('surrounding passage “binuhay ng sandatahang lakas ang reolusyon 678”');
    expect(claims.find((c) => c.quote === 'United Sates')).toMatchObject({ verdict: 'typo', correction: 'United States' });
  });
});
