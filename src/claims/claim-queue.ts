import { invalid } from '../http/errors.js';
import { compileValidator } from '../http/validation.js';
import type { Claim } from './claim.js';
import { claimKinds, claimStatuses, verdicts, type ClaimKind, type ClaimStatus, type Verdict } from './claim-vocabulary.js';

export const queueSorts = ['position', 'score', 'updated', 'seen'] as const;
export type QueueSort = (typeof queueSorts)[number];
/** `seen`: claims with a reviewed match in another document first (docs/MATCHING.md), then in text order. */
export const queueSortLabels: Record<QueueSort, string> = {
  position: 'Text position',
  score: 'Check-worthiness score',
  updated: 'Last change',
  seen: 'Reviewed match first',
};

/** Rows per page of the queue (one more is fetched to know whether a next page exists). */
export const queuePageSize = 50;

/** The queue's filters, as the page's GET form and the API's query string send them. */
export interface QueueQuery {
  q?: string;
  status?: ClaimStatus;
  /** A verdict, or `none` for claims without one. */
  verdict?: Verdict | 'none';
  kind?: ClaimKind;
  /** `yes`: only claims the pre-checks found something in. */
  findings?: 'yes';
  documentId?: number;
  /** `me`, `none` (unassigned) or a user id. */
  assignee?: string;
  /** `reviewed`: only claims with a resolved match in another document (docs/MATCHING.md). */
  seen?: 'reviewed';
  sort: QueueSort;
  /** The keyset cursor of the last row of the previous page. */
  after?: string;
}

/** A queue row: the claim plus the title of its document. */
export type QueueClaim = Claim & { documentTitle: string };

/** A row of the queue page: what its table prints, no more. */
export type QueueRowColumns = Pick<
  Claim,
  'id' | 'documentId' | 'quote' | 'kind' | 'score' | 'status' | 'verdict' | 'correction' | 'assigneeId' | 'updatedAt'
> & { documentTitle: string };
export type QueueRow = QueueRowColumns & { assigneeName: string | null };

export interface QueuePage<T = QueueClaim> {
  claims: T[];
  nextCursor: string | null;
}

const querySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['sort'],
  properties: {
    q: { type: 'string', maxLength: 200 },
    status: { enum: [...claimStatuses] },
    verdict: { enum: [...verdicts, 'none'] },
    kind: { enum: [...claimKinds] },
    findings: { enum: ['yes'] },
    documentId: { type: 'integer', minimum: 1, maximum: 2147483647 },
    assignee: { type: 'string', pattern: '^(me|none|[1-9][0-9]{0,9})$', description: 'must be me, none or a user id' },
    seen: { enum: ['reviewed'] },
    sort: { enum: [...queueSorts], default: 'position' },
    after: { type: 'string', maxLength: 200, pattern: '^[A-Za-z0-9_-]+$', description: 'must be a cursor returned by the previous page' },
  },
};

/** Query strings are text, so both the page and the API coerce numbers the form way. */
export const validateQueueQuery = compileValidator<QueueQuery>(querySchema, 'form');

/** The sort key of a row: what the next page must start after. */
export type CursorKey =
  | [documentId: number, start: number, id: number]
  | [score: number, id: number]
  | [updatedAt: string, id: number]
  | [seen: 0 | 1, documentId: number, start: number, id: number];

/** Encodes the sort and the last row's key; opaque to clients. */
export function encodeCursor(sort: QueueSort, key: CursorKey): string {
  return Buffer.from(JSON.stringify([sort, ...key])).toString('base64url');
}

/** Decodes a cursor for `sort`; 400 naming `after` when it is malformed or from another sort order. */
export function decodeCursor(sort: QueueSort, cursor: string): CursorKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('after', 'must be a cursor returned by the previous page');
  }
  if (!Array.isArray(parsed) || parsed[0] !== sort) throw invalid('after', `must be a cursor of the ${sort} sort order`);
  const key = parsed.slice(1);
  const isId = (v: unknown) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 2147483647;
  const ok =
    sort === 'position'
      ? key.length === 3 && isId(key[0]) && Number.isInteger(key[1]) && key[1] >= 0 && isId(key[2])
      : sort === 'seen'
        ? key.length === 4 && (key[0] === 0 || key[0] === 1) && isId(key[1]) && Number.isInteger(key[2]) && key[2] >= 0 && isId(key[3])
        : sort === 'score'
          ? key.length === 2 && typeof key[0] === 'number' && key[0] >= 0 && key[0] <= 1 && isId(key[1])
          : key.length === 2 && typeof key[0] === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(key[0]) && isId(key[1]);
  if (!ok) throw invalid('after', 'must be a cursor returned by the previous page');
  return key as CursorKey;
}

/** The query without its cursor, as URL parameters (for links to the first and next pages). */
export function queueParams(query: QueueQuery, after?: string | null): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key === 'after' || value === undefined || (key === 'sort' && value === 'position')) continue;
    params.set(key, String(value));
  }
  if (after) params.set('after', after);
  return params;
}
