import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import request from 'supertest';
import { seedDemo } from '../../../src/demo/seed.js';
import { holdBackgroundMatching, matchingIdle } from '../../../src/matching/background-matching.js';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { signIn } from '../../helpers/factories.js';

// Two restatements of the reviewed demo's claims: more claims than MATCH_INLINE_CLAIMS (1 here),
// so the document is matched after its import commits, as a long article is with the default 500.
const TEXT = [
  'The Lancet estimated 655,000 excess Iraqi deaths by mid-2006, far above the Iraq Body Count.',
  'In his January 29, 2002 State of the Union address, George W. Bush named Iraq part of an axis of evil.',
  // No figure, date or quotation: a claim only because it restates a reviewed claim.
  'No Iraqi weapons of mass destruction have been found since the invasion.',
].join('\n');

describe(`seen before: a long document is matched after its import, in the background (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let editor: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    db = await openTestDb({ matchInlineClaims: 1 });
    app = testApp(db);
    await seedDemo(db.ctx, { reviewed: true });
    editor = await signIn(db.ctx, 'editor', 'Eda Editor');
  });
  afterAll(async () => {
    await matchingIdle();
    await db.close();
  });

  const keysOf = async (documentId: number) =>
    (await db.ctx.db.selectFrom('claim_match_keys').select('claim_id').where('document_id', '=', documentId).execute()).length;
  const readerHtml = async (documentId: number) => {
    const res = await request(app).get(`/documents/${documentId}`).set('Cookie', editor.cookie);
    expect(res.status).toBe(200);
    return res.text;
  };

  it('imports at once, then finds the matches; the reader says how far matching has got until it is done', async () => {
    // Held, so that the page is seen while the document waits (it may otherwise be done first).
    const release = holdBackgroundMatching();
    const res = await request(app)
      .post('/api/v1/documents')
      .set('Authorization', editor.bearer)
      .send({ title: 'Long', text: TEXT, language: 'en' });
    expect(res.status).toBe(201);
    const { document, claims } = res.body as { document: { id: number }; claims: { id: number; quote: string }[] };
    expect(claims.length).toBeGreaterThan(1);
    expect(await keysOf(document.id)).toBe(0);
    const waiting = await readerHtml(document.id);
    expect(waiting).toContain('data-testid="matching-notice"');
    expect(waiting).toContain(`0 claims of ${claims.length} matched so far`);
    // The restated sentence is looked at after the import too: it becomes a claim then, with its creation event.
    expect(claims.some((c) => c.quote.startsWith('No Iraqi weapons'))).toBe(false);
    release();
    await matchingIdle();
    const all = await db.ctx.db
      .selectFrom('claims')
      .select(['id', 'quote', 'reasons'])
      .where('document_id', '=', document.id)
      .orderBy('id')
      .execute();
    const restated = all.find((c) => c.quote.startsWith('No Iraqi weapons'));
    expect(restated?.reasons[0]).toMatch(/^restates claim #\d+, already reviewed$/);
    const created = await db.ctx.db.selectFrom('claim_events').select('action').where('claim_id', '=', restated!.id).execute();
    expect(created.map((e) => e.action)).toEqual(['claim.created']);
    expect(await keysOf(document.id)).toBe(all.length);
    const matched = await Promise.all(
      all.map(async (c) => {
        const m = await request(app).get(`/api/v1/claims/${c.id}/matches`).set('Authorization', editor.bearer);
        return (m.body as { matches: unknown[] }).matches.length;
      }),
    );
    expect(matched.some((n) => n > 0)).toBe(true);
    expect(await readerHtml(document.id)).not.toContain('data-testid="matching-notice"');
  });

  it('keeps matching a short document inside its import', async () => {
    const short = await openTestDb();
    try {
      await seedDemo(short.ctx, { reviewed: true });
      const shortApp = testApp(short);
      const who = await signIn(short.ctx, 'editor', 'Eda Editor');
      const res = await request(shortApp)
        .post('/api/v1/documents')
        .set('Authorization', who.bearer)
        .send({ title: 'Short', text: TEXT, language: 'en' });
      expect(res.status).toBe(201);
      const { document, claims } = res.body as { document: { id: number }; claims: unknown[] };
      // No waiting: the keys committed with the document.
      const keys = await short.ctx.db.selectFrom('claim_match_keys').select('claim_id').where('document_id', '=', document.id).execute();
      expect(keys.length).toBe(claims.length);
    } finally {
      await short.close();
    }
  });
});
