import { describe, expect, it } from 'vitest';
import type { Document } from '../../../src/documents/document.js';
import { claimReview, writeClaimReview } from '../../../src/reports/formats/claimreview.js';
import { newsArticle, writeNewsArticle } from '../../../src/reports/formats/newsarticle.js';
import type { ReportHeader, ReportItem } from '../../../src/reports/report.js';
import type { CorrectionRevision } from '../../../src/reports/revision.js';
import { reportItem, streamedReport } from './builders.js';

// The schema.org objects exactly as published: search engines read these, so every field is pinned.

const header: ReportHeader = {
  scope: 'document',
  generatedAt: new Date('2024-03-01T00:00:00.000Z'),
  organization: { name: 'Tsek', url: 'https://tsek.example/' },
  url: 'https://desk.example/reports/12',
  filter: { documentId: 12, verdicts: ['accurate', 'inaccurate', 'misleading', 'needs_context', 'unverifiable'], includeOpen: false },
  summary: {
    documents: 1,
    claims: 4,
    checked: 3,
    dismissed: 0,
    unreviewed: 1,
    sentences: 4,
    unreviewedSentences: 1,
    errors: { inaccurate: 1, misleading: 0, needs_context: 0, typo: 1, total: 2 },
    reviewers: [],
    reviewPeriod: { from: null, to: null },
  },
  document: { id: 12, title: 'Ulat sa ekonomiya', language: 'tl', sourceUrl: 'https://news.example/ulat', version: 3 },
  correctionNote: null,
  article: { author: 'Ana Cruz', publisher: 'Balita', publishedAt: new Date('2024-01-15T06:30:00.000Z') },
  addresses: {
    report: 'https://desk.example/reports/12',
    correction: { url: 'https://desk.example/corrections#correction-12-2', claimIds: [41] },
  },
};

const item = (claimId: number, verdict: ReportItem['verdict'], extra: Partial<ReportItem> = {}): ReportItem =>
  reportItem({
    number: claimId - 40,
    claimId,
    document: { id: 12, title: 'Ulat sa ekonomiya', language: 'tl' },
    end: 3,
    kind: 'statistic',
    status: verdict ? 'resolved' : 'open',
    verdict,
    open: !verdict,
    passage: { before: 'Ayon sa ulat,\n ', quote: '40%', after: ' ang  pagtaas. ' },
    ...extra,
  });

const author = { '@type': 'Person', name: 'Ana Cruz' };

/** Claim 41: covered by the published correction, rated on the scale, resolved late in the UTC day. */
const inaccurate = item(41, 'inaccurate', {
  claimStatement: 'Tumaas nang 40% ang ekonomiya.',
  explanation: 'PSA: 12%.',
  resolvedAt: new Date('2024-02-03T23:59:59.000Z'),
});
const inaccurateReview = {
  '@type': 'ClaimReview',
  url: 'https://desk.example/corrections#correction-12-2',
  claimReviewed: 'Tumaas nang 40% ang ekonomiya.',
  datePublished: '2024-02-03',
  author: { '@type': 'Organization', name: 'Tsek', url: 'https://tsek.example/' },
  reviewRating: {
    '@type': 'Rating',
    alternateName: 'Inaccurate',
    ratingValue: 1,
    bestRating: 4,
    worstRating: 1,
    ratingExplanation: 'PSA: 12%.',
  },
  itemReviewed: {
    '@type': 'Claim',
    inLanguage: 'tl',
    author,
    datePublished: '2024-01-15T06:30:00.000Z',
    appearance: {
      '@type': 'CreativeWork',
      url: 'https://news.example/ulat',
      headline: 'Ulat sa ekonomiya',
      inLanguage: 'tl',
      datePublished: '2024-01-15T06:30:00.000Z',
      author,
    },
  },
};

/** Claim 43: not in the correction, so it points at the report; its statement is the sentence, one line. */
const unverifiable = item(43, 'unverifiable');
const unverifiableReview = {
  '@type': 'ClaimReview',
  url: 'https://desk.example/reports/12#claim-43',
  claimReviewed: 'Ayon sa ulat, 40% ang pagtaas.',
  author: { '@type': 'Organization', name: 'Tsek', url: 'https://tsek.example/' },
  reviewRating: { '@type': 'Rating', alternateName: 'Unverifiable' },
  itemReviewed: inaccurateReview.itemReviewed,
};

