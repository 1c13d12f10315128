import { Router } from 'express';
import { withVersion } from '../http/api.js';
import { idParam } from '../http/params.js';
import { claimJson } from './claim.json.js';
import { validateMergeJson, validateSplitJson } from './restructure.js';
import { mergeClaim, splitClaim } from './restructure.service.js';

/** Merging and splitting claims in the JSON API (the claim page's forms: pages/claim/claim.routes.ts). */
export function restructureApiRoutes(): Router {
  const router = Router();

  router.post('/api/v1/claims/:id/merge', async (req, res) => {
    const { claim, absorbedId } = await mergeClaim(req.ctx, req.actor!, idParam(req, 'id', 'Claim'), validateMergeJson(withVersion(req)));
    res.set('ETag', `"${claim.version}"`).json({ claim: claimJson(claim), absorbedId });
  });

  router.post('/api/v1/claims/:id/split', async (req, res) => {
    const { claim, created } = await splitClaim(req.ctx, req.actor!, idParam(req, 'id', 'Claim'), validateSplitJson(withVersion(req)));
    res
      .status(201)
      .location(`/api/v1/claims/${created.id}`)
      .set('ETag', `"${claim.version}"`)
      .json({ claim: claimJson(claim), created: claimJson(created) });
  });

  return router;
}
