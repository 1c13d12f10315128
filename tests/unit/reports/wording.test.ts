import { describe, expect, it } from 'vitest';
import type { ReportSummary } from '../../../src/reports/report.js';
import {
  checkedLine,
  errorsLine,
  exportFilename,
  periodLine,
  reviewersLine,
  reviewerWords,
  sourceDetails,
  unreviewedLine,
  verdictWords,
} from '../../../src/reports/formats/wording.js';
import { reportItem } from './builders.js';

// The shared English of the HTML and Markdown reports, pinned word for word: a changed number,
// separator or plural here changes every human-readable report.

function summary(overrides: Partial<ReportSummary> = {}): ReportSummary {
  return {
    documents: 1,
    claims: 10,
    checked: 5,
    dismissed: 2,
    unreviewed: 5,
    sentences: 8,
    unreviewedSentences: 3,
    errors: { inaccurate: 1, misleading: 2, needs_context: 0, typo: 1, total: 4 },
    reviewers: [],
    reviewPeriod: { from: null, to: null },
    ...overrides,
  };
}

describe('verdict wording', () => {
  it('names a decided verdict by its label', () => {
    expect(verdictWords({ verdict: 'needs_context', open: false, status: 'resolved' })).toBe('Needs context');
  });

  it('says an undecided claim is not decided yet, with its status', () => {
    expect(verdictWords({ verdict: null, open: true, status: 'open' })).toBe('Open — not decided yet');
    expect(verdictWords({ verdict: null, open: true, status: 'in_review' })).toBe('In review — not decided yet');
  });
});

describe('summary lines', () => {
  it('counts resolved and dismissed claims as checked, once each', () => {
    // 5 checked of which 2 dismissed: 3 resolved + 2 dismissed = 5, not 7.
    expect(checkedLine(summary({ claims: 10, checked: 5, dismissed: 2 }))).toBe('5 of 10 claims checked (50%)');
    expect(checkedLine(summary({ claims: 1, checked: 1, dismissed: 1 }))).toBe('1 of 1 claim checked (100%)');
  });

  it('lists the errors by verdict in a fixed order', () => {
    expect(errorsLine(summary({ errors: { inaccurate: 1200, misleading: 2, needs_context: 0, typo: 1, total: 1203 } }))).toBe(
      '1,203: 1,200 inaccurate, 2 misleading, 0 needs context, 1 typo',
    );
  });

  it('names each reviewer with their claim count, or says there is none yet', () => {
    expect(
      reviewersLine(
        summary({
          reviewers: [
            { name: 'Ana', claims: 1500 },
            { name: 'Ben', claims: 1 },
          ],
        }),
      ),
    ).toBe('Ana (1,500), Ben (1)');
    expect(reviewersLine(summary({ reviewers: [] }))).toBe('none yet');
  });

  it('gives the review period as one day or a range, and nothing until both ends are known', () => {
    const jan3 = new Date('2024-01-03T10:00:00Z');
    const feb5 = new Date('2024-02-05T23:00:00Z');
    expect(periodLine(summary({ reviewPeriod: { from: null, to: null } }))).toBe('no claim resolved yet');
    expect(periodLine(summary({ reviewPeriod: { from: jan3, to: null } }))).toBe('no claim resolved yet');
    expect(periodLine(summary({ reviewPeriod: { from: null, to: feb5 } }))).toBe('no claim resolved yet');
    expect(periodLine(summary({ reviewPeriod: { from: jan3, to: feb5 } }))).toBe('3 Jan 2024 – 5 Feb 2024');
    // Two times on the same day read as that day, not as a range.
    expect(periodLine(summary({ reviewPeriod: { from: jan3, to: new Date('2024-01-03T21:00:00Z') } }))).toBe('3 Jan 2024');
  });

  it('says what is still unreviewed, with singular and plural wording', () => {
    expect(unreviewedLine(summary({ unreviewed: 0, claims: 4 }))).toBe('nothing: every claim has been reviewed');
    expect(unreviewedLine(summary({ unreviewed: 0, claims: 0 }))).toBe('nothing: no claims were found');
    expect(unreviewedLine(summary({ unreviewed: 1, claims: 4, unreviewedSentences: 1, sentences: 1 }))).toBe(
      '1 claim (25%), in 1 of 1 sentence',
    );
    expect(unreviewedLine(summary({ unreviewed: 3, claims: 7, unreviewedSentences: 2, sentences: 1500 }))).toBe(
      '3 claims (43%), in 2 of 1,500 sentences',
    );
  });
});

