import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { findClaimById } from '../../../src/claims/claim.repository.js';
import { updateClaim } from '../../../src/claims/claim.service.js';
import type { Claim } from '../../../src/claims/claim.js';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';

// The claim page's edit-conflict view (its source and note variants are in sources-notes.test.ts).
describe(`claim edit conflicts (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let claims: Claim[];
  let editor: ReturnType<typeof browser>;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    ({ claims } = await buildDocument(db.ctx));
    editor = browser(app, (await signIn(db.ctx, 'editor', 'Ed Itor')).cookie);
  });
  afterAll(() => db.close());
  const current = async (id: number) => (await findClaimById(db.engine.db, id))!;

  it('shows both versions on a stale edit (409) and applies the change again in one click', async () => {
    const claim = await current(claims[3]!.id);
    await updateClaim(db.ctx, { id: null, name: 'someone', role: 'admin' }, claim.id, {
      version: claim.version,
      status: 'in_review',
      correction: 'Their correction text',
    });
    const before = await tableChecksums(db.engine.db);
    const res = await editor.post(
      `/claims/${claim.id}`,
      { version: claim.version, status: 'resolved', verdict: 'typo', correction: 'My correction text', explanation: '' },
      `/claims/${claim.id}`,
    );
    expect(res.status).toBe(409);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
    expect(res.text).toContain(`Claim #${claim.id} changed while you were editing`);
    expect(res.text).toMatch(/<tr class="differs">\s*<th scope="row">Proposed correction <span class="differs-badge">Differs<\/span>/);
    expect(res.text).toContain('<del>Their</del><ins>My</ins>');
    expect(res.text).toMatch(/<tr class="">\s*<th scope="row">Proposed verdict<\/th>[\s\S]*?not part of your change/);
    expect(res.text).toContain(`<input type="hidden" name="version" value="${claim.version + 1}">`);
    expect(res.text).toContain('<input type="hidden" name="correction" value="My correction text">');

    const fields = Object.fromEntries(
      [...res.text.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)]
        .filter((m) => m[1] !== '_csrf')
        .map((m) => [m[1]!, m[2]!]),
    );
    const again = await editor.post(`/claims/${claim.id}`, fields, `/claims/${claim.id}`);
    expect(again.status).toBe(303);
    expect(await current(claim.id)).toMatchObject({
      status: 'resolved',
      verdict: 'typo',
      correction: 'My correction text',
      version: claim.version + 2,
    });
  });

  it('on a conflict, offers to re-send only the fields this user changed from what the form showed', async () => {
    const claim = await current(claims[6]!.id);
    const form = await editor.get(`/claims/${claim.id}`);
    const base = /<input type="hidden" name="base" value="([^"]+)">/.exec(form.text)?.[1]?.replaceAll('&#34;', '"');
    expect(JSON.parse(base!)).toEqual({
      status: 'open',
      verdict: '',
      proposedVerdict: '',
      correction: '',
      explanation: '',
      assigneeId: '',
      kind: claim.kind,
    });
    await updateClaim(db.ctx, { id: null, name: 'someone', role: 'admin' }, claim.id, {
      version: claim.version,
      status: 'in_review',
      correction: 'Their correction',
    });
    const res = await editor.post(
      `/claims/${claim.id}`,
      {
        version: claim.version,
        base: base!,
        status: 'open',
        verdict: '',
        proposedVerdict: '',
        correction: '',
        explanation: 'Only this is mine',
        assigneeId: '',
        kind: claim.kind,
      },
      `/claims/${claim.id}`,
    );
    expect(res.status).toBe(409);
    expect(res.text).toMatch(
      /<th scope="row">Status<\/th>\s*<td><div class="conflict-value">In review<\/div><\/td>\s*<td><span class="muted">not part of your change/,
    );
    expect(res.text).toMatch(/<th scope="row">Explanation <span class="differs-badge">Differs<\/span>/);
    const fields = [...res.text.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)]
      .map((m) => m[1])
      .filter((n) => n !== '_csrf');
    expect(fields).toEqual(['explanation', 'version']);
    const again = await editor.post(
      `/claims/${claim.id}`,
      { explanation: 'Only this is mine', version: claim.version + 1 },
      `/claims/${claim.id}`,
    );
    expect(again.status).toBe(303);
    expect(await current(claim.id)).toMatchObject({
      status: 'in_review',
      correction: 'Their correction',
      explanation: 'Only this is mine',
    });
  });

  it('names who saved the claim last and when', async () => {
    const claim = await current(claims[8]!.id);
    const maria = await signIn(db.ctx, 'editor', 'Maria Santos');
    await updateClaim(db.ctx, maria.actor, claim.id, { version: claim.version, status: 'in_review' });
    const res = await editor.post(
      `/claims/${claim.id}`,
      { version: claim.version, status: 'open', explanation: 'Mine' },
      `/claims/${claim.id}`,
    );
    expect(res.status).toBe(409);
    expect(res.text).toMatch(/<p data-testid="saved-by">Last saved by <strong>Maria Santos<\/strong> at <time datetime="[^"]+">/);
  });
});
