import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import type { Claim } from '../../../src/claims/claim.js';
import { findClaimsByDocumentId } from '../../../src/claims/claim.repository.js';
import { getClaim, updateClaim } from '../../../src/claims/claim.service.js';
import { mergeClaim } from '../../../src/claims/restructure.service.js';
import { addNote, editNote } from '../../../src/notes/note.service.js';
import { addSource, removeSource } from '../../../src/sources/source.service.js';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';

type ApiClaim = { id: number; documentId: number; start: number; score: number; status: string; updatedAt: string; documentTitle: string };

describe(`claim queue (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let editor: Awaited<ReturnType<typeof signIn>>;
  let reviewer: Awaited<ReturnType<typeof signIn>>;
  let all: Claim[];
  let docA: number;
  let docB: number;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    editor = await signIn(db.ctx, 'editor', 'Editor Reyes');
    reviewer = await signIn(db.ctx, 'reviewer', 'Reviewer Cruz');
    docA = (await buildDocument(db.ctx, { title: 'Unang kopya' })).document.id;
    docB = (await buildDocument(db.ctx, { title: 'Ikalawang kopya' })).document.id;
    const a = await findClaimsByDocumentId(db.engine.db, docA);
    const b = await findClaimsByDocumentId(db.engine.db, docB);
    await updateClaim(db.ctx, editor.actor, a[0]!.id, { version: a[0]!.version, assigneeId: reviewer.actor.id, status: 'in_review' });
    await updateClaim(db.ctx, editor.actor, b[1]!.id, { version: b[1]!.version, assigneeId: reviewer.actor.id });
    await updateClaim(db.ctx, editor.actor, a[2]!.id, {
      version: a[2]!.version,
      status: 'resolved',
      verdict: 'inaccurate',
      correction: 'Zanzibarium ang tamang salita.',
    });
    await addNote(db.ctx, reviewer.actor, a[3]!.id, 'Tingnan ang ulat ng kalabaw commission.');
    await addSource(db.ctx, reviewer.actor, b[4]!.id, {
      url: 'https://example.org/ulat',
      title: 'Ulat tungkol sa mangosteen',
      stance: 'refutes',
    });
    all = [...(await findClaimsByDocumentId(db.engine.db, docA)), ...(await findClaimsByDocumentId(db.engine.db, docB))];
  });
  afterAll(() => db.close());

  const api = (query: string, who = editor) => request(app).get(`/api/v1/claims${query}`).set('Authorization', who.bearer);

  /** Walks every page of a sort through the API's cursors. */
  async function walk(query: string): Promise<{ pages: number; ids: number[]; rows: ApiClaim[] }> {
    const rows: ApiClaim[] = [];
    let pages = 0;
    let cursor: string | null = null;
    do {
      const res = await api(`?${query}${cursor ? `&after=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.claims.length).toBeLessThanOrEqual(50);
      rows.push(...res.body.claims);
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor);
    return { pages, ids: rows.map((r) => r.id), rows };
  }

  it('pages through every claim exactly once, 50 at a time, in text order', async () => {
    expect(all.length).toBeGreaterThan(50);
    const { pages, ids, rows } = await walk('sort=position');
    expect(pages).toBe(Math.ceil(all.length / 50));
    const expected = [...all].sort((x, y) => x.documentId - y.documentId || x.start - y.start || x.id - y.id).map((c) => c.id);
    expect(ids).toEqual(expected);
    expect(rows[0]!.documentTitle).toBe('Unang kopya');
  });

  it('pages by score and by last change without gaps or repeats, even where many rows tie', async () => {
    const byScore = await walk('sort=score');
    expect(byScore.ids).toEqual([...all].sort((x, y) => y.score - x.score || y.id - x.id).map((c) => c.id));
    const byUpdate = await walk('sort=updated');
    expect(new Set(byUpdate.ids).size).toBe(all.length);
    const times = byUpdate.rows.map((r) => Date.parse(r.updatedAt));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(byUpdate.ids.slice(0, 3).sort()).toEqual(
      [all.find((c) => c.status === 'resolved')!.id, ...all.filter((c) => c.assigneeId).map((c) => c.id)].sort(),
    );
  });

  it('filters by status, verdict, kind, document and assignee', async () => {
    const ids = async (q: string, who = editor) => (await api(q, who)).body.claims.map((c: ApiClaim) => c.id).sort();
    const sorted = (cs: Claim[]) => cs.map((c) => c.id).sort();
    expect(await ids('?status=in_review')).toEqual(sorted(all.filter((c) => c.status === 'in_review')));
    expect(await ids('?verdict=inaccurate')).toEqual(sorted(all.filter((c) => c.verdict === 'inaccurate')));
    expect(await ids('?kind=date&documentId=' + docB)).toEqual(sorted(all.filter((c) => c.kind === 'date' && c.documentId === docB)));
    expect(await ids('?assignee=me', reviewer)).toEqual(sorted(all.filter((c) => c.assigneeId === reviewer.actor.id)));
    expect(await ids(`?assignee=${reviewer.actor.id}&documentId=${docB}`)).toEqual(
      sorted(all.filter((c) => c.assigneeId === reviewer.actor.id && c.documentId === docB)),
    );
    expect(await ids('?assignee=me')).toEqual([]);
    const unassigned = await walk(`assignee=none&verdict=none`);
    expect(unassigned.ids.sort()).toEqual(sorted(all.filter((c) => !c.assigneeId && !c.verdict)));
  });

  it('searches quotes, corrections, notes and sources with web-search syntax', async () => {
    const ids = async (q: string) => (await api(`?q=${encodeURIComponent(q)}`)).body.claims.map((c: ApiClaim) => c.id);
    const byQuote = all
      .filter((c) => /\b1991\b/.test(c.quote))
      .map((c) => c.id)
      .sort();
    expect((await ids('1991')).sort()).toEqual(byQuote);
    const [corrected, noted, sourced] = [
      all.find((c) => c.correction)!,
      all[3]!,
      all.find((c) => c.documentId === docB && c.start === all.filter((x) => x.documentId === docB)[4]!.start)!,
    ];
    expect(await ids('Zanzibarium')).toEqual([corrected.id]);
    expect(await ids('kalabaw')).toEqual([noted.id]);
    expect(await ids('mangosteen')).toEqual([sourced.id]);
    expect((await ids('kalabaw OR mangosteen')).sort()).toEqual([noted.id, sourced.id].sort());
    expect(await ids('"kalabaw commission" -ulat')).toEqual([]);
    expect(await ids('walangganitongsalita')).toEqual([]);
  });

  it("keeps each claim's search in step with its notes and sources as they are added, edited, moved and removed", async () => {
    const ids = async (q: string) => (await api(`?q=${encodeURIComponent(q)}`)).body.claims.map((c: ApiClaim) => c.id);
    // A document of its own: merging changes the claims the other tests compare against.
    const docC = (await buildDocument(db.ctx, { title: 'Ikatlong kopya' })).document.id;
    const [first, second] = (await findClaimsByDocumentId(db.engine.db, docC)).slice(10, 12) as [Claim, Claim];
    const note = await addNote(db.ctx, reviewer.actor, first.id, 'Ayon sa talaan ng durianbayan.');
    expect(await ids('durianbayan')).toEqual([first.id]);
    await editNote(db.ctx, reviewer.actor, note.id, 'Ayon sa talaan ng lanzonesbayan.', note.version);
    expect(await ids('durianbayan')).toEqual([]);
    expect(await ids('lanzonesbayan')).toEqual([first.id]);
    const source = await addSource(db.ctx, reviewer.actor, second.id, {
      url: 'https://example.org/rambutan',
      publisher: 'Pahayagang Santolan',
      stance: 'context',
    });
    expect(await ids('Santolan')).toEqual([second.id]);
    expect(await ids('santolan lanzonesbayan')).toEqual([]);
    // Merging moves the absorbed claim's evidence, and its words, to the claim that stays.
    await mergeClaim(db.ctx, editor.actor, first.id, {
      with: 'next',
      version: first.version,
      withId: second.id,
      withVersion: (await getClaim(db.ctx, editor.actor, second.id)).version,
    });
    expect(await ids('santolan lanzonesbayan')).toEqual([first.id]);
    await removeSource(db.ctx, reviewer.actor, source.id, source.version);
    expect(await ids('Santolan')).toEqual([]);
    expect(await ids('lanzonesbayan')).toEqual([first.id]);
  });

  it.each([
    ['?status=finished', 'status: must be one of: open, in_review, resolved, dismissed'],
    ['?sort=random', 'sort: must be one of: position, score, updated'],
    ['?documentId=abc', 'documentId: must be an integer'],
    ['?assignee=bob', 'assignee: must be me, none or a user id'],
    ['?after=not-a-cursor', 'after: must be a cursor returned by the previous page'],
    ['?page=2', 'page: is not an allowed field'],
    ['?status=open&status=resolved', 'status: must be one of'],
  ])('refuses %s with a 400 naming the field', async (query, message) => {
    const res = await api(query);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  it('refuses a cursor from another sort order', async () => {
    const first = await api('?sort=score');
    const res = await api(`?sort=position&after=${first.body.nextCursor}`);
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ field: 'after', message: 'must be a cursor of the position sort order' }]);
  });

  /** The choices of the bulk "Set status to" select: never Resolved, which needs a verdict per claim. */
  const bulkStatusOptions = (html: string) =>
    [.../<select id="bulk-status"[^>]*>([\s\S]*?)<\/select>/.exec(html)![1]!.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);

  it('renders the queue page with filters, next-page link and bulk controls for an editor', async () => {
    const user = browser(app, editor.cookie);
    const res = await user.get('/claims?sort=score');
    expect(res.status).toBe(200);
    expect([...res.text.matchAll(/<tr data-nav-item/g)]).toHaveLength(50);
    expect(res.text).toMatch(/<a href="\/claims\?sort=score&amp;after=[A-Za-z0-9_-]+" rel="next"/);
    expect(res.text).toContain('<label for="search">Search');
    expect(res.text).toContain('value="assign">Assign selected</button>');
    expect(res.text).toContain('value="dismiss" class="danger">Dismiss selected</button>');
    expect(bulkStatusOptions(res.text)).toEqual(['', 'open', 'in_review', 'dismissed']);
    const next = /href="(\/claims\?sort=score&amp;after=[^"]+)"/.exec(res.text)![1]!.replace(/&amp;/g, '&');
    const page2 = await user.get(next);
    expect(page2.status).toBe(200);
    expect(page2.text).toContain('<a href="/claims?sort=score">First page</a>');
  });

  it('shows a reviewer status changes only, and a viewer no bulk form at all', async () => {
    const asReviewer = await browser(app, reviewer.cookie).get('/claims?assignee=me');
    expect(asReviewer.text).toContain('Set status of selected');
    expect(asReviewer.text).not.toContain('Assign selected');
    expect(asReviewer.text).not.toContain('Dismiss selected');
    expect(bulkStatusOptions(asReviewer.text)).toEqual(['', 'open', 'in_review']);
    const viewer = await signIn(db.ctx, 'viewer');
    const asViewer = await browser(app, viewer.cookie).get('/claims');
    expect(asViewer.status).toBe(200);
    expect(asViewer.text).not.toContain('name="claimIds"');
    expect(asViewer.text).not.toContain('action="/claims/bulk"');
  });

  it('re-renders the page with the filter message next to its field, keeping the other filters', async () => {
    const res = await browser(app, editor.cookie).get('/claims?status=nope&q=kalabaw');
    expect(res.status).toBe(400);
    expect(res.text).toContain('<p class="field-error" id="status-error">must be one of: open, in_review, resolved, dismissed</p>');
    expect(res.text).toContain('value="kalabaw"');
    expect(res.text).toContain('data-testid="queue-empty"');
  });
});
