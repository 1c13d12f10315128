import type { Ctx } from '../context.js';
import { notFound } from '../http/errors.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import { readerList, type ReaderCard, type ReaderDocument, type ReaderList, type ReaderMark, type ReaderQuery } from './reader.js';
import { findReaderCards, findReaderDocument, findReaderMarks } from './reader.repository.js';
import { findClaimsWithReviewedMatch } from '../matching/match.repository.js';

/** Who may open the reader: whoever may read documents and claims. */
export function requireReader(actor: Actor): void {
  requirePermission(actor, 'document.read');
  requirePermission(actor, 'claim.read');
}

export interface DocumentForReading {
  document: ReaderDocument;
  /** Every claim, as the text marks it, in text order. */
  marks: ReaderMark[];
  /** The side list: its filters, the page shown, the page of every listed claim. */
  list: ReaderList;
  /** The cards of the page shown. */
  cards: ReaderCard[];
  /** The page's claims with a reviewed match in another document (the list marks them). */
  seen: Set<number>;
}

/**
 * A document, every claim's mark and one page of its claim list, in four queries whatever the
 * number of claims: the text needs every claim's span and colours, the list only its page's
 * cards. A page past the list's end, or a `claim` it does not hold, is a 404.
 */
export async function getDocumentForReading(ctx: Ctx, actor: Actor, id: number, query: ReaderQuery): Promise<DocumentForReading> {
  requireReader(actor);
  const [document, marks] = await Promise.all([findReaderDocument(ctx.db, id), findReaderMarks(ctx.db, id)]);
  if (!document) throw notFound('Document');
  const list = readerList(marks, query);
  const [cards, seen] = await Promise.all([findReaderCards(ctx.db, list.pageIds), findClaimsWithReviewedMatch(ctx.db, list.pageIds)]);
  return { document, marks, list, cards, seen };
}
