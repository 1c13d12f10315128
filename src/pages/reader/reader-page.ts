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

/** Which part of a long document's text is shown: "Part 3 of 20", and the neighbouring parts' addresses. */
export interface ReaderPartPager {
  part: number;
  partCount: number;
  prevHref: string | null;
  nextHref: string | null;
}

/** What the reader page shows of a document: its text (or a part of it) with the claims marked, and one page of its claim list. */
export interface ReaderPage {
  document: ReaderDocument;
  claimCount: number;
  listedCount: number;
  statusCounts: Record<ClaimStatus, number>;
  filters: ReaderFilters;
  filtered: boolean;
  pager: ReaderPager;
  /** The part of the text shown, when the document has more than one (null: the whole text). */
  partPager: ReaderPartPager | null;
  /** Where the shown text begins in the document (0 for the whole text), for public/js/reader.js. */
  textOffset: number;
  /** The text shown, escaped, with its claims marked (src/pages/reader/marked-text.ts). */
  articleHtml: string;
  cards: ReaderCard[];
  /** Where a card's "show in text" leads: its passage here, or the part of the text holding it. */
  textHrefOf: (claimId: number) => string;
}

/** The reader's address for these filters, page and part (page 1 named, so "previous" always says where it goes). */
export function readerHref(documentId: number, filters: ReaderFilters, page?: number, part?: number): string {
  const query = new URLSearchParams(filters as Record<string, string>);
  if (page !== undefined) query.set('page', String(page));
  if (part !== undefined) query.set('part', String(part));
  const search = query.toString();
  return `/documents/${documentId}${search ? `?${search}` : ''}`;
}

/**
 * The reader's document with one page of its claim list, read afresh on every request (kept
 * pages did not pay on the review mix: docs/BENCHMARKS.md). The text marks every claim of the
 * part shown (the whole text unless the document has more claims than a list page); a mark leads
 * to its claim's card: `#claim-ID` on this page, the page that lists it (`?page=K#claim-ID`)
 * otherwise, the claim's own page when the filters leave it out. The list shows READER_PAGE_SIZE
 * cards; a card's "show in text" leads to `#text-ID`, or to the part holding its claim
 * (`?page=P&part=K#text-ID`, the same list page).
 */
export async function readerPage(req: Request, id: number, query: ReaderQuery): Promise<ReaderPage> {
  requireReader(req.actor!);
  const { document, marks, textPart, text, list, cards } = await getDocumentForReading(req.ctx, req.actor!, id, query);
  const pageBase = ejs.escapeXML(`${readerHref(id, list.filters)}${list.filtered ? '&' : '?'}page=`);
  const hrefOf = (claimId: number) => {
    const page = list.pageOf.get(claimId);
    if (page === undefined) return `/claims/${claimId}`;
    return page === list.page ? `#claim-${claimId}` : `${pageBase}${page}#claim-${claimId}`;
  };
  const partHref = (part: number) => readerHref(id, list.filters, list.page, part);
  const partOfCard = new Map(cards.map((c) => [c.id, textPart.partOf(c)]));
  const textHrefOf = (claimId: number) => {
    const part = partOfCard.get(claimId) ?? textPart.part;
    return part === textPart.part ? `#text-${claimId}` : `${partHref(part)}#text-${claimId}`;
  };
  // The part's own text, its marks moved to match; the anchors and links name claims by id, and
  // the article says where the part begins (data-text-offset) for offsets into the document.
  const partMarks =
    textPart.from === 0
      ? textPart.marks
      : textPart.marks.map((m) => ({ ...m, start: m.start - textPart.from, end: m.end - textPart.from }));
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
    partPager:
      textPart.partCount === 1
        ? null
        : {
            part: textPart.part,
            partCount: textPart.partCount,
            prevHref: textPart.part > 1 ? partHref(textPart.part - 1) : null,
            nextHref: textPart.part < textPart.partCount ? partHref(textPart.part + 1) : null,
          },
    textOffset: textPart.from,
    articleHtml: markedTextHtml(text, partMarks, hrefOf, new Set(list.pageIds)),
    cards,
    textHrefOf,
  };
}
