import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findClaimsByDocumentId } from '../../../src/claims/claim.repository.js';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { signIn } from '../../helpers/factories.js';
import { buildReviewedSeed, textParser } from '../reports/reviewed-seed.js';

describe(`publishing the reviewed demo's corrections (${engineName})`, () => {
  let db: TestDb;
  let documentId: number;
  let editor: string;
  beforeAll(async () => {
    db = await openTestDb({ correctionsPolicyUrl: 'https://factdesk.example/corrections-policy' });
    const seed = await buildReviewedSeed(db.ctx);
    documentId = seed.document.id;
    ({ bearer: editor } = await signIn(db.ctx, 'editor'));
  });
  afterAll(() => db.close());

  const get = (path: string) => request(testApp(db)).get(path).set('Authorization', editor).buffer(true).parse(textParser);

  it('corrects every typo and the 2002 speaker, keeping George H. W. Bush in the 1993 sentence', async () => {
    const corrected = (await get(`/api/v1/documents/${documentId}/report?format=corrected`)).body as string;
    const claims = await findClaimsByDocumentId(db.engine.db, documentId);
    const typos = claims.filter((c) => c.status === 'resolved' && c.verdict === 'typo');
    expect(typos.length).toBe(14);
    for (const typo of typos) expect(corrected, typo.quote).not.toContain(typo.quote);
    expect(corrected).toContain('noong ika-29 ng Enero , 2002 , idineklara ng American President George W. Bush na miyembro');
    expect(corrected).not.toContain('American President George H. W. Bush');
    expect(corrected).toMatch(/noong 1993[^.]*dating Presidenteng George H\. W\. Bush/);
  });

  it('writes a note that names the George W. Bush correction and no typo', async () => {
    const res = await request(testApp(db)).get(`/api/v1/documents/${documentId}/correction-note`).set('Authorization', editor);
    const note = res.body.correctionNote.draft as string;
    expect(note).toMatch(/^Pagtutuwid: /);
    expect(note).toContain('Paglilinaw: ');
    expect(note).toContain('George W. Bush');
    // Typos are fixed silently: none is listed (a typo inside a wrong fact is quoted with that fact only).
    expect(note).not.toContain('pagbaybay');
    for (const typo of ['United Sates', 'Iraw', 'isinigawa', 'Iraq body count']) expect(note).not.toContain(`“${typo}”`);
  });

  it('publishes a revision, shows it on both public feeds without sign-in, and marks it up as a CorrectionComment', async () => {
    const before = await request(testApp(db)).get('/corrections.json');
    expect(before.body.items).toEqual([]);
    const published = await request(testApp(db)).post(`/api/v1/documents/${documentId}/corrections`).set('Authorization', editor).send({});
    expect(published.status, published.text).toBe(201);
    expect(published.body.revision).toMatchObject({ number: 1, label: 'Correction', note: expect.stringContaining('George W. Bush') });
    expect(published.body.revision.correctedText).toContain('American President George W. Bush');

    const atom = await request(testApp(db)).get('/corrections.atom');
    expect(atom.status).toBe(200);
    expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(atom.text).toContain('<title>Correction: Digmaan sa Iraq</title>');
    const feed = await request(testApp(db)).get('/corrections.json');
    expect(feed.body.items).toHaveLength(1);
    expect(feed.body.items[0]).toMatchObject({
      title: 'Correction: Digmaan sa Iraq',
      external_url: 'https://tl.wikipedia.org/wiki/Digmaan_sa_Iraq',
      content_text: published.body.revision.note,
    });

    const article = JSON.parse((await get(`/api/v1/documents/${documentId}/report?format=newsarticle`)).body as string);
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Digmaan sa Iraq',
      url: 'https://tl.wikipedia.org/wiki/Digmaan_sa_Iraq',
      dateModified: published.body.revision.publishedAt,
      publisher: { correctionsPolicy: 'https://factdesk.example/corrections-policy' },
      correction: [
        { '@type': 'CorrectionComment', text: published.body.revision.note, datePublished: published.body.revision.publishedAt },
      ],
    });
  });
});
