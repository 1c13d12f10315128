import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClaim, updateClaim } from '../../../src/claims/claim.service.js';
import { exportDocumentReport } from '../../../src/reports/export.js';
import { publishCorrections } from '../../../src/reports/publish.service.js';
import { getPublication, updatePublication } from '../../../src/documents/publication.service.js';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, buildUser, signIn } from '../../helpers/factories.js';
import { buildReviewedSeed, seedSourceUrl, textParser } from './reviewed-seed.js';

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats.default(ajv);
const claimReviewSchema = ajv.compile(JSON.parse(readFileSync(new URL('../../fixtures/claimreview.schema.json', import.meta.url), 'utf8')));

interface Review {
  url?: string;
  claimReviewed: string;
  reviewRating: { alternateName: string; ratingValue?: number; bestRating?: number; worstRating?: number };
  itemReviewed: Record<string, unknown>;
}

describe(`ClaimReview JSON-LD (${engineName})`, () => {
  let db: TestDb;
  let documentId: number;
  beforeAll(async () => {
    db = await openTestDb({
      orgName: 'Tagalog Fact Desk',
      orgUrl: 'https://factdesk.example/',
      publicUrl: 'https://claims.factdesk.example',
    });
    ({
      document: { id: documentId },
    } = await buildReviewedSeed(db.ctx));
    const editor = await buildUser(db.ctx, 'editor');
    await updatePublication(db.ctx, editor, documentId, {
      publisher: 'Wikipedia',
      publishedAt: '2007-03-20',
      version: (await getPublication(db.ctx, editor, documentId)).version,
    });
  });
  afterAll(() => db.close());

  it('publishes one ClaimReview per fact verdict of the seed, valid against the ClaimReview schema, typos left out', async () => {
    const { bearer } = await signIn(db.ctx, 'viewer');
    const res = await request(testApp(db))
      .get(`/api/v1/documents/${documentId}/report?format=claimreview`)
      .set('Authorization', bearer)
      .buffer(true)
      .parse(textParser);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/claimreview\.jsonld$/);
    const doc = JSON.parse(res.body) as { '@graph': Review[] };
    expect(claimReviewSchema(doc), JSON.stringify(claimReviewSchema.errors, null, 2)).toBe(true);
    expect(doc['@graph']).toHaveLength(36); // the 50 answer-key entries less the 14 typos
    // Without a claim statement, claimReviewed is the claim's sentence, trimmed to 300 characters.
    const bush = doc['@graph'].find(
      (r) =>
        r.reviewRating.alternateName === 'Inaccurate' && r.claimReviewed.includes('idineklara ng American President George H. W. Bush'),
    );
    expect(bush!.claimReviewed.length).toBeLessThanOrEqual(300);
    expect(bush).toMatchObject({
      url: expect.stringMatching(/^https:\/\/claims\.factdesk\.example\/documents\/\d+\/report#claim-\d+$/),
      author: { '@type': 'Organization', name: 'Tagalog Fact Desk', url: 'https://factdesk.example/' },
      reviewRating: { '@type': 'Rating', alternateName: 'Inaccurate', ratingValue: 1, bestRating: 4, worstRating: 1 },
      itemReviewed: {
        '@type': 'Claim',
        datePublished: '2007-03-20T00:00:00.000Z',
        appearance: { url: seedSourceUrl },
        author: { '@type': 'Organization', name: 'Wikipedia' },
      },
    });
    const byName = (name: string) => doc['@graph'].filter((r) => r.reviewRating.alternateName === name);
    expect(byName('Accurate').map((r) => r.reviewRating.ratingValue)).toEqual(Array(18).fill(4));
    expect(byName('Misleading').map((r) => r.reviewRating.ratingValue)).toEqual([2, 2]);
    expect(byName('Needs context').map((r) => r.reviewRating.ratingValue)).toEqual(Array(7).fill(3));
    expect(byName('Typo')).toEqual([]);
  });

  it('gives an unverifiable claim its name but no number, its claim statement, and the report address (never the article) without PUBLIC_URL', async () => {
    const { document } = await buildDocument(db.ctx, {
      title: 'Sabi-sabi',
      text: 'Ayon sa isang hindi pinangalanang opisyal, 40 porsiyento ang tumaas.',
      language: 'tl',
      sourceUrl: 'https://news.example/sabi',
    });
    const editor = await buildUser(db.ctx, 'editor');
    const claim = await createClaim(db.ctx, editor, document.id, { kind: 'statistic', quote: '40 porsiyento ang tumaas' });
    await updateClaim(db.ctx, editor, claim.id, {
      version: claim.version,
      status: 'resolved',
      verdict: 'unverifiable',
      explanation: 'No published figure.',
      claimStatement: 'An official said prices rose 40 percent.',
    });
    await updatePublication(db.ctx, editor, document.id, { author: 'Juan dela Cruz', version: document.version });
    const config = { ...db.config, publicUrl: null, host: '127.0.0.1', port: 3000 };
    const exp = await exportDocumentReport({ db: db.engine.db, config }, editor, document.id, { format: 'claimreview' });
    let text = '';
    for await (const chunk of exp.chunks) text += chunk;
    const doc = JSON.parse(text) as { '@graph': Review[] };
    expect(claimReviewSchema(doc), JSON.stringify(claimReviewSchema.errors)).toBe(true);
    expect(doc['@graph']).toHaveLength(1);
    const [review] = doc['@graph'];
    expect(review!.url).toBe(`http://127.0.0.1:3000/documents/${document.id}/report#claim-${claim.id}`);
    expect(review!.claimReviewed).toBe('An official said prices rose 40 percent.');
    expect(review!.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Juan dela Cruz' });
    expect(review!.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Unverifiable', ratingExplanation: 'No published figure.' });
  });

  it('points a claim covered by a published correction at that correction', async () => {
    const editor = await buildUser(db.ctx, 'editor');
    await publishCorrections(db.ctx, editor, documentId);
    const exp = await exportDocumentReport(db.ctx, editor, documentId, { format: 'claimreview' });
    let text = '';
    for await (const chunk of exp.chunks) text += chunk;
    const reviews = (JSON.parse(text) as { '@graph': Review[] })['@graph'];
    const urls = new Set(reviews.filter((r) => r.reviewRating.alternateName === 'Inaccurate').map((r) => r.url));
    expect([...urls]).toEqual([`https://claims.factdesk.example/corrections#correction-${documentId}-1`]);
    expect(reviews.find((r) => r.reviewRating.alternateName === 'Accurate')!.url).toMatch(/\/documents\/\d+\/report#claim-\d+$/);
  });
});
