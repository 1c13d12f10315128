import { Router } from 'express';
import { idParam } from '../http/params.js';
import { listRevisions, publishCorrections } from './publish.service.js';
import { revisionJson } from './revision.js';
import { validateEmptyJson } from '../http/validation.js';

/** Publishing a document's corrections in the JSON API (the report page's Publish button: pages/publication/). */
export function publishApiRoutes(): Router {
  const router = Router();

  router.post('/api/v1/documents/:id/corrections', async (req, res) => {
    const id = idParam(req, 'id', 'Document');
    validateEmptyJson(req.body ?? {});
    const revision = await publishCorrections(req.ctx, req.actor!, id, req.ip ?? null);
    res
      .status(201)
      .location(`/api/v1/documents/${id}/corrections`)
      .json({ revision: revisionJson(revision, req.ctx.config) });
  });

  router.get('/api/v1/documents/:id/corrections', async (req, res) => {
    const revisions = await listRevisions(req.ctx, req.actor!, idParam(req, 'id', 'Document'));
    res.json({ revisions: revisions.map((r) => revisionJson(r, req.ctx.config)) });
  });

  return router;
}
