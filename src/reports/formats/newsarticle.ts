import type { NewsArticle, WithContext } from 'schema-dts';
import type { Config } from '../../config.js';
import type { Document } from '../../documents/document.js';
import { publicAddress, revisionPath, type CorrectionRevision } from '../revision.js';

type ArticleConfig = Pick<Config, 'orgName' | 'orgUrl' | 'correctionsPolicyUrl' | 'publicUrl' | 'host' | 'port'>;

/**
 * schema.org NewsArticle for a corrected article: a newsroom correcting its own article publishes
 * `correction` (one CorrectionComment per published revision, oldest first) rather than
 * ClaimReview, which is for claims made by others. `dateModified` is the last publication; the
 * publisher carries the organisation's corrections policy when CORRECTIONS_POLICY_URL is set.
 */
export function newsArticle(config: ArticleConfig, document: Document, revisions: readonly CorrectionRevision[]): WithContext<NewsArticle> {
  const published = [...revisions].sort((a, b) => a.number - b.number);
  const last = published.at(-1);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: document.title,
    inLanguage: document.language,
    ...(document.sourceUrl ? { url: document.sourceUrl } : {}),
    ...(document.publishedAt ? { datePublished: document.publishedAt.toISOString() } : {}),
    ...(last ? { dateModified: last.publishedAt.toISOString() } : {}),
    ...(document.author ? { author: { '@type': 'Person', name: document.author } } : {}),
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: document.publisher ?? config.orgName,
      ...(document.publisher ? {} : { url: config.orgUrl }),
      ...(config.correctionsPolicyUrl ? { correctionsPolicy: config.correctionsPolicyUrl } : {}),
    },
    correction: published.map((r) => ({
      '@type': 'CorrectionComment',
      text: r.note,
      datePublished: r.publishedAt.toISOString(),
      url: publicAddress(config, revisionPath(r)),
    })),
  };
}

export async function* writeNewsArticle(
  config: ArticleConfig,
  document: Document,
  revisions: readonly CorrectionRevision[],
): AsyncGenerator<string> {
  yield `${JSON.stringify(newsArticle(config, document, revisions), null, 2)}\n`;
}
