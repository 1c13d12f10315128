import { Router } from 'express';
import { sourceConflict } from '../conflict/claim-conflict.js';
import { claimIdOfSource } from './claim-page.service.js';
import { formValues as values, numericId, submitForm } from './claim-page.js';
import { stanceLabels } from '../../claims/claim-vocabulary.js';
import { flash } from '../../http/flash.js';
import { idParam } from '../../http/params.js';
import { compileValidator, formInput } from '../../http/validation.js';
import type { Source } from '../../sources/source.js';
import { validateSourceEditForm, validateSourceForm } from '../../sources/source.js';
import { addSource, editSource, removeSource } from '../../sources/source.service.js';

const clearable = new Set(['title', 'publisher', 'publishedOn', 'excerpt']);
const validateRemoval = compileValidator<{ version: number }>(
  { type: 'object', additionalProperties: false, required: ['version'], properties: { version: { type: 'integer', minimum: 1 } } },
  'form',
);

/** The edit form sends every field: an emptied optional field clears it, an emptied URL is refused; `base` is for the conflict page. */
function sourceEdit(body: unknown): Record<string, unknown> {
  const edit: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body && typeof body === 'object' ? body : {})) {
    if (key === '_csrf' || key === 'base') continue;
    edit[key] = typeof value === 'string' && value.trim() === '' && clearable.has(key) ? null : value;
  }
  return edit;
}

const named = (s: Source) => `“${s.title ?? s.url}”`;

/** The claim page's source forms: add, edit, remove. Each redirects back to the claim. */
export function sourceRoutes(): Router {
  const router = Router();

  router.post('/claims/:id/sources', numericId, async (req, res) => {
    const claimId = idParam(req, 'id', 'Claim');
    await submitForm(req, res, {
      form: 'source-new',
      values: values(req.body),
      claimId,
      run: async () => {
        const source = await addSource(req.ctx, req.actor!, claimId, validateSourceForm(formInput(req.body)));
        flash(res, 'success', `Added the source ${named(source)} (${stanceLabels[source.stance]}).`);
        return `/claims/${claimId}#sources`;
      },
    });
  });

  router.post('/sources/:id', numericId, async (req, res) => {
    const id = idParam(req, 'id', 'Source');
    await submitForm(req, res, {
      form: `source-${id}`,
      values: values(req.body),
      claimId: () => claimIdOfSource(req.ctx, req.actor!, id),
      conflict: (current: Source) => sourceConflict(current, values(req.body), 'edit'),
      run: async () => {
        const source = await editSource(req.ctx, req.actor!, id, validateSourceEditForm(sourceEdit(req.body)));
        flash(res, 'success', `Saved the source ${named(source)}.`);
        return `/claims/${source.claimId}#source-${source.id}`;
      },
    });
  });

  router.post('/sources/:id/delete', numericId, async (req, res) => {
    const id = idParam(req, 'id', 'Source');
    const claimId = await claimIdOfSource(req.ctx, req.actor!, id);
    await submitForm(req, res, {
      form: `source-${id}-delete`,
      values: values(req.body),
      claimId,
      conflict: (current: Source) => sourceConflict(current, values(req.body), 'delete'),
      run: async () => {
        await removeSource(req.ctx, req.actor!, id, validateRemoval(formInput(req.body)).version);
        flash(res, 'success', 'Removed the source. The claim’s history keeps a record of it.');
        return `/claims/${claimId}#sources`;
      },
    });
  });

  return router;
}
