import { describe, expect, it } from 'vitest';
import { writeMarkdown } from '../../../src/reports/formats/markdown.js';
import type { ReportHeader, ReportItem, ReportSummary } from '../../../src/reports/report.js';
import { reportItem, streamedReport } from './builders.js';

// The Markdown report written from hand-built reports and compared whole, line for line, so a
// dropped line, blank line, separator or word shows up as a diff.

const fullSummary: ReportSummary = {
  documents: 1,
  claims: 4,
  checked: 3,
  dismissed: 1,
  unreviewed: 1,
  sentences: 5,
  unreviewedSentences: 1,
  errors: { inaccurate: 1, misleading: 1, needs_context: 0, typo: 0, total: 2 },
  reviewers: [
    { name: 'Ana', claims: 2 },
    { name: 'Ben', claims: 1 },
  ],
  reviewPeriod: { from: new Date('2024-01-03T10:00:00Z'), to: new Date('2024-02-05T10:00:00Z') },
};

const emptySummary: ReportSummary = {
  documents: 0,
  claims: 0,
  checked: 0,
  dismissed: 0,
  unreviewed: 0,
  sentences: 0,
  unreviewedSentences: 0,
  errors: { inaccurate: 0, misleading: 0, needs_context: 0, typo: 0, total: 0 },
  reviewers: [],
  reviewPeriod: { from: null, to: null },
};

const document = { id: 12, title: 'Digmaan sa *Iraq*', language: 'tl', sourceUrl: 'https://example.org/news/iraq', version: 1 };

function header(overrides: Partial<ReportHeader> = {}): ReportHeader {
  return {
    scope: 'document',
    generatedAt: new Date('2025-11-25T08:00:00Z'),
    organization: { name: 'Tsek & Co', url: 'https://tsek.example' },
    url: null,
    filter: { documentId: 12, verdicts: ['inaccurate', 'misleading'], includeOpen: true },
    summary: fullSummary,
    document,
    correctionNote: null,
    ...overrides,
  };
}

function item(overrides: Partial<ReportItem> = {}): ReportItem {
  return reportItem({
    claimId: 101,
    document: { id: 12, title: 'Digmaan sa *Iraq*', language: 'tl' },
    start: 6,
    end: 10,
    sentence: 2,
    passage: { before: 'Noong ', quote: '1990', after: ' ay _nagsimula_.' },
    correction: '1991',
    explanation: 'See UN *resolution*.',
    reviewer: 'Ana',
    resolvedAt: new Date('2024-01-03T10:00:00Z'),
    ...overrides,
  });
}

async function markdown(h: ReportHeader, items: ReportItem[]): Promise<string> {
  let out = '';
  for await (const chunk of writeMarkdown(streamedReport(h, items))) out += chunk;
  return out;
}

const documentSummary = [
  '## Summary',
  '',
  '| Measure | Value |',
  '| --- | --- |',
  '| Claims checked | 3 of 4 claims checked (75%) |',
  '| Errors by verdict | 2: 1 inaccurate, 1 misleading, 0 needs context, 0 typo |',
  '| Reviewers | Ana (2), Ben (1) |',
  '| Review period | 3 Jan 2024 – 5 Feb 2024 |',
  '| Still unreviewed | 1 claim (25%), in 1 of 5 sentences |',
  '',
];

const emptySummaryLines = [
  '## Summary',
  '',
  '| Measure | Value |',
  '| --- | --- |',
  '| Claims checked | 0 of 0 claims checked (0%) |',
  '| Errors by verdict | 0: 0 inaccurate, 0 misleading, 0 needs context, 0 typo |',
  '| Reviewers | none yet |',
  '| Review period | no claim resolved yet |',
  '| Still unreviewed | nothing: no claims were found |',
  '',
];

