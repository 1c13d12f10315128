import { Router, type Request } from 'express';
import { claimActionConflict } from '../claims/claim-conflict.js';
import type { Claim } from '../claims/claim.js';
import { claimJson } from '../claims/claim.json.js';
import { formValues, numericId, submitForm } from '../claims/claim-page.js';
import { withVersion } from '../http/api.js';
import { invalid } from '../http/errors.js';
import { flash } from '../http/flash.js';
import { idParam } from '../http/params.js';
import { formInput } from '../http/validation.js';
import { listClaimMatches } from './match.service.js';
import { validateReuseForm, validateReuseJson } from './reuse.js';
import { reuseReview } from './reuse.service.js';

/** The API's claim id: a malformed one is a bad request here, not a missing page. */
function claimIdParam(req: Request): number {
  const raw = String(req.params.id);
  if (!/^[1-9][0-9]{0,9}$/.test(raw) || Number(raw) > 2_147_483_647) throw invalid('id', 'must be a claim id (a positive whole number)');
  return Number(raw);
}

/** "Seen before": a claim's matches in the API, and reusing a matched claim's review (API and form). */
export function matchRoutes(): Router {
  const router = Router();

  router.get('/api/v1/claims/:id/matches', async (req, res) => {
    const matches = await listClaimMatches(req.ctx, req.actor!, claimIdParam(req));
    res.json({
      matches: matches.map((m) => ({
        claimId: m.claimId, documentId: m.documentId, documentTitle: m.documentTitle, score: m.score, reasons: m.reasons,
        status: m.status, verdict: m.verdict, quote: m.quote, language: m.language,
      })),
    });
  });

  router.post('/api/v1/claims/:id/reuse', async (req, res) => {
    const { claim, sources, warnings } = await reuseReview(req.ctx, req.actor!, claimIdParam(req), validateReuseJson(withVersion(req)));
    res.set('ETag', `"${claim.version}"`).json({ claim: claimJson(claim), sourcesCopied: sources, warnings });
  });

  router.post('/claims/:id/reuse', numericId, async (req, res) => {
    const id = idParam(req, 'id', 'Claim');
    const values = formValues(req.body);
    await submitForm(req, res, {
      form: 'reuse', values, claimId: id,
      conflict: (current: Claim) => claimActionConflict(current, 'reuse', values),
      run: async () => {
        const input = validateReuseForm(formInput(req.body));
        const { claim, sources, warnings } = await reuseReview(req.ctx, req.actor!, id, input);
        const what = claim.status === 'resolved' ? 'verdict' : 'proposed verdict';
        flash(res, 'success', `Reused the review of claim #${input.from}: ${what}, correction, explanation and ${sources} ${sources === 1 ? 'source' : 'sources'} copied. Change or remove anything that does not fit.`);
        for (const warning of warnings) flash(res, 'warning', warning);
        return `/claims/${id}`;
      },
    });
  });

  return router;
}
