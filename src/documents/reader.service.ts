import type { Ctx } from '../context.js';
import { notFound } from '../http/errors.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import { readerList, type ReaderCard, type ReaderDocument, type ReaderList, type ReaderMark, type ReaderQuery } from './reader.js';
import { readerTextPart, type ReaderTextPart } from './reader-parts.js';
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
  /** The part of the text shown, with its claims' marks (the whole text when the claims fit a list page). */
  textPart: ReaderTextPart;
  /** The side list: its filters, the page shown, the page of every listed claim. */
  list: ReaderList;
  /** The cards of the page shown. */
  cards: ReaderCard[];
  /** The page's claims with a reviewed match in another document (the list marks them). */
  seen: Set<number>;
}

/**
 * A document, every claim's mark, the part of its text to show and one page of its claim list,
 * in four queries whatever the number of claims: the list and the parts' bounds need every
 * claim's span and colours, the list only its page's cards. A page past the list's end, a part
 * past the text's, or a `claim` the list does not hold, is a 404.
 */
export async function getDocumentForReading(ctx: Ctx, actor: Actor, id: number, query: ReaderQuery): Promise<DocumentForReading> {
  requireReader(actor);
  const [document, marks] = await Promise.all([findReaderDocument(ctx.db, id), findReaderMarks(ctx.db, id)]);
  if (!document) throw notFound('Document');
  const list = readerList(marks, query);
  const textPart = readerTextPart(document.text, marks, query.part, list.pageIds[0]);
  const [cards, seen] = await Promise.all([findReaderCards(ctx.db, list.pageIds), findClaimsWithReviewedMatch(ctx.db, list.pageIds)]);
  return { document, marks, textPart, list, cards, seen };
}
