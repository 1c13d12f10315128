import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateClaim } from '../../../src/claims/claim.service.js';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';
import type { SignedInActor } from '../../../src/request-context.js';
import type { Claim } from '../../../src/claims/claim.js';

const text = 'The bridge opened in 1931. It cost 4 million pesos, the mayor said. Engineers called it the longest in Asia.';

describe(`publishing corrections and the public log (${engineName})`, () => {
  let db: TestDb;
  let editor: { actor: SignedInActor; cookie: string; bearer: string };
  let documentId: number;
  let claims: Claim[];
  const api = () => request(testApp(db));
  const resolve = async (quote: string, verdict: 'inaccurate' | 'needs_context', correction: string) => {
    const claim = (await api().get(`/api/v1/documents/${documentId}/claims`).set('Authorization', editor.bearer)).body.claims.find(
      (c: Claim) => c.quote === quote,
    );
    await updateClaim(db.ctx, editor.actor, claim.id, { version: claim.version, status: 'resolved', verdict, correction });
  };
  beforeAll(async () => {
    db = await openTestDb({ publicUrl: 'https://desk.example', orgName: 'Bridge Desk', orgUrl: 'https://bridge.example/' });
    editor = await signIn(db.ctx, 'editor', 'Eda Editor');
    ({
      document: { id: documentId },
      claims,
    } = await buildDocument(db.ctx, { title: 'The bridge', text, language: 'en', sourceUrl: 'https://news.example/bridge' }));
    // A second document resolved but never published: it must never reach the public log.
    const other = await buildDocument(db.ctx, { title: 'Unpublished draft', text: 'The tower opened in 1920.', language: 'en' });
    const c = other.claims[0]!;
    await updateClaim(db.ctx, editor.actor, c.id, {
      version: c.version,
      status: 'resolved',
      verdict: 'needs_context',
      correction: 'in 1920, after delays',
    });
  });
  afterAll(() => db.close());

  it('publishes from the report page button, recording the revision in each claim history and the audit log', async () => {
    await resolve(
      claims.find((c) => c.quote.includes('1931'))!.quote,
      'inaccurate',
      claims.find((c) => c.quote.includes('1931'))!.quote.replace('1931', '1932'),
    );
    const client = browser(testApp(db), editor.cookie);
    const page = await client.get(`/documents/${documentId}/report`);
    expect(page.text).toContain('<button type="submit" class="primary">Publish corrections</button>');
    const res = await client.post(`/documents/${documentId}/corrections`, {}, `/documents/${documentId}/report`);
    expect(res.status).toBe(303);
    const events = await db.engine.db
      .selectFrom('claim_events')
      .select(['claim_id', 'after'])
      .where('action', '=', 'correction.published')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toEqual({ revision: 1, label: 'Correction' });
    const audit = await db.engine.db
      .selectFrom('audit_log')
      .select(['subject', 'details'])
      .where('action', '=', 'report.corrections_published')
      .execute();
    expect(audit).toEqual([{ subject: `document ${documentId}`, details: { revision: 1, claims: 1 } }]);
    expect((await client.get(`/documents/${documentId}/report`)).text).toContain('Publish an updated correction');
  });

  it('adds an Updated correction after more changes and never rewrites the first; refuses a publication with nothing new', async () => {
    const first = (await api().get(`/api/v1/documents/${documentId}/corrections`).set('Authorization', editor.bearer)).body.revisions[0];
    const again = await api().post(`/api/v1/documents/${documentId}/corrections`).set('Authorization', editor.bearer).send({});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('Nothing changed since revision 1');
    await resolve(
      claims.find((c) => c.quote.includes('4 million'))!.quote,
      'needs_context',
      '4 million pesos (about 2 million US dollars then)',
    );
    const second = await api().post(`/api/v1/documents/${documentId}/corrections`).set('Authorization', editor.bearer).send({});
    expect(second.status).toBe(201);
    expect(second.body.revision).toMatchObject({
      number: 2,
      label: 'Updated correction',
      publishedBy: { name: 'Eda Editor' },
      url: `https://desk.example/corrections#correction-${documentId}-2`,
    });
    expect(second.body.revision.note).toMatch(/^Correction: [\s\S]*\n\nClarification: /);
    const revisions = (await api().get(`/api/v1/documents/${documentId}/corrections`).set('Authorization', editor.bearer)).body.revisions;
    expect(revisions.map((r: { number: number }) => r.number)).toEqual([2, 1]);
    expect(revisions[1]).toEqual(first);
    await expect(
      db.engine.db.updateTable('correction_revisions').set({ note: 'rewritten' }).where('number', '=', 1).execute(),
    ).rejects.toThrow(/append-only/);
    expect(
      (await api().post(`/api/v1/documents/${documentId}/corrections`).set('Authorization', editor.bearer).send({ note: 'x' })).status,
    ).toBe(400);
  });

  it('serves an Atom 1.0 feed with the elements RFC 4287 requires, published revisions only, newest first', async () => {
    const res = await request(testApp(db)).get('/corrections.atom');
    expect(res.status).toBe(200);
    const atom = res.text;
    expect(atom).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    const feedHead = atom.slice(0, atom.indexOf('<entry>'));
    for (const element of [
      '<id>https://desk.example/corrections.atom</id>',
      '<title>Bridge Desk: corrections</title>',
      '<author><name>Bridge Desk</name>',
      '<link rel="self"',
    ])
      expect(feedHead).toContain(element);
    expect(feedHead).toMatch(/<updated>\d{4}-\d{2}-\d{2}T[\d:.]+Z<\/updated>/);
    const entries = atom.split('<entry>').slice(1);
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      expect(entry).toMatch(/<id>https:\/\/desk\.example\/corrections#correction-\d+-\d<\/id>/);
      expect(entry).toMatch(/<updated>\d{4}-\d{2}-\d{2}T[\d:.]+Z<\/updated>/);
      expect(entry).toContain('<link rel="alternate" href="https://news.example/bridge"/>');
      expect(entry).toMatch(/<content type="text" xml:lang="en">(Correction|Clarification):/);
    }
    expect(entries[0]).toContain('<title>Updated correction: The bridge</title>');
    expect(entries[1]).toContain('<title>Correction: The bridge</title>');
    expect(atom).not.toContain('Unpublished draft');
  });

  it('serves JSON Feed 1.1 and an HTML log without sign-in, with nothing unpublished', async () => {
    const res = await request(testApp(db)).get('/corrections.json');
    expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    const feed = JSON.parse(res.text);
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Bridge Desk: corrections',
      feed_url: 'https://desk.example/corrections.json',
    });
    expect(feed.items).toHaveLength(2);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_text).toBe('string');
      expect(item).toMatchObject({ external_url: 'https://news.example/bridge', date_published: expect.stringMatching(/Z$/) });
    }
    const html = await request(testApp(db)).get('/corrections');
    expect(html.status).toBe(200);
    expect(html.text).toContain('<a href="https://news.example/bridge" rel="noopener">The bridge</a>');
    expect(html.text).not.toContain('Unpublished draft');
    expect(html.text.match(/class="panel correction-entry"/g)).toHaveLength(2);
  });
});
