import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findClaimById } from '../../../src/claims/claim.repository.js';
import type { Claim } from '../../../src/claims/claim.js';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';

const text = 'Neil Armstrong said the goverment of the Untied States had planned it for years. Three astronauts walked on the Moon.';

describe(`the claim page's correction tools (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let claims: Claim[];
  let editor: ReturnType<typeof browser>;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    ({ claims } = await buildDocument(db.ctx, { title: 'Apollo', text, language: 'en' }));
    editor = browser(app, (await signIn(db.ctx, 'editor')).cookie);
  });
  afterAll(() => db.close());
  const spelling = () => claims.find((c) => c.quote === 'Untied States')!;

  it('offers "Use suggestion" as a button with data-suggestion, and without JavaScript pre-fills the correction from it', async () => {
    const page = await editor.get(`/claims/${spelling().id}`);
    expect(page.text).toContain(
      '<button type="submit" class="secondary" data-suggestion="United States" data-target="#correction">Use suggestion: “United States”</button>',
    );
    expect(page.text).toMatch(/<label for="correctionScope-passage">Replace the highlighted passage \(“Untied States”\)<\/label>/);
    const filled = await editor.get(`/claims/${spelling().id}?useSuggestion=United%20States`);
    expect(filled.text).toMatch(/<textarea id="correction" name="correction"[^>]*>United States<\/textarea>/);
    expect(filled.text).toContain('<del>Untied States</del><ins>United States</ins> had planned it for years.');
    expect((await findClaimById(db.engine.db, spelling().id))!.correction).toBeNull();
  });

  it('previews a sentence correction without JavaScript and saves nothing; saving keeps the scope', async () => {
    const claim = claims.find((c) => c.quote.startsWith('Three astronauts'))!;
    const form = {
      version: claim.version,
      status: 'resolved',
      verdict: 'misleading',
      correctionScope: 'sentence',
      correction: 'Two astronauts walked on the Moon.',
      explanation: '',
    };
    const preview = await editor.post(`/claims/${claim.id}/preview`, form, `/claims/${claim.id}`);
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('<del>Three astronauts walked on the Moon.</del> <ins>Two astronauts walked on the Moon.</ins>');
    expect(preview.text).toMatch(/id="correctionScope-sentence" name="correctionScope" value="sentence" checked/);
    expect(await findClaimById(db.engine.db, claim.id)).toMatchObject({ version: claim.version, correction: null });
    const saved = await editor.post(`/claims/${claim.id}`, form, `/claims/${claim.id}`);
    expect(saved.status).toBe(303);
    expect(await findClaimById(db.engine.db, claim.id)).toMatchObject({
      correctionScope: 'sentence',
      correction: 'Two astronauts walked on the Moon.',
    });
  });

  it('refuses an empty sentence correction and an over-long claim statement with the message by the field', async () => {
    const claim = (await findClaimById(db.engine.db, spelling().id))!;
    const empty = await editor.post(
      `/claims/${claim.id}`,
      { version: claim.version, status: 'in_review', correctionScope: 'sentence', correction: '' },
      `/claims/${claim.id}`,
    );
    expect(empty.status).toBe(400);
    expect(empty.text).toMatch(/id="correction-error">.*sentence correction replaces the whole sentence/);
    const long = await editor.post(
      `/claims/${claim.id}`,
      { version: claim.version, claimStatement: 'x'.repeat(301) },
      `/claims/${claim.id}`,
    );
    expect(long.status).toBe(400);
    expect(long.text).toContain('id="claimStatement-error"');
    expect((await findClaimById(db.engine.db, claim.id))!.version).toBe(claim.version);
  });
});
