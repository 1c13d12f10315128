import type { Report, ReportHeader, ReportItem } from '../report.js';
import { mdCell, mdInline, mdLink, mdParagraphs, mdText } from './markdown-escape.js';
import {
  checkedLine,
  errorsLine,
  formatDate,
  periodLine,
  reviewersLine,
  reviewerWords,
  sourceDetails,
  stanceLabels,
  unreviewedLine,
  verdictWords,
} from './wording.js';

/**
 * The report as GitHub-flavoured Markdown, written claim by claim. Every piece of user text goes
 * through the escapes in markdown-escape.ts; the claim is marked in its passage with <mark>, which
 * GitHub keeps, because `**` next to punctuation does not always open emphasis.
 */
export async function* writeMarkdown(report: Report): AsyncGenerator<string> {
  yield headerMarkdown(report.header);
  let count = 0;
  for await (const item of report.items) {
    count += 1;
    yield itemMarkdown(item, report.header.scope === 'workspace');
  }
  if (count === 0)
    yield report.header.filter.includeOpen ? 'No claims need action or are waiting for a decision.\n' : 'No resolved claims need action.\n';
}

function headerMarkdown(h: ReportHeader): string {
  const d = h.document;
  const lines = [`# Correction report: ${d ? mdText(d.title) : 'all documents'}`, ''];
  const about = [
    d ? `Document ${d.id}` : null,
    d ? `language: ${mdText(d.language)}` : null,
    d?.sourceUrl ? mdLink('original article', d.sourceUrl) : null,
    `checked by ${mdLink(h.organization.name, h.organization.url)}`,
    `generated ${formatDate(h.generatedAt)}`,
  ];
  lines.push(about.filter(Boolean).join(' · '), '');
  const s = h.summary;
  lines.push('## Summary', '', '| Measure | Value |', '| --- | --- |');
  lines.push(`| Claims checked | ${mdCell(checkedLine(s))} |`);
  lines.push(`| Errors by verdict | ${mdCell(errorsLine(s))} |`);
  lines.push(`| Reviewers | ${mdCell(reviewersLine(s))} |`);
  lines.push(`| Review period | ${mdCell(periodLine(s))} |`);
  lines.push(`| Still unreviewed | ${mdCell(unreviewedLine(s))} |`, '');
  if (h.correctionNote?.text) {
    lines.push('## Correction note', '');
    if (!h.correctionNote.edited) lines.push('*Draft generated from the errors below; an editor has not edited it yet.*', '');
    lines.push(mdParagraphs(h.correctionNote.text), '');
  }
  lines.push(`## ${h.filter.includeOpen ? 'Claims needing action, and claims not decided yet' : 'Claims needing action'}`, '');
  return lines.join('\n') + '\n';
}

function itemMarkdown(item: ReportItem, withDocument: boolean): string {
  const where = withDocument ? `${mdText(item.document.title)}, sentence ${item.sentence}` : `Sentence ${item.sentence}`;
  const lines = [`### ${item.number}. ${where} · ${mdText(verdictWords(item))}`, ''];
  const p = item.passage;
  lines.push(`> ${mdInline(p.before)}<mark>${mdInline(p.quote)}</mark>${mdInline(p.after)}`, '');
  lines.push(`**Proposed correction:** ${item.correction ? mdText(item.correction) : '—'}`, '');
  if (item.explanation) lines.push(`**Explanation:** ${mdText(item.explanation)}`, '');
  if (item.sources.length) {
    lines.push('**Sources:**', '');
    for (const s of item.sources) {
      const details = sourceDetails(s);
      lines.push(`- ${stanceLabels[s.stance]}: ${mdLink(s.title ?? s.url, s.url)}${details ? ` · ${mdText(details)}` : ''}`);
      // The quoted evidence, as a quotation inside the list item.
      if (s.excerpt) lines.push(`  > ${mdInline(s.excerpt)}`);
    }
    lines.push('');
  } else {
    lines.push('**Sources:** none recorded', '');
  }
  lines.push(`**Reviewer:** ${mdText(reviewerWords(item))}`, '');
  return lines.join('\n') + '\n';
}
