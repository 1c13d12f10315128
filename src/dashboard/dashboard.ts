import type { Claim } from '../claims/claim.js';
import {
  claimStatuses,
  kindLabels,
  statusLabels,
  verdictLabels,
  verdicts,
  type ClaimKind,
  type ClaimStatus,
  type Verdict,
} from '../claims/claim-vocabulary.js';
import type { DocumentSummary } from '../documents/document.js';
import { actionLabels } from '../history/event.js';

export type AssignedClaim = Claim & { documentTitle: string };

/** A history event as the activity feed shows it: who, what, on which claim of which document. */
export interface ActivityItem {
  id: number;
  claimId: number;
  documentId: number;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: Date;
  actorName: string | null;
  /** For assignment changes: the new assignee's name. */
  assigneeName: string | null;
  quote: string;
  documentTitle: string;
  /** How many claims the action changed: more than one for a bulk action. */
  count: number;
  /** A bulk action's claims, by id (empty for a single event, which is about `claimId`). */
  claims: { claimId: number; documentId: number; quote: string; documentTitle: string }[];
}

export interface ChartRow {
  key: string;
  label: string;
  count: number;
}

export interface Dashboard {
  byStatus: ChartRow[];
  byVerdict: ChartRow[];
  totalClaims: number;
  /** Resolved claims whose review was reused from a match in another document. */
  resolvedByReuse: number;
  documents: DocumentSummary[];
  assignments: { claims: AssignedClaim[]; total: number };
  activity: (ActivityItem & { summary: string })[];
}

/** Every status and every verdict, zeros included, in vocabulary order. */
export function chartRows(counts: { status: ClaimStatus; verdict: Verdict | null; count: number }[]): {
  byStatus: ChartRow[];
  byVerdict: ChartRow[];
} {
  const sum = (match: (c: (typeof counts)[number]) => boolean) => counts.filter(match).reduce((n, c) => n + c.count, 0);
  return {
    byStatus: claimStatuses.map((s) => ({ key: s, label: statusLabels[s], count: sum((c) => c.status === s) })),
    byVerdict: verdicts.map((v) => ({ key: v, label: verdictLabels[v], count: sum((c) => c.verdict === v) })),
  };
}

const fieldWords: Record<string, string> = { correction: 'the correction', explanation: 'the explanation' };

/**
 * One line of plain text saying what an event did ("set status to In review, verdict to …"), or
 * what a bulk action did to its claims ("assigned 12 claims to Jun Reyes"). A dismissal's reason
 * is quoted after it.
 */
export function summariseActivity(item: ActivityItem): string {
  if (item.action !== 'claim.updated' || !item.after) return actionLabels[item.action] ?? item.action.replace(/[._]/g, ' ');
  const bulk = item.count > 1;
  const them = bulk ? `${item.count} claims` : 'it';
  const { reason, ...after } = item.after;
  const parts = Object.entries(after).map(([field, value]) => {
    if (field === 'status' && bulk)
      return value === 'dismissed' ? `dismissed ${them}` : `set ${them} to ${statusLabels[value as ClaimStatus] ?? String(value)}`;
    if (field === 'status') return `set status to ${statusLabels[value as ClaimStatus] ?? String(value)}`;
    if (field === 'verdict')
      return value
        ? `gave the verdict ${verdictLabels[value as Verdict] ?? String(value)}`
        : bulk
          ? 'cleared their verdicts'
          : 'cleared the verdict';
    if (field === 'kind') return `changed the kind to ${kindLabels[value as ClaimKind] ?? String(value)}`;
    if (field === 'assigneeId')
      return typeof value === 'number' ? `assigned ${them} to ${item.assigneeName ?? `user #${value}`}` : `unassigned ${them}`;
    return `edited ${fieldWords[field] ?? field}`;
  });
  const summary = parts.join(', ') || actionLabels[item.action] || 'changed';
  return typeof reason === 'string' && reason ? `${summary} (reason: “${reason}”)` : summary;
}
