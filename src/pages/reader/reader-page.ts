import type { Request } from 'express';
import ejs from 'ejs';
import type { ClaimStatus } from '../../claims/claim-vocabulary.js';
import { READER_PAGE_SIZE, type ReaderCard, type ReaderDocument, type ReaderFilters, type ReaderQuery } from '../../documents/reader.js';
import { getDocumentForReading, requireReader } from '../../documents/reader.service.js';
import { markedTextHtml } from './marked-text.js';

/** Where the side list is: "claims 101–200 of 2,000", and the neighbouring pages' addresses. */
export interface ReaderPager {
  page: number;
  pageCount: number;
  /** Positions (from 1) of the first and last claim shown; 0 and 0 for an empty list. */
  first: number;
  last: number;
  prevHref: string | null;
  nextHref: string | null;
}

/** What the reader page shows of a document: its text with the claims marked, and one page of its claim list. */
export interface ReaderPage {
  document: ReaderDocument;
  claimCount: number;
  listedCount: number;
  statusCounts: Record<ClaimStatus, number>;
  filters: ReaderFilters;
  filtered: boolean;
  pager: ReaderPager;
  /** The text, escaped, with every claim marked (src/pages/reader/marked-text.ts). */
  articleHtml: string;
  cards: ReaderCard[];
  seen: ReadonlySet<number>;
}

/** The reader's address for these filters and page (page 1 named, so "previous" always says where it goes). */
export function readerHref(documentId: number, filters: ReaderFilters, page?: number): string {
  const query = new URLSearchParams(filters as Record<string, string>);
  if (page !== undefined) query.set('page', String(page));
  const search = query.toString();
  return `/documents/${documentId}${search ? `?${search}` : ''}`;
}

/**
 * The reader's document with one page of its claim list, read afresh on every request (kept
 * pages did not pay on the review mix: docs/BENCHMARKS.md). The text marks every claim; a mark
 * leads to its claim's card: `#claim-ID` on this page, the page that lists it
 * (`?page=K#claim-ID`) otherwise, the claim's own page when the filters leave it out. The list
 * shows READER_PAGE_SIZE cards.
 */
export async function readerPage(req: Request, id: number, query: ReaderQuery): Promise<ReaderPage> {
  requireReader(req.actor!);
  const { document, marks, list, cards, seen } = await getDocumentForReading(req.ctx, req.actor!, id, query);
  const pageBase = ejs.escapeXML(`${readerHref(id, list.filters)}${list.filtered ? '&' : '?'}page=`);
  const hrefOf = (claimId: number) => {
    const page = list.pageOf.get(claimId);
    if (page === undefined) return `/claims/${claimId}`;
    return page === list.page ? `#claim-${claimId}` : `${pageBase}${page}#claim-${claimId}`;
  };
  const first = list.listedCount === 0 ? 0 : (list.page - 1) * READER_PAGE_SIZE + 1;
  return {
    document,
    claimCount: marks.length,
    listedCount: list.listedCount,
    statusCounts: list.statusCounts,
    filters: list.filters,
    filtered: list.filtered,
    pager: {
      page: list.page,
      pageCount: list.pageCount,
      first,
      last: list.listedCount === 0 ? 0 : first + list.pageIds.length - 1,
      prevHref: list.page > 1 ? readerHref(id, list.filters, list.page - 1) : null,
      nextHref: list.page < list.pageCount ? readerHref(id, list.filters, list.page + 1) : null,
    },
    articleHtml: markedTextHtml(document.text, marks, hrefOf, new Set(list.pageIds)),
    cards,
    seen,
  };
}
