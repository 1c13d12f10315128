import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { findClaimsByDocumentId } from '../../../src/claims/claim.repository.js';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';

/**
 * A document with more than 2,000 claims: each line yields a reference, an attribution covering
 * the whole sentence, a figure and a date inside it (nested marks), as long news texts do. About
 * 54 characters of text per claim, the density of the benchmark's 2,000-claim document.
 */
const line = (i: number) =>
  `Talata ${i + 1}: ayon sa tagapagsalita ng lungsod, ${1000 + i} pamilya ang lumikas mula sa baybayin noong Marso ${1990 + (i % 30)}.\n`;
const longText = Array.from({ length: 520 }, (_, i) => line(i)).join('');

const cardIds = (html: string) => [...html.matchAll(/<li data-nav-item data-claim-id="(\d+)"/g)].map((m) => Number(m[1]));
/** Every href of a mark in the text (`<a … class="hl …">`), by claim id. */
const markHrefs = (html: string) => {
  const article = /<article[^>]*data-article[^>]*>([\s\S]*?)<\/article>/.exec(html)?.[1] ?? '';
  return new Map([...article.matchAll(/<a href="([^"]*#claim-(\d+))" class="hl /g)].map((m) => [Number(m[2]), m[1]!]));
};

describe(`the reader of a long document, paged (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let user: ReturnType<typeof browser>;
  let documentId: number;
  /** The document's claims in the list's order: text order (start, end, id). */
  let ids: number[];
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    user = browser(app, (await signIn(db.ctx, 'editor')).cookie);
    documentId = (await buildDocument(db.ctx, { title: 'Mahabang ulat', text: longText, language: 'tl' })).document.id;
    const claims = await findClaimsByDocumentId(db.engine.db, documentId);
    claims.sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
    ids = claims.map((c) => c.id);
    expect(ids.length).toBeGreaterThan(2000);
  }, 120_000);
  afterAll(() => db.close());
  const reader = () => `/documents/${documentId}`;
  const total = () => ids.length.toLocaleString('en');

  it('sends less than 600 KB, with every claim marked in the text and the first 100 cards listed', async () => {
    const res = await user.get(reader());
    expect(res.status).toBe(200);
    expect(Buffer.byteLength(res.text)).toBeLessThan(600 * 1024);
    expect(cardIds(res.text)).toEqual(ids.slice(0, 100));
    expect(res.text).toContain(`Claims 1–100 of ${total()}`);
    // Each card's "show in text" finds its passage; claims listed on other pages need no anchor.
    for (const id of ids.slice(0, 100)) {
      expect(res.text).toContain(`href="#text-${id}"`);
      expect(res.text).toContain(`id="text-${id}"`);
    }
    expect(res.text).not.toContain(`id="text-${ids[100]}"`);
    expect(markHrefs(res.text).size).toBeGreaterThan(ids.length / 2);
  });

  it('lists claims 101–200 on page 2, with previous and next as plain links (no JavaScript needed)', async () => {
    const first = await user.get(reader());
    const next = /<a href="([^"]+)" rel="next"/.exec(first.text)?.[1];
    expect(next).toBe(`${reader()}?page=2`);
    expect(first.text).not.toMatch(/rel="prev"/);
    const second = await user.get(next!.replaceAll('&amp;', '&'));
    expect(second.status).toBe(200);
    expect(cardIds(second.text)).toEqual(ids.slice(100, 200));
    expect(second.text).toContain(`Claims 101–200 of ${total()}`);
    expect(second.text).toMatch(new RegExp(`<a href="${reader()}\\?page=1" rel="prev"`));
    expect(second.text).toMatch(new RegExp(`<a href="${reader()}\\?page=3" rel="next"`));
  });

  it('links a mark to its card: on this page by its anchor, on another page by that page and the anchor', async () => {
    const res = await user.get(reader());
    const hrefs = markHrefs(res.text);
    const onPage2 = ids.slice(100, 200).find((id) => hrefs.has(id))!;
    expect(hrefs.get(onPage2)).toBe(`${reader()}?page=2#claim-${onPage2}`);
    const onPage1 = ids.slice(0, 100).find((id) => hrefs.has(id))!;
    expect(hrefs.get(onPage1)).toBe(`#claim-${onPage1}`);
    expect(res.text).toContain(`<li data-nav-item data-claim-id="${onPage1}" id="claim-${onPage1}"`);
    const last = ids.at(-1)!;
    expect(hrefs.get(last)).toBe(`${reader()}?page=${Math.ceil(ids.length / 100)}#claim-${last}`);
    // Followed as a browser would: the page it names holds the card with that anchor.
    const target = await user.get(hrefs.get(onPage2)!.split('#')[0]!);
    expect(target.text).toContain(`id="claim-${onPage2}"`);
  });

  it('opens the page holding a claim given by ?claim=, the address other pages link to', async () => {
    const id = ids[1234]!;
    const res = await user.get(`${reader()}?claim=${id}`);
    expect(res.status).toBe(200);
    expect(cardIds(res.text)).toEqual(ids.slice(1200, 1300));
    expect(res.text).toContain(`Claims 1,201–1,300 of ${total()}`);
    expect((await user.get(`${reader()}?claim=999999999`)).status).toBe(404);
  });

  it('pages the filtered list, keeping the filters in its links and in the marks', async () => {
    const res = await user.get(`${reader()}?kind=date`);
    const dates = (await findClaimsByDocumentId(db.engine.db, documentId)).filter((c) => c.kind === 'date').map((c) => c.id);
    const listed = ids.filter((id) => dates.includes(id));
    expect(cardIds(res.text)).toEqual(listed.slice(0, 100));
    expect(res.text).toContain(`Claims 1–100 of ${listed.length.toLocaleString('en')}`);
    expect(res.text).toContain(`<a href="${reader()}?kind=date&amp;page=2" rel="next"`);
    const onPage2 = listed[150]!;
    expect(markHrefs(res.text).get(onPage2)).toBe(`${reader()}?kind=date&amp;page=2#claim-${onPage2}`);
  });

  it('refuses a page that is not a whole number from 1 with 400, and answers a page past the end with 404', async () => {
    for (const bad of ['0', 'abc', '-1', '1.5']) {
      const res = await user.get(`${reader()}?page=${bad}`);
      expect(res.status).toBe(400);
      expect(res.text).toContain('data-error-summary');
    }
    const pages = Math.ceil(ids.length / 100);
    expect((await user.get(`${reader()}?page=${pages}`)).status).toBe(200);
    const past = await user.get(`${reader()}?page=${pages + 1}`);
    expect(past.status).toBe(404);
    expect(past.text).toContain(`has ${pages} pages`);
  });
});
