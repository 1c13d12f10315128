import { Router } from 'express';
import { flash } from '../http/flash.js';
import { idParam } from '../http/params.js';
import { validateEmptyJson } from '../http/validation.js';
import { deleteDocument, previewDocumentDeletion } from './document-delete.service.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Deleting a document: a confirmation page naming what will be lost, the form, and the API. */
export function documentDeleteRoutes(): Router {
  const router = Router();

  router.get('/documents/:id/delete', async (req, res) => {
    const preview = await previewDocumentDeletion(req.ctx, req.actor!, idParam(req, 'id', 'Document'));
    res.render('documents/delete', { title: `Delete “${preview.title}”`, preview });
  });

  router.post('/documents/:id/delete', async (req, res) => {
    const { title, contents } = await deleteDocument(req.ctx, req.actor!, idParam(req, 'id', 'Document'), req.ip ?? null);
    flash(res, 'success', `Deleted “${title}” with its ${plural(contents.claims, 'claim', 'claims')}, ${plural(contents.sources, 'source', 'sources')} and ${plural(contents.notes, 'note', 'notes')}.`);
    res.redirect(303, '/documents');
  });

  router.delete('/api/v1/documents/:id', async (req, res) => {
    validateEmptyJson(req.body ?? {});
    await deleteDocument(req.ctx, req.actor!, idParam(req, 'id', 'Document'), req.ip ?? null);
    res.status(204).end();
  });

  return router;
}
