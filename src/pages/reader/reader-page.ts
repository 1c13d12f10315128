import type { Request } from 'express';
import ejs from 'ejs';
import { cachedRead } from '../../db/read-cache.js';
import { renderView } from '../../http/view-engine.js';
import type { ClaimStatus } from '../../claims/claim-vocabulary.js';
import { READER_PAGE_SIZE, readerFilters, type ReaderDocument, type ReaderFilters, type ReaderQuery } from '../../documents/reader.js';
import { getDocumentForReading, getReaderListPages, requireReader } from '../../documents/reader.service.js';
import { notFound } from '../../http/errors.js';
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

/** What the reader page shows of a document, its text and side list already rendered (UTF-8). */
export interface ReaderPage {
  document: ReaderDocument;
  claimCount: number;
  listedCount: number;
  statusCounts: Record<ClaimStatus, number>;
  filters: ReaderFilters;
  filtered: boolean;
  pager: ReaderPager;
  parts: { articleHtml: Buffer; listHtml: Buffer };
}

/** The reader's address for these filters and page (page 1 named, so "previous" always says where it goes). */
export function readerHref(documentId: number, filters: ReaderFilters, page?: number): string {
  const query = new URLSearchParams(filters as Record<string, string>);
  if (page !== undefined) query.set('page', String(page));
  const search = query.toString();
  return `/documents/${documentId}${search ? `?${search}` : ''}`;
}

/**
 * The reader's document with one page of its claim list, read and rendered, or kept from a
 * request that asked the same. The text marks every claim; a mark leads to its claim's card:
 * `#claim-ID` on this page, the page that lists it (`?page=K#claim-ID`) otherwise, the claim's
 * own page when the filters leave it out. The list shows READER_PAGE_SIZE cards. What is kept
 * lasts until the document, one of its claims or a user (the assignees' names) changes, in any
 * process (src/db/read-cache.ts), as bytes ready to send (`sendWithKeptParts`). The permission
 * check runs on every request.
 */
export async function readerPage(req: Request, id: number, query: ReaderQuery): Promise<ReaderPage> {
  requireReader(req.actor!);
  const filters = readerFilters(query);
  const page = query.claim === undefined ? (query.page ?? 1) : await pageHolding(req, id, filters, query.claim);
  return cachedRead(
    req.ctx.cache,
    'readerPage',
    readerHref(id, filters, page),
    async () => {
      const { document, marks, list, cards, seen } = await getDocumentForReading(req.ctx, req.actor!, id, { ...filters, page });
      const pageBase = ejs.escapeXML(`${readerHref(id, list.filters)}${list.filtered ? '&' : '?'}page=`);
      const hrefOf = (claimId: number) => {
        const page = list.pageOf.get(claimId);
        if (page === undefined) return `/claims/${claimId}`;
        return page === list.page ? `#claim-${claimId}` : `${pageBase}${page}#claim-${claimId}`;
      };
      const articleHtml = markedTextHtml(document.text, marks, hrefOf, new Set(list.pageIds));
      const listHtml = await renderView(req.app, 'documents/claim-list', { cards, seen });
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
        parts: { articleHtml: Buffer.from(articleHtml, 'utf8'), listHtml: Buffer.from(listHtml, 'utf8') },
      };
    },
    (page) => page.parts.articleHtml.length + page.parts.listHtml.length + 2 * page.document.text.length,
  );
}

/**
 * The page of the list that holds `claim` (`?claim=ID`, how other pages link in), from the list's
 * pages kept per document and filters: so each claim's link is served, and kept, as its page
 * rather than as a page of its own.
 */
async function pageHolding(req: Request, id: number, filters: ReaderFilters, claim: number): Promise<number> {
  const pageOf = await cachedRead(
    req.ctx.cache,
    'readerListPages',
    readerHref(id, filters),
    () => getReaderListPages(req.ctx, req.actor!, id, filters),
    (pages) => 64 * pages.size,
  );
  const page = pageOf.get(claim);
  if (page === undefined) throw notFound(`Claim #${claim} in this list`);
  return page;
}
