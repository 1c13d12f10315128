import type { Ctx } from '../context.js';
import { notFound } from '../http/errors.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import {
  READER_PAGE_SIZE,
  readerList,
  type ReaderCard,
  type ReaderDocument,
  type ReaderList,
  type ReaderMark,
  type ReaderQuery,
} from './reader.js';
import { readerTextPart, type ReaderTextPart } from './reader-parts.js';
import { findReaderCards, findReaderDocument, findReaderTextPart } from './reader.repository.js';

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
  /** The text of that part. */
  text: string;
  /** The side list: its filters, the page shown, the page of every listed claim. */
  list: ReaderList;
  /** The cards of the page shown. */
  cards: ReaderCard[];
}

/**
 * A document, every claim's mark, the part of its text to show and one page of its claim list,
 * in two rounds whatever the number of claims: first the document, every claim's span and colours
 * and the text's line bounds (the list and the parts' bounds need them), then the page's cards
 * beside the part's text, which only a text shown in parts reads apart (a text shown whole comes
 * with the first). A page past the list's end, a part past the text's, or a `claim` the list does
 * not hold, is a 404.
 */
export async function getDocumentForReading(ctx: Ctx, actor: Actor, id: number, query: ReaderQuery): Promise<DocumentForReading> {
  requireReader(actor);
  const source = await findReaderDocument(ctx.db, id, READER_PAGE_SIZE);
  if (!source) throw notFound('Document');
  const { document, marks } = source;
  const list = readerList(marks, query);
  const textPart = readerTextPart(source.lines, marks, query.part, list.pageIds[0]);
  const [cards, text] = await Promise.all([
    findReaderCards(ctx.db, list.pageIds),
    source.text !== null ? source.text.slice(textPart.from, textPart.to) : findReaderTextPart(ctx.db, id, textPart.from, textPart.to),
  ]);
  if (text === undefined) throw notFound('Document'); // deleted since the first read
  return { document, marks, textPart, text, list, cards };
}
