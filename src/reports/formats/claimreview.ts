import type { ClaimReview, Organization, Rating } from 'schema-dts';
import { verdictLabels, type Verdict } from '../../claims/claim-vocabulary.js';
import type { Report, ReportHeader, ReportItem } from '../report.js';

/**
 * The numeric rating published with each ClaimReview (documented in README.md and
 * docs/REPORTS.md): 1 = inaccurate, 2 = misleading, 3 = needs context, 4 = accurate. An
 * unverifiable claim has no place on a true–false scale, so it carries only its name
 * (alternateName). Typos are not fact checks and are not published at all.
 */
export const ratingScale = {
  worst: 1,
  best: 4,
  values: { inaccurate: 1, misleading: 2, needs_context: 3, accurate: 4 } as Partial<Record<Verdict, number>>,
} as const;

function rating(item: ReportItem): Rating {
  const verdict = item.verdict!;
  const value = ratingScale.values[verdict];
  return {
    '@type': 'Rating',
    alternateName: verdictLabels[verdict],
    ...(value === undefined ? {} : { ratingValue: value, bestRating: ratingScale.best, worstRating: ratingScale.worst }),
    ...(item.explanation ? { ratingExplanation: item.explanation } : {}),
  };
}

/**
 * Who made the claim. claimdesk records no bylines, so the author is the site that published the
 * article (its source URL's host), and unknown without a source URL.
 */
function articleAuthor(sourceUrl: string | null): Organization | null {
  if (!sourceUrl) return null;
  const url = new URL(sourceUrl);
  return { '@type': 'Organization', name: url.hostname, url: `${url.origin}/` };
}

/** One ClaimReview per decided fact check; the review's page is the report (PUBLIC_URL) or else the article itself. */
export function claimReview(h: ReportHeader, item: ReportItem): ClaimReview {
  const document = h.document!;
  const author = articleAuthor(document.sourceUrl);
  const url = h.url ? `${h.url}#claim-${item.claimId}` : document.sourceUrl;
  return {
    '@type': 'ClaimReview',
    ...(url ? { url } : {}),
    claimReviewed: item.passage.quote.replace(/\s+/g, ' ').trim(),
    ...(item.resolvedAt ? { datePublished: item.resolvedAt.toISOString().slice(0, 10) } : {}),
    author: { '@type': 'Organization', name: h.organization.name, url: h.organization.url },
    reviewRating: rating(item),
    itemReviewed: {
      '@type': 'Claim',
      inLanguage: document.language,
      ...(author ? { author } : {}),
      ...(document.sourceUrl ? { appearance: { '@type': 'CreativeWork', url: document.sourceUrl, headline: document.title, inLanguage: document.language } } : {}),
    },
  };
}

/**
 * schema.org ClaimReview JSON-LD: one `@graph` holding a ClaimReview per fact verdict, written
 * one review at a time. The report must be opened with the fact verdicts (documentFilter does so
 * for format=claimreview); typos are skipped here as well, should they be passed in.
 */
export async function* writeClaimReview(report: Report): AsyncGenerator<string> {
  yield '{"@context":"https://schema.org","@graph":[\n';
  let first = true;
  for await (const item of report.items) {
    if (!item.verdict || item.verdict === 'typo') continue;
    yield `${first ? '' : ',\n'}${JSON.stringify(claimReview(report.header, item))}`;
    first = false;
  }
  yield '\n]}\n';
}
