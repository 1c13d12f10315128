import { Router } from 'express';
import type { Claim } from '../../claims/claim.js';
import { flash } from '../../http/flash.js';
import { idParam } from '../../http/params.js';
import { formInput } from '../../http/validation.js';
import { validateReuseForm } from '../../matching/reuse.js';
import { reuseReview } from '../../matching/reuse.service.js';
import { claimActionConflict } from '../conflict/claim-conflict.js';
import { formValues, numericId, submitForm } from './claim-page.js';

/** The claim page's "Reuse this review" form (the JSON API's: matching/match.routes.ts). */
export function reuseRoutes(): Router {
  const router = Router();

  router.post('/claims/:id/reuse', numericId, async (req, res) => {
    const id = idParam(req, 'id', 'Claim');
    const values = formValues(req.body);
    await submitForm(req, res, {
      form: 'reuse',
      values,
      claimId: id,
      conflict: (current: Claim) => claimActionConflict(current, 'reuse', values),
      run: async () => {
        const input = validateReuseForm(formInput(req.body));
        const { claim, sources, warnings } = await reuseReview(req.ctx, req.actor!, id, input);
        const what = claim.status === 'resolved' ? 'verdict' : 'proposed verdict';
        flash(
          res,
          'success',
          `Reused the review of claim #${input.from}: ${what}, correction, explanation and ${sources} ${sources === 1 ? 'source' : 'sources'} copied. Change or remove anything that does not fit.`,
        );
        for (const warning of warnings) flash(res, 'warning', warning);
        return `/claims/${id}`;
      },
    });
  });

  return router;
}
