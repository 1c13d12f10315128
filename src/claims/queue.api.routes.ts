import { Router } from 'express';
import { formInput } from '../http/validation.js';
import { bulkMessage, validateBulkJson } from './bulk.js';
import { bulkUpdateClaims } from './bulk.service.js';
import { validateQueueQuery } from './claim-queue.js';
import { listClaimQueue } from './claim-queue.service.js';
import { claimJson } from './claim.json.js';

/** The claim queue and its bulk actions in the JSON API (the queue page: pages/queue/queue.routes.ts). */
export function queueApiRoutes(): Router {
  const router = Router();

  router.get('/api/v1/claims', async (req, res) => {
    const page = await listClaimQueue(req.ctx, req.actor!, validateQueueQuery(formInput(req.query)));
    res.json({ claims: page.claims.map((c) => ({ ...claimJson(c), documentTitle: c.documentTitle })), nextCursor: page.nextCursor });
  });

  router.post('/api/v1/claims/bulk', async (req, res) => {
    const result = await bulkUpdateClaims(req.ctx, req.actor!, validateBulkJson(req.body));
    res.json({
      action: result.action,
      changed: result.changed.length,
      unchanged: result.unchanged,
      claims: result.changed,
      message: bulkMessage(result),
    });
  });

  return router;
}