describe('ClaimReview JSON-LD', () => {
  it('publishes the review date as a day, and the claim with where and by whom it appeared', () => {
    expect(claimReview(header, inaccurate)).toStrictEqual(inaccurateReview);
  });

  it('leaves out what is unknown: no resolution date, no rating value for unverifiable', () => {
    expect(claimReview(header, unverifiable)).toStrictEqual(unverifiableReview);
  });

  it('writes one @graph of decided fact checks, skipping open claims and typos', async () => {
    const report = streamedReport(header, [
      item(40, null),
      inaccurate,
      item(42, 'typo', { resolvedAt: new Date('2024-02-01T00:00:00.000Z') }),
      unverifiable,
    ]);
    let out = '';
    for await (const chunk of writeClaimReview(report)) out += chunk;
    expect(out).toBe(
      `{"@context":"https://schema.org","@graph":[\n${JSON.stringify(inaccurateReview)},\n${JSON.stringify(unverifiableReview)}\n]}\n`,
    );
  });
});

const config = {
  orgName: 'Tsek',
  orgUrl: 'https://tsek.example/',
  correctionsPolicyUrl: 'https://tsek.example/policy',
  publicUrl: 'https://desk.example/',
  host: '127.0.0.1',
  port: 3000,
};

const document: Document = {
  id: 12,
  title: 'Ulat sa ekonomiya',
  language: 'tl',
  sourceUrl: 'https://news.example/ulat',
  text: 'Ayon sa ulat, 40% ang pagtaas.',
  contentHash: 'x',
  sentenceStarts: [],
  correctionNote: null,
  author: 'Ana Cruz',
  publisher: null,
  publishedAt: new Date('2024-01-15T06:30:00.000Z'),
  noteListsTypos: false,
  archivedAt: null,
  archivedBy: null,
  createdBy: null,
  createdAt: new Date('2024-01-16T00:00:00.000Z'),
  updatedAt: new Date('2024-01-16T00:00:00.000Z'),
  version: 3,
};

const revision = (number: number, day: string): CorrectionRevision => ({
  id: 100 + number,
  documentId: 12,
  number,
  note: `Correction ${number}.`,
  correctedText: '',
  claimIds: [],
  publishedAt: new Date(`2024-02-${day}T10:00:00.000Z`),
  publishedBy: { id: 1, name: 'Editor' },
});

const comment = (number: number, day: string) => ({
  '@type': 'CorrectionComment',
  text: `Correction ${number}.`,
  datePublished: `2024-02-${day}T10:00:00.000Z`,
  url: `https://desk.example/corrections#correction-12-${number}`,
});

describe('NewsArticle JSON-LD for a corrected article', () => {
  const corrected = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: 'Ulat sa ekonomiya',
    inLanguage: 'tl',
    url: 'https://news.example/ulat',
    datePublished: '2024-01-15T06:30:00.000Z',
    dateModified: '2024-02-20T10:00:00.000Z',
    author: { '@type': 'Person', name: 'Ana Cruz' },
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: 'Tsek',
      url: 'https://tsek.example/',
      correctionsPolicy: 'https://tsek.example/policy',
    },
    correction: [comment(1, '01'), comment(2, '10'), comment(3, '20')],
  };

  it('lists the corrections oldest first and dates the article by the last one, whatever order they come in', () => {
    const revisions = [revision(2, '10'), revision(3, '20'), revision(1, '01')];
    expect(newsArticle(config, document, revisions)).toStrictEqual(corrected);
    // The caller's list is left as it was.
    expect(revisions.map((r) => r.number)).toStrictEqual([2, 3, 1]);
  });

  it('names the article’s own publisher, without the organisation’s address, and leaves out what is unknown', () => {
    const bare = { ...document, sourceUrl: null, publishedAt: null, author: null, publisher: 'Balita' };
    expect(newsArticle({ ...config, correctionsPolicyUrl: null }, bare, [])).toStrictEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Ulat sa ekonomiya',
      inLanguage: 'tl',
      publisher: { '@type': 'NewsMediaOrganization', name: 'Balita' },
      correction: [],
    });
  });

  it('writes the article as indented JSON with a final newline', async () => {
    const chunks: string[] = [];
    for await (const chunk of writeNewsArticle(config, document, [revision(1, '01')])) chunks.push(chunk);
    expect(chunks).toStrictEqual([
      `{
  "@context": "https://schema.org",
  "@type": "NewsArticle",
  "headline": "Ulat sa ekonomiya",
  "inLanguage": "tl",
  "url": "https://news.example/ulat",
  "datePublished": "2024-01-15T06:30:00.000Z",
  "dateModified": "2024-02-01T10:00:00.000Z",
  "author": {
    "@type": "Person",
    "name": "Ana Cruz"
  },
  "publisher": {
    "@type": "NewsMediaOrganization",
    "name": "Tsek",
    "url": "https://tsek.example/",
    "correctionsPolicy": "https://tsek.example/policy"
  },
  "correction": [
    {
      "@type": "CorrectionComment",
      "text": "Correction 1.",
      "datePublished": "2024-02-01T10:00:00.000Z",
      "url": "https://desk.example/corrections#correction-12-1"
    }
  ]
}
`,
    ]);
  });
});