describe('Markdown report', () => {
  it('writes a document report: header, summary, draft note, and each claim with its sources', async () => {
    const h = header({ correctionNote: { text: 'First *paragraph*.\n\nSecond | one.', edited: false, language: 'tl' } });
    const decided = item({
      sources: [
        {
          url: 'https://en.wikipedia.org/wiki/Gulf_War',
          title: 'Gulf [War]',
          publisher: 'Wikipedia',
          publishedOn: '2024-01-03',
          excerpt: '1991. The war\nbegan.',
          stance: 'refutes',
        },
        { url: 'ftp://archive.example/x', title: null, publisher: null, publishedOn: null, excerpt: null, stance: 'context' },
      ],
    });
    const undecided = item({
      number: 2,
      claimId: 102,
      sentence: 4,
      status: 'in_review',
      verdict: null,
      open: true,
      passage: { before: '', quote: '# x', after: '' },
      correction: null,
      explanation: null,
      reviewer: null,
      assignee: 'Ben',
      resolvedAt: null,
    });
    expect(await markdown(h, [decided, undecided])).toBe(
      [
        '# Correction report: Digmaan sa \\*Iraq\\*',
        '',
        'Document 12 · language: tl · [original article](<https://example.org/news/iraq>) · checked by [Tsek \\& Co](<https://tsek.example>) · generated 25 Nov 2025',
        '',
        ...documentSummary,
        '## Correction note',
        '',
        '*Draft generated from the errors below; an editor has not edited it yet.*',
        '',
        'First \\*paragraph\\*.',
        '',
        'Second \\| one.',
        '',
        '## Claims needing action, and claims not decided yet',
        '',
        '### 1. Sentence 2 · Inaccurate',
        '',
        '> Noong <mark>1990</mark> ay \\_nagsimula\\_.',
        '',
        '**Proposed correction:** 1991',
        '',
        '**Explanation:** See UN \\*resolution\\*.',
        '',
        '**Sources:**',
        '',
        '- Refutes: [Gulf \\[War\\]](<https://en.wikipedia.org/wiki/Gulf_War>) · Wikipedia, 3 Jan 2024',
        '  > 1991\\. The war began.',
        '- Context: ftp://archive.example/x',
        '',
        '**Reviewer:** Ana, 3 Jan 2024',
        '',
        '### 2. Sentence 4 · In review — not decided yet',
        '',
        '> <mark>\\# x</mark>',
        '',
        '**Proposed correction:** —',
        '',
        '**Sources:** none recorded',
        '',
        '**Reviewer:** Assigned to Ben',
        '',
        '',
      ].join('\n'),
    );
  });

  it('prints an edited correction note without the draft line', async () => {
    const h = header({
      correctionNote: { text: 'Edited by the desk.', edited: true, language: 'tl' },
      filter: { verdicts: ['inaccurate'], includeOpen: false },
    });
    const out = await markdown(h, [item()]);
    expect(out).toContain('## Correction note\n\nEdited by the desk.\n\n## Claims needing action\n\n### 1. Sentence 2 · Inaccurate\n');
    expect(out).not.toContain('Draft generated');
    expect(out).not.toContain('No resolved claims need action.');
  });

  it('leaves the note section out when the note has no text', async () => {
    const out = await markdown(header({ correctionNote: { text: null, edited: false, language: 'tl' } }), [item()]);
    expect(out).not.toContain('## Correction note');
    expect(out).not.toContain('Draft generated');
  });

  it('writes a workspace report: no document line, each claim named with its document', async () => {
    const h = header({
      scope: 'workspace',
      document: null,
      summary: fullSummary,
      filter: { verdicts: ['inaccurate'], includeOpen: false },
    });
    const out = await markdown(h, [item({ sources: [], explanation: null, correction: null, reviewer: null, resolvedAt: null })]);
    expect(out).toBe(
      [
        '# Correction report: all documents',
        '',
        'checked by [Tsek \\& Co](<https://tsek.example>) · generated 25 Nov 2025',
        '',
        ...documentSummary,
        '## Claims needing action',
        '',
        '### 1. Digmaan sa \\*Iraq\\*, sentence 2 · Inaccurate',
        '',
        '> Noong <mark>1990</mark> ay \\_nagsimula\\_.',
        '',
        '**Proposed correction:** —',
        '',
        '**Sources:** none recorded',
        '',
        '**Reviewer:** —',
        '',
        '',
      ].join('\n'),
    );
  });

  it('leaves out the original-article link of a document with no source URL', async () => {
    const out = await markdown(header({ document: { ...document, sourceUrl: null } }), [item()]);
    expect(out).toContain(
      '\n\nDocument 12 · language: tl · checked by [Tsek \\& Co](<https://tsek.example>) · generated 25 Nov 2025\n\n## Summary\n',
    );
  });

  it('says no claim needs action when the report is empty, and whether undecided ones were asked for', async () => {
    const common = { document: null, scope: 'workspace' as const, summary: emptySummary };
    expect(await markdown(header({ ...common, filter: { verdicts: ['inaccurate'], includeOpen: true } }), [])).toBe(
      [
        '# Correction report: all documents',
        '',
        'checked by [Tsek \\& Co](<https://tsek.example>) · generated 25 Nov 2025',
        '',
        ...emptySummaryLines,
        '## Claims needing action, and claims not decided yet',
        '',
        'No claims need action or are waiting for a decision.',
        '',
      ].join('\n'),
    );
    expect(await markdown(header({ ...common, filter: { verdicts: ['inaccurate'], includeOpen: false } }), [])).toBe(
      [
        '# Correction report: all documents',
        '',
        'checked by [Tsek \\& Co](<https://tsek.example>) · generated 25 Nov 2025',
        '',
        ...emptySummaryLines,
        '## Claims needing action',
        '',
        'No resolved claims need action.',
        '',
      ].join('\n'),
    );
  });
});
