import { Router } from 'express';
import { flash } from '../http/flash.js';
import { idParam } from '../http/params.js';
import { listRevisions, publishCorrections } from './publish.service.js';
import { revisionJson, revisionLabel } from './revision.js';
import { validateEmptyJson } from '../http/validation.js';

/** Publishing a document's corrections: the API, and the report page's Publish button. */
export function publishRoutes(): Router {
  const router = Router();

  router.post('/api/v1/documents/:id/corrections', async (req, res) => {
    const id = idParam(req, 'id', 'Document');
    validateEmptyJson(req.body ?? {});
    const revision = await publishCorrections(req.ctx, req.actor!, id, req.ip ?? null);
    res.status(201).location(`/api/v1/documents/${id}/corrections`).json({ revision: revisionJson(revision, req.ctx.config) });
  });

  router.get('/api/v1/documents/:id/corrections', async (req, res) => {
    const revisions = await listRevisions(req.ctx, req.actor!, idParam(req, 'id', 'Document'));
    res.json({ revisions: revisions.map((r) => revisionJson(r, req.ctx.config)) });
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
