import { Router } from 'express';
import { flash } from '../../http/flash.js';
import { idParam } from '../../http/params.js';
import { deleteDocument, previewDocumentDeletion } from '../../documents/document-delete.service.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Deleting a document: a confirmation page naming what will be lost, and its form (the API: documents/document.api.routes.ts). */
export function documentDeleteRoutes(): Router {
  const router = Router();

  router.get('/documents/:id/delete', async (req, res) => {
    const preview = await previewDocumentDeletion(req.ctx, req.actor!, idParam(req, 'id', 'Document'));
    res.render('documents/delete', { title: `Delete “${preview.title}”`, preview });
  });

  router.post('/documents/:id/delete', async (req, res) => {
    const { title, contents } = await deleteDocument(req.ctx, req.actor!, idParam(req, 'id', 'Document'), req.ip ?? null);
    flash(
      res,
      'success',
      `Deleted “${title}” with its ${plural(contents.claims, 'claim', 'claims')}, ${plural(contents.sources, 'source', 'sources')} and ${plural(contents.notes, 'note', 'notes')}.`,
    );
    res.redirect(303, '/documents');
  });

  return router;
}
