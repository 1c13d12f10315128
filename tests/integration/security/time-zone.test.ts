import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Express } from 'express';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';

describe(`a user’s own time zone (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let manila: Awaited<ReturnType<typeof signIn>>;
  let utc: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    manila = await signIn(db.ctx, 'editor', 'Mara Manila');
    utc = await signIn(db.ctx, 'editor', 'Uma Utc');
  });
  afterAll(() => db.close());

  const rowDate = (html: string, claimId: number) =>
    new RegExp(`/claims/${claimId}"[\\s\\S]*?data-label="Changed"><time[^>]*>([^<]+)<`).exec(html)?.[1];

  it('defaults to UTC, saves a zone from the list, and shows every page’s times in it while another user keeps UTC', async () => {
    const user = browser(app, manila.cookie);
    const account = await user.get('/account');
    expect(account.text).toContain('<option value="UTC" selected>');
    expect(account.text).toContain('src="/static/js/time-zone.js"');

    const { claims } = await buildDocument(db.ctx, { title: 'Evening edit' });
    const claim = claims[0]!;
    // 20:00 UTC on 1 January is already 2 January in Manila (UTC+8).
    await sql`UPDATE claims SET updated_at = '2026-01-01T20:00:00Z' WHERE id = ${claim.id}`.execute(db.engine.db);
    const query = `/claims?documentId=${claim.documentId}`;
    expect(rowDate((await user.get(query)).text, claim.id)).toBe('1 Jan 2026');

    const saved = await user.post('/account/time-zone', { timeZone: 'Asia/Manila' }, '/account');
    expect(saved.status).toBe(303);
    expect((await user.get('/account')).text).toContain('<option value="Asia/Manila" selected>');

    // The same queue query: each user sees the day in their own zone.
    const theirs = await user.get(query);
    expect(rowDate(theirs.text, claim.id)).toBe('2 Jan 2026');
    expect(theirs.text).toMatch(/data-testid="footer-time-zone">Asia\/Manila</);
    const other = await browser(app, utc.cookie).get(query);
    expect(rowDate(other.text, claim.id)).toBe('1 Jan 2026');
    expect(other.text).toMatch(/data-testid="footer-time-zone">UTC</);
    expect(rowDate((await user.get(query)).text, claim.id)).toBe('2 Jan 2026');

    // Times with hours say which zone they are in (the timeline on the claim page).
    const claimPage = await user.get(`/claims/${claim.id}`);
    expect(claimPage.text).toMatch(/GMT\+8/);
    expect((await browser(app, utc.cookie).get(`/claims/${claim.id}`)).text).not.toMatch(/GMT\+8/);
  });

  it('refuses a zone not on the list (400 naming the field), keeping the one saved', async () => {
    const user = browser(app, utc.cookie);
    const before = await tableChecksums(db.engine.db);
    const refused = await user.post('/account/time-zone', { timeZone: 'Mars/Olympus_Mons' }, '/account');
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('data-error-summary');
    expect(refused.text).toContain('href="#timeZone"');
    expect(refused.text).toMatch(/Time zone must be a time zone from the list/);
    expect((await user.post('/account/time-zone', {}, '/account')).status).toBe(400);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });
});
