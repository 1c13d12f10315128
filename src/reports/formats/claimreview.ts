import type { ClaimReview, Organization, Person, Rating } from 'schema-dts';
import { defaultClaimStatement } from '../sentence-scope.js';
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

/** Who made the claim: the article's byline, else its publisher; unknown (omitted) without either, never a guess. */
function claimAuthor(h: ReportHeader): Person | Organization | null {
  if (h.article?.author) return { '@type': 'Person', name: h.article.author };
  if (h.article?.publisher) return { '@type': 'Organization', name: h.article.publisher };
  return null;
}

/**
 * Where the review is read: the published correction that covers the claim, else the claim in the
 * report — never the article itself, which is the thing reviewed.
 */
function reviewUrl(h: ReportHeader, item: ReportItem): string {
  const correction = h.addresses?.correction;
  if (correction?.claimIds.includes(item.claimId)) return correction.url;
  return `${h.addresses?.report ?? h.url}#claim-${item.claimId}`;
}

/** One ClaimReview per decided fact check, its claimReviewed the claim statement (or the claim's sentence, trimmed). */
export function claimReview(h: ReportHeader, item: ReportItem): ClaimReview {
  const document = h.document!;
  const author = claimAuthor(h);
  const published = h.article?.publishedAt?.toISOString();
  const p = item.passage;
  return {
    '@type': 'ClaimReview',
    url: reviewUrl(h, item),
    claimReviewed: item.claimStatement ?? defaultClaimStatement(`${p.before}${p.quote}${p.after}`),
    ...(item.resolvedAt ? { datePublished: item.resolvedAt.toISOString().slice(0, 10) } : {}),
    author: { '@type': 'Organization', name: h.organization.name, url: h.organization.url },
    reviewRating: rating(item),
    itemReviewed: {
      '@type': 'Claim',
      inLanguage: document.language,
      ...(author ? { author } : {}),
      ...(published ? { datePublished: published } : {}),
      ...(document.sourceUrl
        ? {
            appearance: {
              '@type': 'CreativeWork',
              url: document.sourceUrl,
              headline: document.title,
              inLanguage: document.language,
              ...(published ? { datePublished: published } : {}),
              ...(author ? { author } : {}),
            },
          }
        : {}),
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
