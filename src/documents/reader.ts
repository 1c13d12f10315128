import type { Claim } from '../claims/claim.js';
import type { Document } from './document.js';
import { claimKinds, claimStatuses, verdicts, type ClaimKind, type ClaimStatus, type Verdict } from '../claims/claim-vocabulary.js';
import { HttpError, notFound } from '../http/errors.js';
import { compileValidator } from '../http/validation.js';

/** Claims per page of the reader's side list. */
export const READER_PAGE_SIZE = 100;

/** The reader's side-list filters. */
export interface ReaderFilters {
  status?: ClaimStatus;
  kind?: ClaimKind;
  /** A verdict, or `none` for claims without one. */
  verdict?: Verdict | 'none';
}

/** The reader's query: the filters, which page of the list and which part of the text to show. */
export interface ReaderQuery extends ReaderFilters {
  /** The page of the list, from 1. */
  page?: number;
  /** Show the page that lists this claim (the address other pages link to, with `#claim-ID`). */
  claim?: number;
  /** The part of a long document's text to show, from 1 (src/documents/reader-parts.ts). */
  part?: number;
}

export const validateReaderQuery = compileValidator<ReaderQuery>(
  {
    type: 'object',
    additionalProperties: false,
    properties: {
      status: { enum: [...claimStatuses] },
      kind: { enum: [...claimKinds] },
      verdict: { enum: [...verdicts, 'none'] },
      page: { type: 'integer', minimum: 1, maximum: 1_000_000 },
      claim: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
      part: { type: 'integer', minimum: 1, maximum: 1_000_000 },
    },
  },
  'form',
);

/** What the reader shows of its document besides its text (of which it reads only the part shown). */
export type ReaderDocument = Pick<Document, 'id' | 'title' | 'language' | 'sourceUrl' | 'createdAt' | 'archivedAt'>;

/** What the text needs of a claim to mark it: its span and what its colours say. */
export type ReaderMark = Pick<Claim, 'id' | 'start' | 'end' | 'kind' | 'status' | 'verdict'>;

/** What a card of the side list shows of a claim. */
export type ReaderCard = ReaderMark &
  Pick<Claim, 'quote' | 'assigneeName'> & {
    /** How many pre-check findings the claim has (sql/0017). */
    findingCount: number;
    /** Whether a claim it matches in another document is resolved (docs/MATCHING.md). */
    reviewedMatch: boolean;
  };

/** The side list's filters and the page of it to show, worked out over every claim's mark. */
export interface ReaderList {
  filters: ReaderFilters;
  filtered: boolean;
  /** Claims per status, whatever the filters. */
  statusCounts: Record<ClaimStatus, number>;
  /** How many claims the filters keep. */
  listedCount: number;
  /** The page shown (from 1) and how many there are (at least 1, for an empty list). */
  page: number;
  pageCount: number;
  /** The claims of the page shown, in list (text) order. */
  pageIds: number[];
  /** The page that lists each listed claim; a claim the filters leave out has none. */
  pageOf: Map<number, number>;
}

/** The filters alone, without the page, claim or part. */
export function readerFilters(query: ReaderQuery): ReaderFilters {
  const { status, kind, verdict } = query;
  return { ...(status ? { status } : {}), ...(kind ? { kind } : {}), ...(verdict ? { verdict } : {}) };
}

/**
 * The side list for `query` over `marks` (every claim, in text order): which claims it keeps, on
 * which page each is, and the page to show (`query.page`, else the first). A page past the last is
 * a 404 that says how many there are. (`query.claim` is turned into its page by the caller, from
 * `pageOf`, so that a claim's link is kept as its page.)
 */
export function readerList(marks: readonly ReaderMark[], query: ReaderQuery): ReaderList {
  const filters = readerFilters(query);
  const statusCounts = Object.fromEntries(claimStatuses.map((s) => [s, 0])) as Record<ClaimStatus, number>;
  const pageOf = new Map<number, number>();
  const listed: number[] = [];
  for (const c of marks) {
    statusCounts[c.status] += 1;
    if (
      (!filters.status || c.status === filters.status) &&
      (!filters.kind || c.kind === filters.kind) &&
      (!filters.verdict || (filters.verdict === 'none' ? c.verdict === null : c.verdict === filters.verdict))
    ) {
      pageOf.set(c.id, Math.floor(listed.length / READER_PAGE_SIZE) + 1);
      listed.push(c.id);
    }
  }
  const pageCount = Math.max(1, Math.ceil(listed.length / READER_PAGE_SIZE));
  // `?claim=ID` (how other pages link in) asks for the page that lists the claim.
  const page = query.claim === undefined ? (query.page ?? 1) : pageOf.get(query.claim);
  if (page === undefined) throw notFound(`Claim #${query.claim} in this list`);
  if (page > pageCount) {
    throw new HttpError(
      404,
      'not_found',
      `There is no page ${page} of this claim list: it has ${pageCount} ${pageCount === 1 ? 'page' : 'pages'}.`,
    );
  }
  return {
    filters,
    filtered: Object.keys(filters).length > 0,
    statusCounts,
    listedCount: listed.length,
    page,
    pageCount,
    pageIds: listed.slice((page - 1) * READER_PAGE_SIZE, page * READER_PAGE_SIZE),
    pageOf,
  };
}
