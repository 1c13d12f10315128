import { Router } from 'express';
import { flash } from '../../http/flash.js';
import { idParam } from '../../http/params.js';
import { archiveDocument } from '../../documents/document-archive.service.js';
import { listDocuments } from '../../documents/document.service.js';

/** Archiving and restoring documents: the archive list and the reader's buttons (the API: documents/document-archive.api.routes.ts). */
export function documentArchiveRoutes(): Router {
  const router = Router();

  // Registered before the reader's /documents/:id, which would read "archived" as an id.
  router.get('/documents/archived', async (req, res) => {
    res.render('documents/archived', {
      title: 'Archived documents',
      documents: await listDocuments(req.ctx, req.actor!, { archived: true }),
    });
  });

  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    router.post(`/documents/:id/${action}`, async (req, res) => {
      const document = await archiveDocument(req.ctx, req.actor!, idParam(req, 'id', 'Document'), archived, req.ip ?? null);
      flash(
        res,
        'success',
        archived
          ? `Archived “${document.title}”: it is hidden from the documents list and the queue. Restore it from Archived documents.`
          : `Restored “${document.title}” to the documents list and the queue.`,
      );
      res.redirect(303, archived ? '/documents' : `/documents/${document.id}`);
    });
  }

  return router;
}
