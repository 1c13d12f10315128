import type { Config } from '../config.js';
import { publicAddress, revisionLabel, revisionPath, type PublishedCorrection } from './revision.js';

type FeedConfig = Pick<Config, 'publicUrl' | 'host' | 'port' | 'orgName' | 'orgUrl'>;

const xml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
const entryId = (config: FeedConfig, c: PublishedCorrection) => publicAddress(config, revisionPath(c));
const entryTitle = (c: PublishedCorrection) => `${revisionLabel(c)}: ${c.title}`;

/**
 * The corrections log as Atom 1.0 (RFC 4287): the feed's id, title, updated and author, and each
 * entry's id, title, updated, link to the article (or to the log without a source URL), and the
 * note as plain text. Only published revisions are ever passed in.
 */
export function correctionsAtom(config: FeedConfig, corrections: readonly PublishedCorrection[]): string {
  const updated = (corrections[0]?.publishedAt ?? new Date(0)).toISOString();
  const self = publicAddress(config, '/corrections.atom');
  const entries = corrections.map((c) =>
    [
      '  <entry>',
      `    <id>${xml(entryId(config, c))}</id>`,
      `    <title>${xml(entryTitle(c))}</title>`,
      `    <updated>${c.publishedAt.toISOString()}</updated>`,
      `    <published>${c.publishedAt.toISOString()}</published>`,
      `    <link rel="alternate" href="${xml(c.sourceUrl ?? entryId(config, c))}"/>`,
      `    <link rel="related" href="${xml(entryId(config, c))}"/>`,
      `    <content type="text" xml:lang="${xml(c.language)}">${xml(c.note)}</content>`,
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xml(self)}</id>`,
    `  <title>${xml(`${config.orgName}: corrections`)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${xml(config.orgName)}</name><uri>${xml(config.orgUrl)}</uri></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(publicAddress(config, '/corrections'))}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** The corrections log as JSON Feed 1.1: version, title, the feed's addresses, and one item per revision. */
export function correctionsJsonFeed(config: FeedConfig, corrections: readonly PublishedCorrection[]) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${config.orgName}: corrections`,
    home_page_url: publicAddress(config, '/corrections'),
    feed_url: publicAddress(config, '/corrections.json'),
    authors: [{ name: config.orgName, url: config.orgUrl }],
    items: corrections.map((c) => ({
      id: entryId(config, c),
      url: entryId(config, c),
      ...(c.sourceUrl ? { external_url: c.sourceUrl } : {}),
      title: entryTitle(c),
      content_text: c.note,
      date_published: c.publishedAt.toISOString(),
      language: c.language,
    })),
  };
}
