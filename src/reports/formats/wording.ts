import { stanceLabels, statusLabels, verdictLabels } from '../../claims/claim-vocabulary.js';
import { viewHelpers } from '../../web/view-helpers.js';
import type { ReportItem, ReportSummary } from '../report.js';
import { progressWords, reviewProgress } from '../../claims/progress.js';

// The English wording every human-readable format shares (HTML, Markdown), so they say the same.

const { formatDate, formatNumber, percent, plural } = viewHelpers;

export { formatDate, formatNumber, plural, stanceLabels };

/** "Inaccurate", or "Open — not decided yet" for an undecided claim listed on request. */
export function verdictWords(item: Pick<ReportItem, 'verdict' | 'open' | 'status'>): string {
  if (item.verdict) return verdictLabels[item.verdict];
  return `${statusLabels[item.status]} — not decided yet`;
}

export function checkedLine(s: ReportSummary): string {
  const p = reviewProgress({ total: s.claims, resolved: s.checked - s.dismissed, dismissed: s.dismissed });
  return progressWords(p);
}

export function errorsLine(s: ReportSummary): string {
  const parts = (['inaccurate', 'misleading', 'needs_context', 'typo'] as const).map(
    (v) => `${formatNumber(s.errors[v])} ${verdictLabels[v].toLowerCase()}`,
  );
  return `${formatNumber(s.errors.total)}: ${parts.join(', ')}`;
}

export function reviewersLine(s: ReportSummary): string {
  return s.reviewers.length ? s.reviewers.map((r) => `${r.name} (${formatNumber(r.claims)})`).join(', ') : 'none yet';
}

export function periodLine(s: ReportSummary): string {
  const { from, to } = s.reviewPeriod;
  if (!from || !to) return 'no claim resolved yet';
  return formatDate(from) === formatDate(to) ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`;
}

export function unreviewedLine(s: ReportSummary): string {
  if (s.unreviewed === 0) return s.claims ? 'nothing: every claim has been reviewed' : 'nothing: no claims were found';
  return `${plural(s.unreviewed, 'claim')} (${percent(s.unreviewed, s.claims)}%), in ${formatNumber(s.unreviewedSentences)} of ${plural(s.sentences, 'sentence')}`;
}

/** "Answer key (demo), 25 Nov 2025", or who it is assigned to while undecided. */
export function reviewerWords(item: ReportItem): string {
  if (item.reviewer) return item.resolvedAt ? `${item.reviewer}, ${formatDate(item.resolvedAt)}` : item.reviewer;
  if (item.open) return item.assignee ? `Assigned to ${item.assignee}` : 'Not assigned';
  return '—';
}

/** "Wikipedia, 3 Jan 2024": what a source's title does not say. */
export function sourceDetails(s: { publisher: string | null; publishedOn: string | null }): string {
  return [s.publisher, s.publishedOn ? formatDate(s.publishedOn) : null].filter(Boolean).join(', ');
}

/** Name for downloads: "claimdesk-12-digmaan-sa-iraq-report.md". */
export function exportFilename(documentId: number | null, title: string | null, suffix: string, extension: string): string {
  const slug = (title ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const base = documentId === null ? 'claimdesk-workspace' : ['claimdesk', documentId, slug].filter(Boolean).join('-');
  return `${base}-${suffix}.${extension}`;
}
