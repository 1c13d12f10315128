import { Router } from 'express';
import { withVersion } from '../http/api.js';
import { flash } from '../http/flash.js';
import { idParam } from '../http/params.js';
import { formInput } from '../http/validation.js';
import { publicationJson, validatePublicationForm, validatePublicationJson } from './publication.js';
import { getPublication, updatePublication } from './publication.service.js';

/** A document's publication details (author, publisher, date, typos in the note): API and the report page's form. */
export function publicationRoutes(): Router {
  const router = Router();

  router.get('/api/v1/documents/:id/publication', async (req, res) => {
    const p = await getPublication(req.ctx, req.actor!, idParam(req, 'id', 'Document'));
    res.set('ETag', `"${p.version}"`).json({ publication: publicationJson(p), version: p.version });
  });

  router.patch('/api/v1/documents/:id/publication', async (req, res) => {
    const p = await updatePublication(req.ctx, req.actor!, idParam(req, 'id', 'Document'), validatePublicationJson(withVersion(req)), req.ip ?? null);
    res.set('ETag', `"${p.version}"`).json({ publication: publicationJson(p), version: p.version });
  });

  // The form sends every field: an empty one clears it, and the unticked box means "no".
  router.post('/documents/:id/publication', async (req, res) => {
    const id = idParam(req, 'id', 'Document');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values = formInput(body);
    const input = validatePublicationForm({ ...values, author: values.author ?? null, publisher: values.publisher ?? null, publishedAt: values.publishedAt ?? null, noteListsTypos: body.noteListsTypos === 'true' });
    await updatePublication(req.ctx, req.actor!, id, input, req.ip ?? null);
    flash(res, 'success', 'Publication details saved.');
    res.redirect(303, `/documents/${id}/report#publication`);
  });

  return router;
}
