import { Router } from 'express';
import { flash } from '../../http/flash.js';
import { idParam } from '../../http/params.js';
import { formInput } from '../../http/validation.js';
import type { Claim } from '../../claims/claim.js';
import { claimActionConflict, claimReviewConflict } from '../conflict/claim-conflict.js';
import { formValues, numericId, renderClaimPage, submitForm } from './claim-page.js';
import { listAssignees } from './claim-page.service.js';
import { validateClaimPatchForm, validateSuggestionQuery } from '../../claims/claim.js';
import { dismissClaim, updateClaim } from '../../claims/claim.service.js';
import { statusLabels, verdictLabels } from '../../claims/claim-vocabulary.js';
import { validateDismissForm, validateMergeForm, validateSplitForm } from '../../claims/restructure.js';
import { mergeClaim, splitClaim } from '../../claims/restructure.service.js';

const clearable = new Set(['verdict', 'proposedVerdict', 'correction', 'claimStatement', 'explanation', 'assigneeId']);

/**
 * The review form as a patch. Unlike other forms, an emptied field here clears the value
 * (formInput would drop it and so leave it alone), and the verdict select only counts when the
 * status is Resolved: reopening with the old verdict still selected must not be refused.
 * `base` (what the form showed) only matters to the conflict page.
 */
function reviewPatch(body: unknown): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body && typeof body === 'object' ? body : {})) {
    if (key === '_csrf' || key === 'base') continue;
    const blank = typeof value === 'string' && value.trim() === '';
    if (!blank) patch[key] = value;
    else if (clearable.has(key)) patch[key] = null;
  }
  if (patch.status !== undefined && patch.status !== 'resolved') delete patch.verdict;
  return patch;
}

const saved = (claim: Claim) =>
  claim.status === 'resolved' && claim.verdict
    ? `Claim #${claim.id} resolved as ${verdictLabels[claim.verdict]}.`
    : `Saved claim #${claim.id} (${statusLabels[claim.status]}).`;

/** The claim page and its review, merge, split and dismiss forms (the JSON API's merge and split: claims/restructure.api.routes.ts). */
export function claimRoutes(): Router {
  const router = Router();

  // `?useSuggestion=…` is the no-JavaScript "Use suggestion": the page with the correction pre-filled, nothing saved.
  router.get('/claims/:id', numericId, async (req, res) => {
    const { useSuggestion } = validateSuggestionQuery(req.query);
    await renderClaimPage(
      req,
      res,
      idParam(req, 'id', 'Claim'),
      useSuggestion ? { name: 'review', values: { correction: useSuggestion }, errors: {} } : null,
    );
  });

  // The no-JavaScript "Preview": the review form shown again with what was typed and the corrected sentence; nothing saved.
  router.post('/claims/:id/preview', numericId, async (req, res) => {
    await renderClaimPage(req, res, idParam(req, 'id', 'Claim'), { name: 'review', values: formValues(req.body), errors: {} });
  });

  router.post('/claims/:id', numericId, async (req, res) => {
    const id = idParam(req, 'id', 'Claim');
    const values = formValues(req.body);
    await submitForm(req, res, {
      form: 'review',
      values,
      claimId: id,
      conflict: async (current: Claim) =>
        claimReviewConflict(current, values, new Map((await listAssignees(req.ctx, req.actor!)).map((u) => [u.id, u.displayName]))),
      run: async () => {
        const patch = validateClaimPatchForm(reviewPatch(req.body));
        const { claim, warnings } = await updateClaim(req.ctx, req.actor!, id, patch);
        flash(res, 'success', claim.version === patch.version ? 'Nothing to save: no field was changed.' : saved(claim));
        for (const warning of warnings) flash(res, 'warning', warning);
        return `/claims/${id}`;
      },
    });
  });

  router.post('/claims/:id/merge', numericId, async (req, res) => {
    const id = idParam(req, 'id', 'Claim');
    const values = formValues(req.body);
    await submitForm(req, res, {
      form: 'merge',
      values,
      claimId: id,
      conflict: (current: Claim) => claimActionConflict(current, 'merge', values),
      run: async () => {
        const { claim, absorbedId } = await mergeClaim(req.ctx, req.actor!, id, validateMergeForm(formInput(req.body)));
        flash(
          res,
          'success',
          `Merged claim #${absorbedId} into this one; its sources and notes are here now. The claim reads “${claim.quote.slice(0, 120)}”.`,
        );
        return `/claims/${id}`;
      },
    });
  });

  router.post('/claims/:id/split', numericId, async (req, res) => {
    const id = idParam(req, 'id', 'Claim');
    const values = formValues(req.body);
    await submitForm(req, res, {
      form: 'split',
      values,
      claimId: id,
      conflict: (current: Claim) => claimActionConflict(current, 'split', values),
      run: async () => {
        const { created } = await splitClaim(req.ctx, req.actor!, id, validateSplitForm(formInput(req.body)));
        flash(
          res,
          'success',
          `Split the claim: this claim keeps the first part; “${created.quote.slice(0, 120)}” is now claim #${created.id}.`,
        );
        return `/claims/${id}`;
      },
    });
  });

  router.post('/claims/:id/dismiss', numericId, async (req, res) => {
    const id = idParam(req, 'id', 'Claim');
    const values = formValues(req.body);
    await submitForm(req, res, {
      form: 'dismiss',
      values,
      claimId: id,
      conflict: (current: Claim) => claimActionConflict(current, 'dismiss', values),
      run: async () => {
        await dismissClaim(req.ctx, req.actor!, id, validateDismissForm(formInput(req.body)).version);
        flash(res, 'success', `Dismissed claim #${id}. An editor can reopen it from the review form.`);
        return `/claims/${id}`;
      },
    });
  });

  return router;
}
