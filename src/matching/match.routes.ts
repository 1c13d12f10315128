import { Router, type Request } from 'express';
import { claimJson } from '../claims/claim.json.js';
import { withVersion } from '../http/api.js';
import { invalid } from '../http/errors.js';
import { listClaimMatches } from './match.service.js';
import { validateReuseJson } from './reuse.js';
import { reuseReview } from './reuse.service.js';

/** The API's claim id: a malformed one is a bad request here, not a missing page. */
function claimIdParam(req: Request): number {
  const raw = String(req.params.id);
  if (!/^[1-9][0-9]{0,9}$/.test(raw) || Number(raw) > 2_147_483_647) throw invalid('id', 'must be a claim id (a positive whole number)');
  return Number(raw);
}

/** "Seen before" in the JSON API: a claim's matches, and reusing a matched claim's review (the form: pages/claim/reuse.routes.ts). */
export function matchRoutes(): Router {
  const router = Router();

  router.get('/api/v1/claims/:id/matches', async (req, res) => {
    const matches = await listClaimMatches(req.ctx, req.actor!, claimIdParam(req));
    res.json({
      matches: matches.map((m) => ({
        claimId: m.claimId,
        documentId: m.documentId,
        documentTitle: m.documentTitle,
        score: m.score,
        reasons: m.reasons,
        status: m.status,
        verdict: m.verdict,
        quote: m.quote,
        language: m.language,
      })),
    });
  });

  router.post('/api/v1/claims/:id/reuse', async (req, res) => {
    const { claim, sources, warnings } = await reuseReview(req.ctx, req.actor!, claimIdParam(req), validateReuseJson(withVersion(req)));
    res.set('ETag', `"${claim.version}"`).json({ claim: claimJson(claim), sourcesCopied: sources, warnings });
  });

  return router;
}
