import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { findClaimsByDocumentId } from '../../../src/claims/claim.repository.js';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';

/**
 * A document with more than 2,000 claims (2,080: four a line): each line yields a reference, an attribution covering
 * the whole sentence, a figure and a date inside it (nested marks), as long news texts do. About
 * 54 characters of text per claim, the density of the benchmark's 2,000-claim document.
 */
const line = (i: number) =>
  `Talata ${i + 1}: ayon sa tagapagsalita ng lungsod, ${1000 + i} pamilya ang lumikas mula sa baybayin noong Marso ${1990 + (i % 30)}.\n`;
const longText = Array.from({ length: 520 }, (_, i) => line(i)).join('');

const cardIds = (html: string) => [...html.matchAll(/<li data-nav-item data-claim-id="(\d+)"/g)].map((m) => Number(m[1]));
/** The article element's inside (the marked text). */
const articleOf = (html: string) => /<article[^>]*data-article[^>]*>([\s\S]*?)<\/article>/.exec(html)?.[1] ?? '';
/** Every href of a mark in the text (`<a … class="hl …">`), by claim id. */
const markHrefs = (html: string) =>
  new Map([...articleOf(html).matchAll(/<a href="([^"]*#claim-(\d+))" class="hl /g)].map((m) => [Number(m[2]), m[1]!]));
/** The article's text content, as a browser would read it (the text has no markup characters). */
const articleText = (html: string) => articleOf(html).replace(/<[^>]*>/g, '');
/** Each card's "show in text" link, by claim id. */
const showInText = (html: string) =>
  new Map([...html.matchAll(/<a href="([^"]*#text-(\d+))" class="show-in-text">/g)].map((m) => [Number(m[2]), m[1]!]));
/** The text part pager's position ("Part 3 of 21"), or undefined when there is none. */
const partPosition = (html: string) => /<p class="list-position" id="text-position">([^<]*)<\/p>/.exec(html)?.[1];

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

  it('sends less than 100 KB: the first part of the text, its claims marked, and the first 100 cards listed', async () => {
    const res = await user.get(reader());
    expect(res.status).toBe(200);
    expect(Buffer.byteLength(res.text)).toBeLessThan(100 * 1024);
    expect(cardIds(res.text)).toEqual(ids.slice(0, 100));
    expect(res.text).toContain(`Claims 1–100 of ${total()}`);
    // Four claims a line, so part 1 is lines 1–25 and holds exactly the first 100 claims.
    expect(ids.length).toBe(2080);
    expect(articleText(res.text)).toBe(`${longText.split('\n').slice(0, 25).join('\n')}\n`);
    expect(res.text).toContain('data-text-offset="0"');
    // Each card's "show in text" finds its passage here; claims listed on other pages need no anchor.
    for (const id of ids.slice(0, 100)) {
      expect(showInText(res.text).get(id)).toBe(`#text-${id}`);
      expect(res.text).toContain(`id="text-${id}"`);
    }
    expect(res.text).not.toContain(`id="text-${ids[100]}"`);
    // Only part 1's claims are marked: not the 2,080 of the whole text.
    const marked = [...markHrefs(res.text).keys()];
    expect(marked.length).toBeGreaterThan(40);
    expect(marked.length).toBeLessThanOrEqual(100);
    expect(marked.every((id) => ids.indexOf(id) < 100)).toBe(true);
  });

  it('shows the text in 21 parts with its own pager, whose links keep the list page and filters', async () => {
    const first = await user.get(reader());
    expect(partPosition(first.text)).toBe('Part 1 of 21');
    expect(first.text).toContain('<nav class="pagination text-pager no-print" aria-label="Parts of the text"');
    expect(first.text).toContain(`<a href="${reader()}?page=1&amp;part=2" class="button">Next part</a>`);
    expect(first.text).not.toContain('Previous part');

    const third = await user.get(`${reader()}?part=3`);
    expect(third.status).toBe(200);
    expect(partPosition(third.text)).toBe('Part 3 of 21');
    expect(third.text).toContain(`<a href="${reader()}?page=1&amp;part=2">Previous part</a>`);
    expect(third.text).toContain(`<a href="${reader()}?page=1&amp;part=4" class="button">Next part</a>`);
    // Lines 51–75: claim 201's mark and anchor-free passages, not claim 1's; the list stays on page 1.
    expect(articleText(third.text)).toBe(`${longText.split('\n').slice(50, 75).join('\n')}\n`);
    expect(third.text).toContain(`data-text-offset="${longText.indexOf('Talata 51:')}"`);
    const hrefs = markHrefs(third.text);
    expect(hrefs.get(ids[200]!)).toBe(`${reader()}?page=3#claim-${ids[200]}`);
    expect(hrefs.has(ids[0]!)).toBe(false);
    expect(cardIds(third.text)).toEqual(ids.slice(0, 100));
    // The cards' passages are in part 1: "show in text" goes there, on the same list page.
    expect(showInText(third.text).get(ids[0]!)).toBe(`${reader()}?page=1&amp;part=1#text-${ids[0]}`);

    const last = await user.get(`${reader()}?kind=date&page=2&part=21`);
    expect(partPosition(last.text)).toBe('Part 21 of 21');
    expect(last.text).toContain(`<a href="${reader()}?kind=date&amp;page=2&amp;part=20">Previous part</a>`);
    expect(last.text).toContain('End of the text');
    expect(articleText(last.text)).toBe(longText.split('\n').slice(500).join('\n'));
  });

  it('splits the text at line starts outside every claim, each part at its true offset', async () => {
    const claims = await findClaimsByDocumentId(db.engine.db, documentId);
    let joined = '';
    for (let part = 1; part <= 21; part++) {
      const res = await user.get(`${reader()}?part=${part}`);
      const offset = Number(/data-text-offset="(\d+)"/.exec(res.text)?.[1]);
      const text = articleText(res.text);
      expect(offset).toBe(joined.length);
      expect(longText.slice(offset, offset + text.length)).toBe(text);
      expect(offset === 0 || longText[offset - 1] === '\n').toBe(true);
      expect(claims.filter((c) => c.start < offset && c.end > offset)).toEqual([]);
      joined += text;
    }
    expect(joined).toBe(longText);
  });

  it('shows the part holding the first card of the list page, so ?claim= and ?page= show their claims in the text', async () => {
    const id = ids[1499]!;
    const res = await user.get(`${reader()}?claim=${id}`);
    expect(cardIds(res.text)).toEqual(ids.slice(1400, 1500));
    expect(partPosition(res.text)).toBe('Part 15 of 21');
    expect(res.text).toContain(`id="text-${id}"`);
    expect(showInText(res.text).get(id)).toBe(`#text-${id}`);
    expect(markHrefs(res.text).has(ids[0]!)).toBe(false);
    expect(partPosition((await user.get(`${reader()}?page=7`)).text)).toBe('Part 7 of 21');
    // Filtered, the first date of list page 2 is the 101st date, on line 101: part 5.
    expect(partPosition((await user.get(`${reader()}?kind=date&page=2`)).text)).toBe('Part 5 of 21');
  });

  it('refuses a part that is not a whole number from 1 with 400, and answers a part past the end with 404', async () => {
    for (const bad of ['0', 'x', '-1', '1.5']) {
      const res = await user.get(`${reader()}?part=${bad}`);
      expect(res.status).toBe(400);
      expect(res.text).toContain('data-error-summary');
      expect(res.text).toContain('href="#text-position"');
    }
    expect((await user.get(`${reader()}?part=21`)).status).toBe(200);
    const past = await user.get(`${reader()}?part=22`);
    expect(past.status).toBe(404);
    expect(past.text).toContain('has 21 parts');
  });

  it('shows a document of up to 100 claims whole, with no part pager', async () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => line(i)).join('');
    const exactly100 = (await buildDocument(db.ctx, { title: 'Sandaang pahayag', text: lines(25), language: 'tl' })).document.id;
    const whole = await user.get(`/documents/${exactly100}`);
    expect(whole.text).toContain('100 claims');
    expect(partPosition(whole.text)).toBeUndefined();
    expect(whole.text).not.toContain('aria-label="Parts of the text"');
    expect(whole.text).not.toContain('data-text-offset');
    expect(articleText(whole.text)).toBe(lines(25));
    expect((await user.get(`/documents/${exactly100}?part=2`)).status).toBe(404);
    const more = (await buildDocument(db.ctx, { title: 'Higit sa sandaan', text: lines(26), language: 'tl' })).document.id;
    expect(partPosition((await user.get(`/documents/${more}`)).text)).toBe('Part 1 of 2');
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
    // Part 2 (claims 101–200) beside list page 1.
    const res = await user.get(`${reader()}?page=1&part=2`);
    const hrefs = markHrefs(res.text);
    const onPage2 = ids.slice(100, 200).find((id) => hrefs.has(id))!;
    expect(hrefs.get(onPage2)).toBe(`${reader()}?page=2#claim-${onPage2}`);
    const first = markHrefs((await user.get(reader())).text);
    const onPage1 = ids.slice(0, 100).find((id) => first.has(id))!;
    expect(first.get(onPage1)).toBe(`#claim-${onPage1}`);
    expect(res.text).toContain(`<li data-nav-item data-claim-id="${onPage1}" id="claim-${onPage1}"`);
    const last = ids.at(-1)!;
    expect(markHrefs((await user.get(`${reader()}?part=21`)).text).get(last)).toBe(`${reader()}?page=21#claim-${last}`);
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
    // Under filters, the page among the listed claims; a claim the filters leave out is not there.
    const claims = await findClaimsByDocumentId(db.engine.db, documentId);
    const dates = claims.filter((c) => c.kind === 'date');
    const date = dates.at(-1)!;
    const dated = await user.get(`${reader()}?kind=date&claim=${date.id}`);
    expect(dated.text).toContain(`id="claim-${date.id}"`);
    expect(dated.text).toContain(`<a href="${reader()}?kind=date&amp;page=${Math.ceil(dates.length / 100) - 1}" rel="prev"`);
    const other = claims.find((c) => c.kind !== 'date')!;
    expect((await user.get(`${reader()}?kind=date&claim=${other.id}`)).status).toBe(404);
  });

  it('pages the filtered list, keeping the filters in its links and in the marks', async () => {
    const res = await user.get(`${reader()}?kind=date`);
    const dates = (await findClaimsByDocumentId(db.engine.db, documentId)).filter((c) => c.kind === 'date').map((c) => c.id);
    const listed = ids.filter((id) => dates.includes(id));
    expect(cardIds(res.text)).toEqual(listed.slice(0, 100));
    expect(res.text).toContain(`Claims 1–100 of ${listed.length.toLocaleString('en')}`);
    expect(res.text).toContain(`<a href="${reader()}?kind=date&amp;page=2" rel="next"`);
    // The 151st date is on line 151, in part 7 of the text.
    const onPage2 = listed[150]!;
    const part7 = await user.get(`${reader()}?kind=date&part=7`);
    expect(markHrefs(part7.text).get(onPage2)).toBe(`${reader()}?kind=date&amp;page=2#claim-${onPage2}`);
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
