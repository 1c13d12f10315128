import type { Request, Response } from 'express';
import { findLatestEventByClaimId } from '../../history/event.repository.js';
import type { ConflictView } from './claim-conflict.js';

/**
 * The edit-conflict page (409) for a claim page form sent from a stale version: the fields as
 * they are now beside what was sent, and who saved last and when, from the claim's history.
 */
export async function renderConflictPage(req: Request, res: Response, claimId: number, conflict: ConflictView): Promise<void> {
  const lastSave = await findLatestEventByClaimId(req.ctx.db, claimId);
  const savedBy = lastSave ? { name: lastSave.actorName ?? 'claimdesk CLI', at: lastSave.createdAt } : null;
  res.status(409).render('claims/conflict', { title: 'Edit conflict', conflict, savedBy });
}
