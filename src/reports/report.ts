import type { Finding } from '../extraction/index.js';
import type { ClaimKind, ClaimStatus, CorrectionScope, Stance, Verdict } from '../claims/claim-vocabulary.js';

/** Which claims a report reads. A document report is a workspace report scoped to one document. */
export interface ReportFilter {
  documentId?: number;
  /** Resolved on or after this day (YYYY-MM-DD, UTC). */
  from?: string;
  /** Resolved on or before this day (YYYY-MM-DD, UTC), inclusive. */
  to?: string;
  /** Verdicts listed; open claims (no verdict yet) are added by `includeOpen`. */
  verdicts: readonly Verdict[];
  includeOpen: boolean;
}

export interface ReportDocument {
  id: number;
  title: string;
  language: string;
  sourceUrl: string | null;
  version: number;
}

export interface ReportSummary {
  documents: number;
  claims: number;
  /** Resolved or dismissed (src/claims/progress.ts). */
  checked: number;
  dismissed: number;
  /** Open or in review. */
  unreviewed: number;
  sentences: number;
  /** Sentences holding at least one unreviewed claim. */
  unreviewedSentences: number;
  errors: Record<'inaccurate' | 'misleading' | 'needs_context' | 'typo', number> & { total: number };
  reviewers: { name: string; claims: number }[];
  reviewPeriod: { from: Date | null; to: Date | null };
}

export interface ReportSource {
  url: string;
  title: string | null;
  publisher: string | null;
  publishedOn: string | null;
  excerpt: string | null;
  stance: Stance;
}

/** The sentence(s) around a claim, split so every format can mark the claim its own way. */
export interface Passage {
  before: string;
  quote: string;
  after: string;
}

/** One claim as every format sees it. */
export interface ReportItem {
  number: number;
  claimId: number;
  document: { id: number; title: string; language: string };
  start: number;
  end: number;
  sentence: number;
  kind: ClaimKind;
  status: ClaimStatus;
  verdict: Verdict | null;
  /** Not decided yet (open or in review): listed only with `includeOpen`, and marked so. */
  open: boolean;
  passage: Passage;
  correction: string | null;
  /** What was claimed, for ClaimReview (null: the claim's sentence is used). */
  claimStatement: string | null;
  explanation: string | null;
  sources: ReportSource[];
  /** Pre-check findings: shown in the internal report, left out of published exports. */
  findings: Finding[];
  reviewer: string | null;
  assignee: string | null;
  resolvedAt: Date | null;
}

export interface CorrectionNote {
  text: string | null;
  /** True when an editor saved it; false when it is the draft generated from the errors. */
  edited: boolean;
  /** The note's language: the document's, or the template's when the draft fell back to English. */
  language: string;
}

/** Everything a format writes before the claims; the claims follow as a stream. */
export interface ReportHeader {
  scope: 'document' | 'workspace';
  generatedAt: Date;
  organization: { name: string; url: string };
  /** Where this report can be read, when PUBLIC_URL is set. */
  url: string | null;
  filter: ReportFilter;
  summary: ReportSummary;
  /** Document reports only. */
  document: ReportDocument | null;
  correctionNote: CorrectionNote | null;
  /** Document reports only: who wrote and published the article, and when (ClaimReview's itemReviewed). */
  article?: { author: string | null; publisher: string | null; publishedAt: Date | null };
  /** Document reports only: whether the published note lists typos. */
  noteListsTypos?: boolean;
  /** Document reports only: where ClaimReview points — the latest published correction covering a claim, else the report. */
  addresses?: { report: string; correction: { url: string; claimIds: readonly number[] } | null };
}

export interface Report {
  header: ReportHeader;
  items: AsyncIterable<ReportItem>;
}

/** The text a correction is applied to, with the accepted corrections, for `corrected` and `redline`. */
export interface TextReport {
  header: Pick<ReportHeader, 'generatedAt' | 'organization'> & { document: ReportDocument };
  text: string;
  corrections: AcceptedCorrection[];
}

export interface AcceptedCorrection {
  claimId: number;
  start: number;
  end: number;
  quote: string;
  correction: string;
  verdict: Verdict;
  /** What the correction replaces; start, end and quote are already widened to the sentence. */
  scope?: CorrectionScope;
  /** Passage corrections in the same sentence that this sentence-scope correction covers. */
  supersedes?: number[];
}
