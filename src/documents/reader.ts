import type { Claim } from '../claims/claim.js';
import { claimKinds, claimStatuses, verdicts, type ClaimKind, type ClaimStatus, type Verdict } from '../claims/claim-vocabulary.js';
import { compileValidator } from '../http/validation.js';
import type { Document } from './document.js';
import { buildSegments, splitLines, type Segment } from './highlight.js';

/** The reader's side-list filters (GET query). */
export interface ReaderFilters {
  status?: ClaimStatus;
  kind?: ClaimKind;
  /** A verdict, or `none` for claims without one. */
  verdict?: Verdict | 'none';
}

export const validateReaderFilters = compileValidator<ReaderFilters>(
  {
    type: 'object',
    additionalProperties: false,
    properties: {
      status: { enum: [...claimStatuses] },
      kind: { enum: [...claimKinds] },
      verdict: { enum: [...verdicts, 'none'] },
    },
  },
  'form',
);

/** What the reader shows of a claim. */
export type ReaderClaim = Pick<Claim, 'id' | 'start' | 'end' | 'quote' | 'kind' | 'status' | 'verdict' | 'assigneeName'> & {
  /** How many pre-check findings the claim has (sql/0017). */
  findingCount: number;
};

export interface ReaderView {
  document: Document;
  /** The text as lines of runs, each run knowing the claims that cover it. */
  lines: Segment<ReaderClaim>[][];
  /** Every claim of the document, in text order. */
  claims: ReaderClaim[];
  /** The claims the side list shows after its filters. */
  listed: ReaderClaim[];
  /** Claims per status, for the legend. */
  statusCounts: Record<ClaimStatus, number>;
  filtered: boolean;
}

/** Everything the reader page renders, computed in one pass over the claims. */
export function readerView(document: Document, claims: ReaderClaim[], filters: ReaderFilters): ReaderView {
  const statusCounts = Object.fromEntries(claimStatuses.map((s) => [s, 0])) as Record<ClaimStatus, number>;
  for (const c of claims) statusCounts[c.status] += 1;
  const listed = claims.filter(
    (c) =>
      (!filters.status || c.status === filters.status) &&
      (!filters.kind || c.kind === filters.kind) &&
      (!filters.verdict || (filters.verdict === 'none' ? c.verdict === null : c.verdict === filters.verdict)),
  );
  return {
    document,
    lines: splitLines(buildSegments(document.text, claims)),
    claims,
    listed,
    statusCounts,
    filtered: Object.values(filters).some((v) => v !== undefined),
  };
}

/** The tooltip of a highlight: every claim on that run, in words (colour is never the only signal). */
export function describeRun(
  segment: Segment<ReaderClaim>,
  labels: { kind: Record<string, string>; status: Record<string, string>; verdict: Record<string, string> },
): string {
  return segment.claims
    .map((c) => `#${c.id} ${labels.kind[c.kind]} · ${labels.status[c.status]}${c.verdict ? ` · ${labels.verdict[c.verdict]}` : ''}`)
    .join('\n');
}
