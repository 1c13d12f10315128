import { compileValidator } from '../http/validation.js';
import type { Actor } from '../users/permissions.js';
import { mayDecide } from './claim.policy.js';
import { statusLabels } from './claim-vocabulary.js';

export const bulkActions = ['assign', 'status', 'dismiss'] as const;
export type BulkAction = (typeof bulkActions)[number];

/** Statuses a bulk action may set: resolving needs a verdict per claim, so it is never offered in bulk. */
export const bulkStatuses = ['open', 'in_review', 'dismissed'] as const;
export type BulkStatus = (typeof bulkStatuses)[number];

/** The statuses `actor` may set in bulk: dismissing is a decision, so it needs `claim.decide`. */
export const bulkStatusesFor = (actor: Actor | null): BulkStatus[] => bulkStatuses.filter((s) => s !== 'dismissed' || mayDecide(actor));

/** The most claims one bulk request may change (one transaction holds all their row locks). */
export const bulkLimit = 500;

export interface BulkInput {
  claimIds: number[];
  action: BulkAction;
  /** For `assign`: the user to assign, or null to unassign. */
  assigneeId?: number | null;
  /** For `status`. */
  status?: BulkStatus;
  /** Why the claims are dismissed; kept in each claim's history. The queue's form requires it. */
  reason?: string;
  /** The queue's form: the "yes, dismiss them" box was ticked. */
  confirm?: boolean;
}

export interface BulkResult {
  action: BulkAction;
  /** Claims the action changed, with their new versions; each got one `claim.updated` event. */
  changed: { id: number; version: number }[];
  /** Claims that were already in the requested state: no change, no event. */
  unchanged: number;
  assigneeName: string | null;
  status: BulkStatus | null;
}

const bulkSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['claimIds', 'action'],
  properties: {
    claimIds: {
      type: 'array',
      minItems: 1,
      maxItems: bulkLimit,
      uniqueItems: true,
      items: { type: 'integer', minimum: 1, maximum: 2147483647 },
    },
    action: { enum: [...bulkActions] },
    assigneeId: { type: ['integer', 'null'], minimum: 1, maximum: 2147483647 },
    status: { enum: [...bulkStatuses] },
    reason: { type: 'string', minLength: 1, maxLength: 500 },
    confirm: { type: 'boolean' },
  },
};

export const validateBulkJson = compileValidator<BulkInput>(bulkSchema, 'json');
export const validateBulkForm = compileValidator<BulkInput>(bulkSchema, 'form');

/** What a bulk action did, in one sentence: the queue's flash message and the API's `message`. */
export function bulkMessage(r: BulkResult): string {
  const n = r.changed.length;
  const done =
    r.action === 'assign'
      ? r.assigneeName
        ? `assigned to ${r.assigneeName}`
        : 'unassigned'
      : r.status === 'dismissed'
        ? 'dismissed'
        : `set to ${statusLabels[r.status!]}`;
  if (n === 0)
    return `Nothing changed: the ${r.unchanged === 1 ? 'selected claim was' : `${r.unchanged} selected claims were`} already ${done}.`;
  const already = r.unchanged > 0 ? ` (${r.unchanged} already ${r.unchanged === 1 ? 'was' : 'were'})` : '';
  return `${n} ${n === 1 ? 'claim' : 'claims'} ${done}${already}.`;
}