describe('reviewer wording', () => {
  it('names the reviewer and the day of the decision', () => {
    expect(reviewerWords(reportItem({ reviewer: 'Ana', resolvedAt: new Date('2025-11-25T08:00:00Z') }))).toBe('Ana, 25 Nov 2025');
    expect(reviewerWords(reportItem({ reviewer: 'Ana', resolvedAt: null }))).toBe('Ana');
  });

  it('names the assignee of an undecided claim, or says it is not assigned', () => {
    expect(reviewerWords(reportItem({ open: true, verdict: null, status: 'in_review', assignee: 'Ben' }))).toBe('Assigned to Ben');
    expect(reviewerWords(reportItem({ open: true, verdict: null, status: 'open', assignee: null }))).toBe('Not assigned');
  });

  it('shows a dash for a decided claim with no reviewer recorded', () => {
    expect(reviewerWords(reportItem({ open: false, reviewer: null, assignee: 'Ben' }))).toBe('—');
  });
});

describe('source details', () => {
  it('joins the publisher and the publication day, leaving out what is missing', () => {
    expect(sourceDetails({ publisher: 'Wikipedia', publishedOn: '2024-01-03' })).toBe('Wikipedia, 3 Jan 2024');
    expect(sourceDetails({ publisher: 'Wikipedia', publishedOn: null })).toBe('Wikipedia');
    expect(sourceDetails({ publisher: null, publishedOn: '2024-01-03' })).toBe('3 Jan 2024');
    expect(sourceDetails({ publisher: null, publishedOn: null })).toBe('');
  });
});

describe('export file names', () => {
  it('names a document export after its id and a slug of its title', () => {
    expect(exportFilename(12, 'Digmaan sa Iraq', 'report', 'md')).toBe('claimdesk-12-digmaan-sa-iraq-report.md');
  });

  it('drops accents and folds every run of other characters into one hyphen, trimmed at both ends', () => {
    expect(exportFilename(3, '  Café, Niño & the “Big” War!  ', 'report', 'csv')).toBe('claimdesk-3-cafe-nino-the-big-war-report.csv');
    expect(exportFilename(3, '--Hello--', 'report', 'csv')).toBe('claimdesk-3-hello-report.csv');
  });

  it('keeps the slug to 60 characters without a hyphen left at the cut', () => {
    const title = `${'a'.repeat(59)} word`;
    expect(exportFilename(4, title, 'report', 'md')).toBe(`claimdesk-4-${'a'.repeat(59)}-report.md`);
    expect(exportFilename(4, 'b'.repeat(70), 'report', 'md')).toBe(`claimdesk-4-${'b'.repeat(60)}-report.md`);
  });

  it('leaves the slug out when the title has none', () => {
    expect(exportFilename(5, null, 'report', 'md')).toBe('claimdesk-5-report.md');
    expect(exportFilename(5, '', 'report', 'md')).toBe('claimdesk-5-report.md');
    expect(exportFilename(5, '!!!', 'corrected', 'txt')).toBe('claimdesk-5-corrected.txt');
  });

  it('names a workspace export by the workspace, whatever the title', () => {
    expect(exportFilename(null, null, 'report', 'json')).toBe('claimdesk-workspace-report.json');
    expect(exportFilename(null, 'Digmaan', 'report', 'json')).toBe('claimdesk-workspace-report.json');
  });
});
