import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dismissClaim, updateClaim } from '../../../src/claims/claim.service.js';
import { progressWords, reviewProgress } from '../../../src/claims/progress.js';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';

describe('one definition of review progress', () => {
  it('counts resolved and dismissed claims as checked, in the same words everywhere', () => {
    const p = reviewProgress({ total: 49, resolved: 11, dismissed: 4 });
    expect(p).toEqual({ total: 49, checked: 15, resolved: 11, dismissed: 4, percent: 31 });
    expect(progressWords(p)).toBe('15 of 49 claims checked (31%)');
    expect(progressWords(reviewProgress({ total: 0, resolved: 0, dismissed: 0 }))).toBe('0 of 0 claims checked (0%)');
  });
});

describe(`review progress on every page (${engineName})`, () => {
  let db: TestDb;
  let words: string;
  let documentId: number;
  let user: ReturnType<typeof browser>;
  beforeAll(async () => {
    db = await openTestDb();
    const { document, claims } = await buildDocument(db.ctx, { title: 'Progress' });
    documentId = document.id;
    const { actor, cookie } = await signIn(db.ctx, 'editor');
    user = browser(testApp(db), cookie);
    const [a, b, c] = claims;
    await updateClaim(db.ctx, actor, a!.id, { version: a!.version, status: 'resolved', verdict: 'accurate' });
    await updateClaim(db.ctx, actor, b!.id, { version: b!.version, status: 'resolved', verdict: 'typo', correction: 'x' });
    await dismissClaim(db.ctx, actor, c!.id, c!.version);
    words = progressWords(reviewProgress({ total: claims.length, resolved: 2, dismissed: 1 }));
  });
  afterAll(() => db.close());

  it('shows the same checked count on the dashboard, the documents list, the reader and the report', async () => {
    expect(words).toMatch(/^3 of \d+ claims checked \(\d+%\)$/);
    for (const path of ['/', '/documents', `/documents/${documentId}`, `/documents/${documentId}/report`]) {
      const page = await user.get(path);
      expect(page.status, path).toBe(200);
      expect(page.text, path).toContain(words);
    }
  });
});
