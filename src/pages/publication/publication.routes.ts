import { Router } from 'express';
import { validatePublicationForm } from '../../documents/publication.js';
import { updatePublication } from '../../documents/publication.service.js';
import { flash } from '../../http/flash.js';
import { idParam } from '../../http/params.js';
import { formInput } from '../../http/validation.js';
import { publishCorrections } from '../../reports/publish.service.js';
import { revisionLabel } from '../../reports/revision.js';

/**
 * The report page's publication forms: a document's publication details (author, publisher,
 * date, typos in the note) and the Publish button. Their JSON API: documents/publication.api.routes.ts
 * and reports/publish.api.routes.ts.
 */
export function publicationRoutes(): Router {
  const router = Router();

  // The form sends every field: an empty one clears it, and the unticked box means "no".
  router.post('/documents/:id/publication', async (req, res) => {
    const id = idParam(req, 'id', 'Document');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values = formInput(body);
    const input = validatePublicationForm({
      ...values,
      author: values.author ?? null,
      publisher: values.publisher ?? null,
      publishedAt: values.publishedAt ?? null,
      noteListsTypos: body.noteListsTypos === 'true',
    });
    await updatePublication(req.ctx, req.actor!, id, input, req.ip ?? null);
    flash(res, 'success', 'Publication details saved.');
    res.redirect(303, `/documents/${id}/report#publication`);
  });

  // The report page's button. A refusal (nothing resolved, nothing changed) goes to the error page
  // through the central handler, with its message.
  router.post('/documents/:id/corrections', async (req, res) => {
    const id = idParam(req, 'id', 'Document');
    const revision = await publishCorrections(req.ctx, req.actor!, id, req.ip ?? null);
    flash(res, 'success', `${revisionLabel(revision)} published (revision ${revision.number}). It is on the public corrections log.`);
    res.redirect(303, `/documents/${id}/report`);
  });

  return router;
}
