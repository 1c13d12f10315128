import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findClaimById, findClaimsByDocumentId } from '../../../src/claims/claim.repository.js';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';

/**
 * Rules a mutation audit found unguarded (issue 20): each test here fails when the rule it names
 * is switched off, and passes through the public API so it survives the rules moving module.
 */
describe(`claim rules the API must keep (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let editor: string;
  let reviewer: string;
  let documentId: number;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    ({ bearer: editor } = await signIn(db.ctx, 'editor'));
    ({ bearer: reviewer } = await signIn(db.ctx, 'reviewer'));
    ({ document: { id: documentId } } = await buildDocument(db.ctx));
  });
  afterAll(() => db.close());
  const patch = (who: string, id: number, body: object) => request(app).patch(`/api/v1/claims/${id}`).set('Authorization', who).send(body);
  const post = (who: string, path: string, body: object) => request(app).post(path).set('Authorization', who).send(body);
  const claimAt = async (index: number) => (await findClaimsByDocumentId(db.engine.db, documentId))[index]!;

  it('refuses a reviewer overwriting the final verdict of a resolved claim, keeping the editor’s verdict', async () => {
    const claim = await claimAt(3);
    const resolved = await patch(editor, claim.id, { version: claim.version, status: 'resolved', verdict: 'accurate' });
    expect(resolved.status).toBe(200);
    const before = await tableChecksums(db.engine.db);
    const res = await patch(reviewer, claim.id, { version: resolved.body.claim.version, verdict: 'inaccurate' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ field: 'verdict', message: expect.stringContaining('cannot set the final verdict') }]);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
    expect((await findClaimById(db.engine.db, claim.id))!).toMatchObject({ status: 'resolved', verdict: 'accurate' });
  });

  it('refuses a merge based on a version someone else has since changed (409), and merges nothing', async () => {
    const claim = await claimAt(6);
    const seen = claim.version;
    expect((await patch(editor, claim.id, { version: seen, explanation: 'changed by a colleague' })).status).toBe(200);
    const before = await tableChecksums(db.engine.db);
    const res = await post(editor, `/api/v1/claims/${claim.id}/merge`, { with: 'next', version: seen });
    expect(res.status).toBe(409);
    expect(res.body.error.current).toMatchObject({ id: claim.id, version: seen + 1, explanation: 'changed by a colleague' });
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });

  it('refuses a split based on a version someone else has since changed (409), and splits nothing', async () => {
    const claim = await claimAt(8);
    const space = claim.quote.indexOf(' ');
    expect(space).toBeGreaterThan(0);
    const seen = claim.version;
    expect((await patch(editor, claim.id, { version: seen, explanation: 'changed by a colleague' })).status).toBe(200);
    const before = await tableChecksums(db.engine.db);
    const res = await post(editor, `/api/v1/claims/${claim.id}/split`, { at: claim.start + space + 1, version: seen });
    expect(res.status).toBe(409);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });

  it('refuses a claim added by hand whose span holds only white space (400 on start), creating nothing', async () => {
    const { document } = await buildDocument(db.ctx, { title: 'Two spaces', text: 'Sinabi ng pangulo  na umabot sa 40 porsiyento ang pagtaas.\n' });
    const gap = document.text.indexOf('  ');
    const before = await tableChecksums(db.engine.db);
    const res = await post(editor, `/api/v1/documents/${document.id}/claims`, { kind: 'statistic', start: gap, end: gap + 2 });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ field: 'start', message: 'the span holds only white space' }]);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });
});
