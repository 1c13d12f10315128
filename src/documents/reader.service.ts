import type { Ctx } from '../context.js';
import { notFound } from '../http/errors.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import type { Document } from './document.js';
import { findDocumentById } from './document.repository.js';
import type { ReaderClaim } from './reader.js';
import { findReaderClaims } from './reader.repository.js';

/** Who may open the reader: whoever may read documents and claims. */
export function requireReader(actor: Actor): void {
  requirePermission(actor, 'document.read');
  requirePermission(actor, 'claim.read');
}

/** A document and its claims for the reader, in two queries whatever the number of claims. */
export async function getDocumentForReading(ctx: Ctx, actor: Actor, id: number): Promise<{ document: Document; claims: ReaderClaim[] }> {
  requireReader(actor);
  const [document, claims] = await Promise.all([findDocumentById(ctx.db, id), findReaderClaims(ctx.db, id)]);
  if (!document) throw notFound('Document');
  return { document, claims };
}
