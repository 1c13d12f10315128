import { errorVerdicts, type ClaimStatus, type Verdict } from './claim-vocabulary.js';

/**
 * The one definition of review progress, used by the dashboard, the documents list, the reader
 * and the report: a claim is checked when it is resolved or dismissed; it is an error when it is
 * resolved as inaccurate, misleading, needs context or typo.
 */
export const checkedStatuses: readonly ClaimStatus[] = ['resolved', 'dismissed'];
export const isChecked = (status: ClaimStatus) => checkedStatuses.includes(status);
export const isError = (status: ClaimStatus, verdict: Verdict | null) =>
  status === 'resolved' && verdict !== null && errorVerdicts.includes(verdict);

export interface ReviewProgress {
  total: number;
  checked: number;
  resolved: number;
  dismissed: number;
  /** Whole percent of claims checked (0 with no claims). */
  percent: number;
}

/** Progress from the counts each page already has (resolved and dismissed out of all claims). */
export function reviewProgress(counts: { total: number; resolved: number; dismissed: number }): ReviewProgress {
  const checked = counts.resolved + counts.dismissed;
  return {
    total: counts.total,
    checked,
    resolved: counts.resolved,
    dismissed: counts.dismissed,
    percent: counts.total > 0 ? Math.round((checked / counts.total) * 100) : 0,
  };
}

/** "15 of 49 claims checked (30%)": the same words wherever progress is shown. */
export function progressWords(p: ReviewProgress): string {
  return `${p.checked} of ${p.total} ${p.total === 1 ? 'claim' : 'claims'} checked (${p.percent}%)`;
}
